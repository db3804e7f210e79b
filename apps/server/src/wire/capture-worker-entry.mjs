// The capture worker's entry: worker threads do not inherit the bridge's TypeScript loader (tsx),
// so it is registered here before the worker's own module loads.
import { register } from 'tsx/esm/api';

register();
await import('./capture-worker.ts');
