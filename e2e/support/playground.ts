import { fileURLToPath } from 'node:url';
import { type Playground, startPlayground } from '../../apps/server/src/index.ts';

export const webRoot = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));

/** A real bridge on an ephemeral loopback port, serving the built web app (`pnpm build`). */
export function startE2ePlayground(): Promise<Playground> {
  return startPlayground({ port: 0, webRoot });
}
