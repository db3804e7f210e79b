import { lanAddresses } from '../classroom/join-urls.ts';
import type { Playground } from '../server.ts';

/**
 * Local mode: one ready line. LAN mode: a ready line per address a student can type (the
 * `--public-url` ones when a proxy stands in front), the code, the teacher's link.
 */
export function banner(playground: Playground, host: string): string[] {
  if (playground.mode === 'local') return [`Socket Playground ready at ${playground.url}`];
  const wildcard = host === '0.0.0.0' || host === '::';
  const direct = wildcard
    ? [`http://localhost:${playground.port}/`, ...lanAddresses().map((a) => `http://${a}:${playground.port}/`)]
    : [playground.url];
  const urls = playground.publicUrls.length > 0 ? playground.publicUrls : direct;
  return [
    ...urls.map((url) => `Socket Playground ready at ${url}`),
    ...(playground.publicUrls.length > 0 ? [`  (listening on ${playground.url} behind it)`] : []),
    `Join code for students: ${playground.joinCode}`,
    `Teacher page (keep this link to yourself): ${urls[0]}#teacher=${playground.token}`,
  ];
}
