/**
 * Every string of the UI, grouped by feature. Other languages copy this shape key for key
 * (`Messages` makes the compiler check them).
 */
export const en = {
  app: {
    title: 'Socket Playground',
    tagline: 'Real TCP and UDP sockets, byte by byte',
    session: 'Session {{id}}',
    policy: 'Allowed targets: {{policy}}',
    regions: {
      create: 'Create sockets',
      sockets: 'Sockets',
    },
  },
  status: {
    connecting: 'Connecting…',
    connected: 'Connected',
    reconnecting: 'Reconnecting in {{seconds}} s',
    reconnectingNow: 'Reconnecting…',
    incompatible: 'Protocol version mismatch',
    retryNow: 'Retry now',
    incompatibleHelp:
      'The bridge speaks protocol v{{server}}, this page speaks v{{client}}. Reload the page; if that does not help, restart the bridge from the same version.',
  },
  banners: {
    sessionLost_one:
      'The connection to the bridge dropped, so the bridge closed the socket of that session. Its card and log stay here for reference; start new sockets to go on.',
    sessionLost_other:
      'The connection to the bridge dropped, so the bridge closed the {{count}} sockets of that session. Their cards and log stay here for reference; start new sockets to go on.',
    notices: {
      shutdown: 'The bridge is shutting down: all sockets will close.',
      'slow-consumer': 'This page is not keeping up, so the bridge is folding events. Byte counters stay exact.',
      quota: {
        'limit=bytesPerSecond':
          'This session reached its limit of {{max}} bytes per second, so its sockets stop reading for a moment.',
        'limit=eventsPerSecond':
          'This session reached its limit of {{max}} events per second, so its sockets stop reading for a moment.',
      },
    },
    dismiss: 'Dismiss',
  },
  alerts: {
    region: 'Errors',
    dismiss: 'Dismiss error',
  },
  forms: {
    protocol: 'Protocol',
    protocols: { tcp: 'TCP', udp: 'UDP' },
    host: 'Host',
    hosts: {
      loopback4: 'Loopback, IPv4: only programs on this computer can connect.',
      any4: 'Every interface, IPv4: other computers on the network can connect too.',
      loopback6: 'Loopback, IPv6: only programs on this computer can connect.',
      any6: 'Every interface, IPv6: other computers on the network can connect too.',
    },
    port: 'Port',
    recvSize: 'Receive buffer, bytes',
    recvSizeHint: 'Each recv() returns at most this many bytes.',
    recvSizeChips: 'Sizes used in the tutorials',
    recvSizeChip: 'recv({{size}})',
    backlog: 'Backlog',
    backlogHint: 'Connections the kernel queues before accept().',
    behaviour: 'Behaviour',
    behaviours: { echo: 'Echo: send back what arrives' },
    timeoutMs: 'Connect timeout, ms',
    invalid: {
      host: 'Enter a host, for example 127.0.0.1.',
      port: 'Port must be a whole number from {{min}} to {{max}}.',
      recvSize: 'Receive buffer must be a whole number from {{min}} to {{max}}.',
      backlog: 'Backlog must be a whole number from {{min}} to {{max}}.',
      timeoutMs: 'Timeout must be a whole number of milliseconds from {{min}} to {{max}}.',
    },
  },
  servers: {
    title: 'Start a server',
    intro: 'Like echo-server.py: bind(), listen(), then accept() each client.',
    submit: 'Start server',
  },
  clients: {
    title: 'Open a client',
    intro: 'connect() to a server, then send and recv().',
    submitTcp: 'Connect',
    submitUdp: 'Open UDP client',
    prefilled: 'Filled in from the server at {{address}}: press {{button}}.',
  },
  sockets: {
    empty: {
      title: 'No sockets yet',
      body: 'Start a server on the left, then open a client to it.',
    },
    sections: {
      servers: 'Servers',
      clients: 'Clients',
      udp: 'UDP endpoints',
    },
    clearClosed: 'Clear closed',
    kinds: {
      'tcp-server': 'TCP server',
      'tcp-conn': 'Accepted connection',
      'tcp-client': 'TCP client',
      udp: 'UDP endpoint',
    },
    short: {
      'tcp-server': 'server',
      'tcp-conn': 'conn',
      'tcp-client': 'client',
      udp: 'udp',
    },
    label: '{{kind}} {{id}}',
    labelWithPeer: '{{kind}} {{id}} ← {{remote}}',
    cardLabel: '{{kind}} {{id}}, {{state}}',
    local: 'local',
    remote: 'remote',
    noRemote: 'no peer',
    recvSize: 'recv({{size}})',
    previousSession: 'previous session',
    counters: {
      bytesIn: 'bytes in',
      bytesOut: 'bytes out',
      reads: 'reads',
      writes: 'writes',
    },
    connections: 'Accepted connections',
    noConnections: 'No connections yet: open a client to {{address}}.',
    lastError: 'Last error: {{message}}',
    actionFailed: '{{action}} failed: {{message}}',
    actions: {
      send: 'Send',
      end: 'End (FIN)',
      close: 'Close',
      reset: 'Reset (RST)',
      stop: 'Stop',
      connectHere: 'Connect a client here',
      inspect: 'Inspect bytes',
    },
    actionHints: {
      end: 'shutdown(SHUT_WR): send FIN, keep reading',
      close: 'close(): send FIN and release the socket',
      reset: 'Abort: the peer gets ECONNRESET',
      stop: 'Stop listening; accepted connections stay open',
    },
    send: {
      message: 'Message',
      encoding: 'Encoding',
      encodings: {
        text: 'Text (UTF-8)',
        escaped: "Escaped, like b'..\\x00'",
        hex: 'Hex bytes',
      },
      bytes_one: '{{count}} byte',
      bytes_other: '{{count}} bytes',
      invalid: 'Not sent: {{reason}}',
      shortcut: 'Ctrl+Enter sends.',
      toHost: 'To host',
      toPort: 'To port',
      needTarget: 'Enter where the datagram goes: a host and a port.',
    },
  },
  states: {
    listening: {
      label: 'listening',
      explain: 'listen() was called: the kernel queues incoming connections until accept() takes them.',
    },
    bound: {
      label: 'bound',
      explain: 'bind() gave it an address and port: it can send and receive datagrams.',
    },
    connecting: {
      label: 'connecting',
      explain: 'connect() is in progress: SYN sent, waiting for the handshake to finish.',
    },
    established: {
      label: 'established',
      explain: 'The handshake is done: both sides can send() and recv().',
    },
    'fin-sent': {
      label: 'FIN sent',
      explain: 'We sent FIN with shutdown(SHUT_WR): we cannot send any more, but recv() still works.',
    },
    'fin-received': {
      label: 'FIN received',
      explain: "The peer sent FIN: recv() returned b'' (0 bytes). You can still send.",
    },
    closed: {
      label: 'closed',
      explain: 'The socket is closed: nothing more is sent or received.',
    },
  },
  log: {
    title: 'Event log',
    empty: 'No events yet. Every connect, recv(), send(), FIN and state change will appear here.',
    noMatch: 'No events for the selected socket yet.',
    columns: {
      time: 'time (ms)',
      socket: 'socket',
      event: 'event',
      length: 'bytes',
      preview: 'data',
    },
    onlySelected: 'Only the selected socket',
    folded_one: '{{count}} event folded',
    folded_other: '{{count}} events folded',
    foldedHint: 'The bridge skipped these events to keep up with the traffic. Byte counters stay exact.',
    jumpToLatest: 'Jump to latest',
    count_one: '{{count}} event',
    count_other: '{{count}} events',
    rowHint: 'Show these bytes in the inspector',
  },
  events: {
    opened: 'opened',
    state: 'state → {{state}}',
    listening: 'listening on {{local}}',
    accept: 'accept() → {{conn}} from {{remote}}',
    connected: 'connected {{local}} → {{remote}}',
    recv: '← recv #{{no}}',
    send: '→ send #{{no}}',
    'fin-sent': '→ FIN (we ended)',
    'fin-received': "← FIN: recv() returned b''",
    'reset-sent': '→ RST (reset)',
    'datagram-in': '← datagram #{{no}} from {{from}}',
    'datagram-out': '→ datagram #{{no}} to {{to}}',
    'recv-size': 'recv size is now {{size}}',
    error: '⚠ error {{code}}',
    closed: 'closed',
    closedAfterError: 'closed after an error',
    lost: 'lost {{count}} bytes (truncated)',
  },
  inspector: {
    title: 'Byte inspector',
    empty: 'Select a socket to see its bytes.',
    emptyHint: 'Click a socket card, or a recv/send row in the event log.',
    tabs: {
      received: 'Received',
      sent: 'Sent',
    },
    tabSummary_one: '{{bytes}} B in {{count}} piece',
    tabSummary_other: '{{bytes}} B in {{count}} pieces',
    noBytes: {
      received: 'Nothing received yet. Send a message to see it arrive, piece by piece.',
      sent: 'Nothing sent yet. Use the Send box on the socket card.',
    },
    columns: {
      offset: 'offset',
      hex: 'hex',
      ascii: 'ASCII',
    },
    gridLabel: '{{direction}} bytes of {{socket}}',
    legend: 'Pieces in view',
    morePieces_one: '…and {{count}} more piece in view.',
    morePieces_other: '…and {{count}} more pieces in view.',
    piece: 'piece #{{no}}: {{size}} bytes ({{call}} #{{callNo}})',
    datagramIn: 'datagram #{{no}}: {{size}} bytes from {{from}} (recv #{{callNo}})',
    datagramOut: 'datagram #{{no}}: {{size}} bytes to {{to}} (send #{{callNo}})',
    calls: {
      received: 'recv',
      sent: 'send',
    },
    lost: 'lost {{count}} bytes (truncated)',
    skipped_one: 'the {{call}}() before it was folded',
    skipped_other: 'the {{count}} {{call}}() calls before it were folded',
    missing:
      '{{missing}} of {{total}} bytes never reached this page: the bridge folded events to keep up. Offsets count only the bytes shown; a dashed marker starts a piece after a gap.',
    capped: 'only the first {{length}} bytes were sent to this page',
    emptyPiece: 'empty',
    boundary: 'piece #{{no}} starts',
    byte: 'offset {{offset}} · 0x{{hex}} · {{char}} · piece #{{piece}} ({{call}} #{{callNo}})',
    byteHint: 'Point at a byte, or focus the grid and use the arrow keys, to see its details.',
    window: 'Showing the last {{kept}} of {{total}} bytes.',
    charNone: 'not printable',
  },
  /**
   * By error code. A code whose params differ from case to case has variants: the first one whose
   * {{placeholders}} the bridge sent is used, else the bridge's own English message.
   */
  errors: {
    ECONNREFUSED: 'Connection refused: nothing is listening on {{host}}:{{port}}. Start a server there first.',
    ECONNRESET: 'The peer reset the connection (RST): it closed abruptly and data still in flight was lost.',
    ETIMEDOUT: {
      connect: 'Nobody at {{host}}:{{port}} answered within {{timeoutMs}} ms, so connect() gave up.',
      later: '{{host}}:{{port}} stopped answering, so the connection timed out.',
    },
    EADDRINUSE: 'Port {{port}} on {{host}} is already in use. Stop the other server or pick another port.',
    EACCES: 'Not allowed to use port {{port}}: ports below 1024 need administrator rights.',
    EADDRNOTAVAIL: '{{host}} is not an address of this computer, so a socket cannot use it.',
    ENOTFOUND: 'The name {{host}} could not be found, so there is no address to talk to.',
    EMSGSIZE: {
      sized: 'A UDP datagram carries at most 65,507 bytes, and this one has {{size}}. Split the data or use TCP.',
      plain: 'A UDP datagram carries at most 65,507 bytes. Split the data or use TCP.',
    },
    EPIPE: 'Cannot send: this side already ended its sending half (FIN), or the peer is gone.',
    EHOSTUNREACH: 'There is no route to {{host}}, so it cannot be reached from this computer.',
    ENETUNREACH: 'The network of {{host}} cannot be reached from this computer.',
    EAFNOSUPPORT: 'This socket cannot use the address family of {{host}}: IPv4 and IPv6 sockets do not mix.',
    bad_json: 'The bridge could not read the message: it was not valid JSON.',
    bad_command: 'The bridge did not accept this command: {{reason}}',
    bad_payload: 'The message could not be turned into bytes: {{reason}}',
    unknown_socket: 'There is no socket {{socketId}} in this session (any more).',
    wrong_socket_kind: '{{socketId}} is a {{kind}} socket, which cannot do that.',
    invalid_state: '{{socketId}} cannot do that now: {{reason}}',
    not_allowed: {
      portRange:
        'Port {{port}} is outside the allowed range {{minPort}}–{{maxPort}}. Ports below 1024 are reserved for system services.',
      notLoopback: 'This playground only connects to this computer (127.0.0.1 or ::1), and {{host}} is {{address}}.',
      listenHost: 'A server can listen on 127.0.0.1, ::1, 0.0.0.0 or ::, not on {{host}}.',
      ownPort: 'Port {{port}} is the playground’s own port; pick another one.',
    },
    quota: {
      'limit=maxSockets': 'This session already has {{max}} open sockets, the most allowed. Close some first.',
      'limit=maxServers': 'This session already has {{max}} servers, the most allowed. Stop one first.',
      'limit=maxMessageBytes': 'A message may be at most {{max}} bytes, and this one has {{size}}.',
      'limit=maxSendBufferBytes':
        'The peer is not reading: {{waiting}} bytes are already waiting to be sent, so this message was not sent. Send again once the peer reads.',
      'limit=bytesPerSecond':
        'This session may move at most {{max}} bytes per second and has used that up; wait a moment and send again.',
      'limit=eventsPerSecond':
        'This session may cause at most {{max}} events per second and has used them up; wait a moment and send again.',
      'limit=maxPendingCommands':
        'This session already has {{max}} commands waiting for their replies, the most allowed; wait for them.',
    },
    internal: 'Something went wrong inside the playground. The other sockets keep working.',
    request_timeout: 'The bridge did not answer in time. Check the status at the top of the page.',
    disconnected: 'Not connected to the bridge. Wait until the status says Connected, then try again.',
  },
};

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
/** What a translation must provide: the same keys as English, any strings. */
export type Messages = Shape<typeof en>;
