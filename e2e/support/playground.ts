import { fileURLToPath } from 'node:url';
import { type Playground, startPlayground } from '@playground/server';

export const webRoot = fileURLToPath(new URL('../../apps/web/dist', import.meta.url));

/** A real bridge on an ephemeral loopback port, serving the built web app (`pnpm build`). */
export function startE2ePlayground(): Promise<Playground> {
  return startPlayground({ port: 0, webRoot });
}
