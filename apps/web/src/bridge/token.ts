import { SessionInfo } from '@playground/protocol';

/**
 * The WebSocket token: the teacher's from the link the bridge printed (`#teacher=…`, never sent to
 * the server in a URL), otherwise the one `GET /api/session` hands to pages on this computer.
 * Null in LAN mode for students, who join with a code instead.
 */
export async function fetchToken(
  location: Pick<Location, 'hash'>,
  fetchJson: (url: string) => Promise<Response> = (url) =>
    fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' }),
): Promise<string | null> {
  const teacher = new URLSearchParams(location.hash.replace(/^#/, '')).get('teacher');
  if (teacher) return teacher;
  const response = await fetchJson('api/session');
  if (!response.ok) throw new Error(`GET /api/session answered ${response.status}`);
  const info = SessionInfo.safeParse(await response.json());
  if (!info.success) throw new Error('GET /api/session answered something the protocol does not allow');
  return info.data.token;
}
