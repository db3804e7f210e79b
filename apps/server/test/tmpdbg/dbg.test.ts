import { it } from 'vitest';
import { joinToken, lastRoster, openSession } from '../support/classroom.ts';
import { usePlaygrounds } from '../support/playground.ts';
const pg = usePlaygrounds();
it('dbg', async () => {
  const p = await pg.start({ mode: 'lan', classroomIntervalMs: 50 });
  const teacher = await pg.client(p);
  await teacher.ok({ type: 'class.watch' });
  const ada = await openSession(p, await joinToken(p, 'Ada'), { keep: true });
  const s = (await ada.ok({ type: 'tcp.listen', host: '127.0.0.1', port: 0 })).socket!;
  await ada.ok({ type: 'tcp.connect', host: '127.0.0.1', port: s.local!.port });
  await new Promise((r) => setTimeout(r, 300));
  console.log(JSON.stringify(lastRoster(teacher)?.students[0]?.sockets.map((x) => [x.id, x.state])));
  await teacher.ok({ type: 'class.stopStudentSockets', studentId: 'st1' });
  await new Promise((r) => setTimeout(r, 300));
  console.log(JSON.stringify(lastRoster(teacher)?.students[0]?.sockets.map((x) => [x.id, x.state])));
  await ada.close();
});
