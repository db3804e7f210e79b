import type { ErrorTemplates } from '@playground/protocol';

/**
 * The page's English for every entry of the protocol's error catalogue (en.ts includes them as
 * `errors`); `ErrorTemplates` makes the compiler check the keys against the catalogue, and
 * test/errorTemplates.test.ts checks that every {{value}} is a param of its entry.
 */
export const errorsEn = {
  ECONNREFUSED: 'Connection refused: nothing is listening on {{host}}:{{port}}. Start a server there first.',
  ECONNRESET: 'The peer reset the connection (RST): it closed abruptly and data still in flight was lost.',
  ETIMEDOUT: {
    call: '{{socketId}}: {{call}}() timed out after {{timeoutMs, number}} ms: nothing came in time.',
    connect: 'Nobody at {{host}}:{{port}} answered within {{timeoutMs}} ms, so connect() gave up.',
    later: '{{host}}:{{port}} stopped answering, so the connection timed out.',
  },
  EADDRINUSE: {
    you: 'Port {{port}} is already used by your server {{socketId}}. Stop it or pick another port.',
    classmate:
      'Port {{port}} is already used by a classmate’s server: the whole class shares this computer. Leave the port at 0 and the OS picks a free one.',
    teacher: 'Port {{port}} is already used by your teacher’s server. Leave the port at 0 and the OS picks a free one.',
    session:
      'Port {{port}} is already used by a server of another Socket Playground page on this computer. Pick another port.',
    noReuseAddr:
      'Port {{port}} on {{host}} is still held by a connection in {{state}} ({{local}} ↔ {{remote}}; the OS view shows it). A server without SO_REUSEADDR, like the seeds’ Python servers, fails here with “Address already in use” until it is gone (TIME_WAIT lasts 60 s). Node always sets SO_REUSEADDR, so the playground refused on Python’s behalf; untick “Like the seeds” to start anyway.',
    other: 'Port {{port}} on {{host}} is already used by another program on this computer. Pick another port.',
  },
  EACCES: 'Not allowed to use port {{port}}: ports below 1024 need administrator rights.',
  EADDRNOTAVAIL: '{{host}} is not an address of this computer, so a socket cannot use it.',
  ENOTFOUND: 'The name {{host}} could not be found, so there is no address to talk to.',
  EMSGSIZE: {
    sized: 'A UDP datagram carries at most 65,507 bytes, and this one has {{size, number}}. Split the data or use TCP.',
    plain: 'A UDP datagram carries at most 65,507 bytes. Split the data or use TCP.',
  },
  EPIPE: 'Cannot send: this side already ended its sending half (FIN), or the peer is gone.',
  EHOSTUNREACH: 'There is no route to {{host}}, so it cannot be reached from this computer.',
  ENETUNREACH: 'The network of {{host}} cannot be reached from this computer.',
  EAFNOSUPPORT: 'This socket cannot use the address family of {{host}}: IPv4 and IPv6 sockets do not mix.',
  bad_json: {
    tooComplex: 'The bridge did not read the message: it is too complex ({{reason}}).',
    notJson: 'The bridge could not read the message: it was not valid JSON.',
  },
  bad_command: {
    splitDuration:
      '{{writes, number}} writes {{delayMs, number}} ms apart would take {{duration, number}} ms; one send may take at most {{max, number}} ms.',
    splitWrites:
      'This split makes {{writes, number}} writes; one send may make at most {{max, number}}. Use larger pieces or fewer repetitions.',
    notHost: '“{{host}}” is neither an IP address nor a host name.',
    unavailable: '{{command}} is not available on this bridge.',
    framing: 'This framing cannot be used: {{problems}}',
    recvSize: 'The receive size must be a whole number of bytes from {{min, number}} to {{max, number}}.',
    sensorLayout: 'The record layout “{{format}}” cannot be used: {{detail}}',
    sensorRate: 'A sensor sends from 1 to {{max, number}} records per second.',
    sensorDuration: 'A sensor runs from 1 to {{max, number}} seconds.',
    percentage: '{{setting}} is a percentage: from 0 to 100, not {{value, number}}.',
    wholeNumber: '{{setting}} must be a whole number of 0 or more.',
    reorderDistance: 'A held-back datagram waits for at least 1 later one.',
    segments:
      'The smallest piece ({{segmentMin, number}} bytes) cannot be larger than the largest ({{segmentMax, number}} bytes).',
    invalid: 'The bridge did not accept this command: {{reason}}',
  },
  bad_payload: 'The message could not be turned into bytes: {{reason}}',
  unknown_socket: 'There is no socket {{socketId}} in this session (any more).',
  wrong_socket_kind: {
    notServer: '{{socketId}} is not a server: publish a TCP server, or a UDP endpoint without a default peer.',
    other: '{{socketId}} is a {{kind}} socket, which cannot do that.',
  },
  invalid_state: {
    classClosed: '{{socketId}} is closed, so the class cannot use it.',
    other: '{{socketId}} {{why}}',
    gone: 'The socket is already closed, so it cannot do that any more.',
  },
  not_allowed: {
    programSocket:
      'Socket {{socketId}} belongs to your program {{program}} (pid {{pid}}): the playground only watches it, your program decides what it does.',
    teacherOnly: 'Only the teacher’s page can do that.',
    notShared:
      'The {{transport}} server on port {{port}} belongs to someone else in the class and is not shared. The teacher can publish it, or allow connecting to classmates’ servers.',
    notListening:
      'In a class the playground only connects to servers of this playground, and nothing here listens for {{transport}} on {{host}} port {{port}}.',
    relayNotListening:
      'The relay turned a client away: nothing of this playground listens for {{transport}} on {{host}} port {{port}} any more (the server stopped), so the relay does not connect there.',
    relayNotShared:
      'The relay turned a client away: the {{transport}} server on port {{port}} is not shared with you any more (the teacher stopped sharing it), so the relay does not connect there.',
    scoped:
      '{{address}} names one network interface (a scoped, link-local address); the playground never connects there.',
    unspecified:
      '{{address}} means “any address”: a server can listen on it, but a client cannot connect to it. Use 127.0.0.1 to reach this computer.',
    special:
      '{{address}} is a special address ({{range}}); the playground connects there only if whoever runs it allows it with --allow-target.',
    portRange:
      'Port {{port}} is outside the allowed range {{minPort}}–{{maxPort}}. Ports below 1024 are reserved for system services.',
    notLoopback:
      'This playground only connects to this computer (127.0.0.1 or ::1), and {{address}} is not one of them.',
    listenHost: 'A server can listen on 127.0.0.1, ::1, localhost, 0.0.0.0 or ::, not on {{host}}.',
    ownPort: 'Port {{port}} is the playground’s own port; pick another one.',
  },
  quota: {
    relay:
      'The relay turned a client from {{host}}:{{port}} away: its connections would take this session past {{max, number}} open sockets, the most allowed. Close some sockets first.',
    acceptRefused:
      'Your server refused (reset) a connection from {{host}}:{{port}}: this session already has {{max, number}} open sockets, the most allowed. Close some first.',
    spawnTooMany:
      'Spawning {{count, number}} clients would make {{total, number}} open sockets, but this session may have at most {{max, number}}. Close some sockets or spawn fewer.',
    maxSockets: 'This session already has {{max, number}} open sockets, the most allowed. Close some first.',
    maxServers: 'This session already has {{max, number}} servers, the most allowed. Stop one first.',
    maxRelays: 'This session already has {{max, number}} conditions relays, the most allowed. Stop one first.',
    sendTotal: 'A send may carry at most {{max, number}} bytes in all, and this one has {{size, number}}.',
    maxMessageBytes: 'A message may be at most {{max, number}} bytes, and this one has {{size, number}}.',
    sendBufferSocket:
      'The peer is not reading: {{waiting, number}} bytes are already waiting to be sent, so this message was not sent. Send again once the peer reads.',
    sendBufferSession:
      'The peers of this session are not reading: {{waiting, number}} bytes are already waiting to be sent, so this message was not sent. Send again once they read.',
    bytesPerSecond:
      'This session may move at most {{max, number}} bytes per second and has used that up; wait a moment and send again.',
    eventsPerSecond:
      'This session may cause at most {{max, number}} events per second and has used them up; wait a moment and send again.',
    maxPendingCommands:
      'This session already has {{max, number}} commands waiting for their replies, the most allowed; wait for them.',
  },
  unknown_student: 'There is no student {{studentId}} in this class (any more).',
  internal: 'Something went wrong inside the playground. The other sockets keep working.',
} satisfies ErrorTemplates;
