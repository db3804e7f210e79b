import { PROTOCOL_VERSION, type Role, type Welcome } from '@playground/protocol';

/** Who the session is, as the welcome tells its page. */
interface Who {
  id: string;
  role: Role;
  name: string | undefined;
  studentId: string | undefined;
}

/** The first message on every page's WebSocket, and again when a page resumes the session. */
export function welcomeFor(
  who: Who,
  rest: Pick<Welcome, 'limits' | 'targetPolicy' | 'resumeToken' | 'resumeGraceMs' | 'resumed'>,
): Welcome {
  const welcome: Welcome = {
    type: 'welcome',
    protocolVersion: PROTOCOL_VERSION,
    sessionId: who.id,
    role: who.role,
    ...rest,
  };
  if (who.name !== undefined) welcome.name = who.name;
  if (who.studentId !== undefined) welcome.studentId = who.studentId;
  return welcome;
}
