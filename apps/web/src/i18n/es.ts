import type { Messages } from './en.ts';

/**
 * Every string of the UI in Spanish, key for key as en.ts (`Messages` makes the compiler check the
 * keys; test/es.test.ts checks that none is left in English). Written as the seeds are: tuteando.
 */
export const es: Messages = {
  app: {
    title: 'Socket Playground',
    tagline: 'Sockets TCP y UDP reales, byte a byte',
    session: 'Sesión {{id}}',
    policy: 'Destinos permitidos: {{policy}}',
    policies: {
      loopback: 'solo este computador (127.0.0.0/8 y ::1)',
      lan: 'solo servidores de este Socket Playground',
      plus: '{{base}}, además de {{extra}}',
    },
    regions: {
      create: 'Crear sockets',
      sockets: 'Sockets',
    },
  },
  status: {
    connecting: 'Conectando…',
    connected: 'Conectado',
    reconnecting: 'Reconectando en {{seconds}} s',
    reconnectingNow: 'Reconectando…',
    incompatible: 'Versión de protocolo distinta',
    retryNow: 'Reintentar ahora',
    replaced: 'Abierta en otra pestaña',
    incompatibleHelp:
      'El puente habla el protocolo v{{server}} y esta página el v{{client}}. Recarga la página; si no basta, reinicia el puente de la misma versión.',
  },
  banners: {
    sessionLost_one:
      'Se cortó la conexión con el puente, así que el puente cerró el socket de esa sesión. Su tarjeta y su registro quedan aquí como referencia; crea sockets nuevos para seguir.',
    sessionLost_other:
      'Se cortó la conexión con el puente, así que el puente cerró los {{count, number}} sockets de esa sesión. Sus tarjetas y su registro quedan aquí como referencia; crea sockets nuevos para seguir.',
    notices: {
      shutdown:
        'El puente se está apagando: se cierran todos los sockets y no se guarda ninguno para esta página. La página se reconectará cuando el puente vuelva a funcionar.',
      teacher: 'Tu profesor detuvo tus sockets. Puedes crear otros nuevos.',
      'slow-consumer':
        'Esta página no da abasto, así que el puente está omitiendo eventos. Los contadores de bytes siguen siendo exactos.',
      quota: {
        'limit=bytesPerSecond':
          'Esta sesión llegó a su límite de {{max, number}} bytes por segundo, así que sus sockets dejan de leer un momento.',
        'limit=eventsPerSecond':
          'Esta sesión llegó a su límite de {{max, number}} eventos por segundo, así que sus sockets dejan de leer un momento.',
      },
    },
    dismiss: 'Cerrar',
  },
  alerts: {
    region: 'Errores',
    dismiss: 'Cerrar el error',
  },
  forms: {
    protocol: 'Protocolo',
    protocols: {
      tcp: 'TCP',
      udp: 'UDP',
    },
    host: 'Host',
    hosts: {
      loopback4: 'Loopback, IPv4: solo pueden conectarse programas de este computador.',
      any4: 'Todas las interfaces, IPv4: también pueden conectarse otros computadores de la red.',
      loopback6: 'Loopback, IPv6: solo pueden conectarse programas de este computador.',
      any6: 'Todas las interfaces, IPv6: también pueden conectarse otros computadores de la red.',
    },
    port: 'Puerto',
    recvSize: 'Búfer de recepción, bytes',
    recvSizeHint: 'Cada recv() devuelve como máximo esta cantidad de bytes.',
    recvSizeChips: 'Tamaños usados en los tutoriales',
    recvSizeChip: 'recv({{size}})',
    backlog: 'Backlog',
    backlogHint: 'Conexiones que el kernel pone en cola antes de accept().',
    behaviour: 'Comportamiento',
    behaviours: {
      echo: 'Eco: devuelve lo que llega',
      none: 'Solo observar: lee, nunca responde',
      upper: 'Mayúsculas: eco en MAYÚSCULAS (semilla 000)',
      qotd: 'Frase del día (RFC 865)',
      daytime: 'Hora del día (RFC 867)',
      discard: 'Discard (RFC 863): no responde nada',
      chargen: 'Chargen (RFC 864): líneas de caracteres',
      'framed-json': 'JSON delimitado (servidor de la semilla 002)',
    },
    behaviourHints: {
      echo: 'Una escritura de vuelta por cada recv(), así que con recv(16) el eco sale en trozos de 16 bytes.',
      none: 'No devuelve nada: sirve para ver cómo las escrituras llegan como lecturas.',
      upper: 'Como el eco, pero la a–z pasa a A–Z.',
      qotd: 'Envía una frase (en español o en inglés) en cuanto se conecta un cliente y cierra. Por UDP, una frase por datagrama.',
      daytime:
        'Envía una línea como «Monday, February 22, 1982 17:37:43-UTC» en cuanto se conecta un cliente y cierra. Por UDP, una por datagrama.',
      discard: 'Lee todo y nunca responde; cierra cuando el cliente cierra.',
      chargen:
        'Envía líneas de caracteres hasta que el cliente termina, a unos 7400 bytes por segundo para que la página dé abasto. Por UDP, un datagrama de 0–512 caracteres por datagrama.',
      'framed-json':
        'Decodifica cada mensaje con el formato de abajo y responde "Respuesta asociada al mensaje <msg>" como JSON, con el mismo formato.',
    },
    framing: 'Formato de los mensajes',
    concurrency: 'Atención de clientes',
    concurrencies: {
      concurrent: 'Todos a la vez',
      'one-at-a-time': 'De uno en uno',
    },
    concurrencyHints: {
      concurrent: 'Como el hilo por cliente de la semilla: cada cliente se lee y se responde a la vez.',
      'one-at-a-time':
        'Como el bucle accept() de las semillas: el siguiente cliente se atiende solo cuando el actual cierra. Los demás ya los conectó el kernel y esperan, con sus bytes sin leer.',
    },
    timeoutMs: 'Tiempo de espera de connect, ms',
    invalid: {
      host: 'Escribe un host, por ejemplo 127.0.0.1.',
      port: 'El puerto debe ser un número entero de {{min}} a {{max}}.',
      recvSize: 'El búfer de recepción debe ser un número entero de {{min}} a {{max}}.',
      backlog: 'El backlog debe ser un número entero de {{min}} a {{max}}.',
      timeoutMs: 'El tiempo de espera debe ser un número entero de milisegundos de {{min}} a {{max}}.',
      count: 'Los clientes deben ser un número entero de {{min}} a {{max}}.',
      messages: 'Los mensajes deben ser un número entero de {{min}} a {{max}}.',
      intervalMs: 'La pausa debe ser un número entero de milisegundos de {{min}} a {{max}}.',
    },
  },
  servers: {
    title: 'Arranca un servidor',
    intro: {
      tcp: 'Como echo-server.py: bind(), listen() y luego accept() para cada cliente.',
      udp: 'Como un servidor UDP: bind() y luego recvfrom() para cada datagrama y sendto() a quien lo envió.',
    },
    submit: 'Arrancar servidor',
    portInClass:
      'Puerto 0: el sistema operativo elige un puerto libre. Toda la clase comparte este computador, así tu servidor nunca ocupa el puerto de un compañero; su tarjeta muestra el puerto que obtuvo.',
    portTaken:
      'El puerto {{wanted}} lo ocupa otro programa de este computador, así que el formulario propone el {{port}}, que está libre.',
    portTakenByServer:
      'El puerto {{wanted}} lo ocupa tu servidor {{socket}}, así que el formulario propone el {{port}}, que está libre.',
  },
  clients: {
    title: 'Abre un cliente',
    intro: {
      tcp: 'connect() a un servidor, luego send() y recv().',
      udp: 'Un cliente UDP: bind() a un puerto libre, luego sendto() al servidor y recvfrom() de lo que vuelva.',
    },
    submitTcp: 'Conectar',
    submitUdp: 'Abrir cliente UDP',
    prefilled: 'Rellenado con el servidor de {{address}}: pulsa {{button}}.',
    follows: 'Sigue al servidor que acabas de arrancar, {{socket}} en {{address}}: pulsa {{button}}.',
    offer: 'Acabas de arrancar {{socket}} en {{address}}. ¿Apuntar este cliente ahí?',
    useOffer: 'Usarlo',
  },
  sockets: {
    empty: {
      title: 'Aún no hay sockets',
      body: 'Arranca un servidor a la izquierda y luego abre un cliente hacia él.',
    },
    sections: {
      servers: 'Servidores',
      clients: 'Clientes',
      udp: 'Extremos UDP',
    },
    clearClosed: 'Quitar los cerrados',
    group: {
      clients_one:
        '{{name}}: {{count, number}} cliente de «Muchos clientes», {{open, number}} abierto, {{bytes, number}} B',
      clients_other:
        '{{name}}: {{count, number}} clientes de «Muchos clientes», {{open, number}} abiertos, {{bytes, number}} B',
      connections_one: '{{name}}: {{count, number}} conexión, {{open, number}} abierta, {{bytes, number}} B',
      connections_other: '{{name}}: {{count, number}} conexiones, {{open, number}} abiertas, {{bytes, number}} B',
    },
    kinds: {
      'tcp-server': 'Servidor TCP',
      'tcp-conn': 'Conexión aceptada',
      'tcp-client': 'Cliente TCP',
      udp: 'Extremo UDP',
      relay: 'Relé de condiciones',
    },
    short: {
      'tcp-server': 'servidor',
      'tcp-conn': 'conexión',
      'tcp-client': 'cliente',
      udp: 'udp',
      relay: 'relé',
    },
    label: '{{kind}} {{id}}',
    labelWithPeer: '{{kind}} {{id}} ← {{remote}}',
    cardLabel: '{{kind}} {{id}}, {{state}}',
    local: 'local',
    remote: 'remoto',
    noRemote: 'sin par',
    recvSize: 'recv({{size}})',
    recvfromSize: 'recvfrom({{size}})',
    previousSession: 'sesión anterior',
    counters: {
      bytesIn: 'bytes recibidos',
      bytesOut: 'bytes enviados',
      reads: 'lecturas',
      writes: 'escrituras',
    },
    connections: 'Conexiones aceptadas',
    noConnections: 'Aún no hay conexiones: abre un cliente hacia {{address}}.',
    lastError: 'Último error: {{message}}',
    actionFailed: '{{action}} falló: {{message}}',
    actions: {
      send: 'Enviar',
      end: 'Terminar (FIN)',
      close: 'Cerrar',
      reset: 'Resetear (RST)',
      stop: 'Dejar de escuchar',
      closeAll: 'Cerrar todo',
      connectHere: 'Conectar un cliente aquí',
      inspect: 'Inspeccionar bytes',
    },
    actionHints: {
      end: 'shutdown(SHUT_WR): envía FIN y sigue leyendo',
      close: 'close(): envía FIN y libera el socket',
      reset: 'Abortar: el otro lado recibe ECONNRESET',
      stop: 'Cierra el socket que escucha: los clientes nuevos reciben ECONNREFUSED; las conexiones aceptadas siguen abiertas',
      closeAll: 'Cierra el socket que escucha y todas las conexiones que aceptó',
    },
    send: {
      message: 'Mensaje',
      encoding: 'Codificación',
      encodings: {
        text: 'Texto (UTF-8)',
        escaped: "Con escapes, como b'..\\x00'",
        hex: 'Bytes en hex',
      },
      bytes_one: '{{count, number}} byte',
      bytes_other: '{{count, number}} bytes',
      invalid: 'No se envió: {{reason}}',
      shortcut: 'Ctrl+Enter envía.',
      toHost: 'Al host',
      toPort: 'Al puerto',
      needTarget: 'Indica adónde va el datagrama: un host y un puerto.',
    },
  },
  states: {
    listening: {
      label: 'escuchando',
      explain: 'Se llamó a listen(): el kernel pone en cola las conexiones entrantes hasta que accept() las toma.',
    },
    bound: {
      label: 'asociado',
      explain: 'bind() le dio una dirección y un puerto: puede enviar y recibir datagramas.',
    },
    connecting: {
      label: 'conectando',
      explain: 'connect() está en curso: SYN enviado, esperando a que termine el saludo.',
    },
    established: {
      label: 'establecida',
      explain: 'El saludo terminó: ambos lados pueden hacer send() y recv().',
    },
    'fin-sent': {
      label: 'FIN enviado',
      explain: 'Enviamos FIN con shutdown(SHUT_WR): ya no podemos enviar, pero recv() sigue funcionando.',
    },
    'fin-received': {
      label: 'FIN recibido',
      explain: "El otro lado envió FIN: recv() devolvió b'' (0 bytes). Todavía puedes enviar.",
    },
    closed: {
      label: 'cerrado',
      explain: 'El socket está cerrado: ya no se envía ni se recibe nada.',
    },
  },
  log: {
    title: 'Registro de eventos',
    empty: 'Aún no hay eventos. Aquí aparecerá cada connect, recv(), send(), FIN y cambio de estado.',
    noMatch: 'Aún no hay eventos del socket seleccionado.',
    columns: {
      time: 'tiempo (ms)',
      socket: 'socket',
      event: 'evento',
      length: 'bytes',
      preview: 'datos',
    },
    onlySelected: 'Solo el socket seleccionado',
    folded_one: '{{count, number}} evento omitido',
    folded_other: '{{count, number}} eventos omitidos',
    foldedHint:
      'El puente omitió estos eventos para no quedarse atrás con el tráfico. Los contadores de bytes siguen siendo exactos.',
    jumpToLatest: 'Ir al último',
    count_one: '{{count, number}} evento',
    count_other: '{{count, number}} eventos',
    rowHint: 'Ver estos bytes en el inspector',
  },
  events: {
    opened: 'abierto',
    state: 'estado → {{state}}',
    listening: 'escuchando en {{local}}',
    bound: 'bind(): asociado a {{local}}',
    accept: 'accept() → {{conn}} desde {{remote}}',
    queued: '{{conn}} desde {{remote}} espera a accept() (n.º {{position, number}} en la cola)',
    connected: 'conectado {{local}} → {{remote}}',
    recv: '← recv n.º {{no}}',
    send: '→ send n.º {{no}}',
    'fin-sent': '→ FIN (terminamos)',
    'fin-received': "← FIN: recv() devolvió b''",
    'reset-sent': '→ RST (reset)',
    'datagram-in': '← datagrama n.º {{no}} desde {{from}}',
    'datagram-out': '→ datagrama n.º {{no}} a {{to}}',
    'recv-size': 'el tamaño de recv ahora es {{size, number}}',
    'no-delay': {
      on: 'Nagle desactivado (TCP_NODELAY): las escrituras pequeñas salen enseguida',
      off: 'Nagle activado: las escrituras pequeñas pueden juntarse',
    },
    reading: {
      paused: 'lectura en pausa: los bytes esperan en el kernel',
      resumed: 'lectura reanudada',
    },
    error: '⚠ error {{code}}',
    closed: 'cerrado',
    closedAfterError: 'cerrado tras un error',
    lost: 'se perdieron {{count, number}} bytes (truncado)',
    conditions: 'cambiaron las condiciones (se aplican a lo que llegue desde ahora)',
    'conditions-stats': 'condiciones: contadores actualizados',
    'relay-flow': 'relé: el tráfico de un cliente empieza o deja de pasar por él',
    'sensor-data': 'registros del sensor decodificados',
  },
  inspector: {
    title: 'Inspector de bytes',
    empty: 'Selecciona un socket para ver sus bytes.',
    emptyHint: 'Haz clic en la tarjeta de un socket, o en una fila recv/send del registro de eventos.',
    tabs: {
      received: 'Recibidos',
      sent: 'Enviados',
    },
    tabSummary_one: '{{bytes, number}} B en {{count, number}} trozo',
    tabSummary_other: '{{bytes, number}} B en {{count, number}} trozos',
    noBytes: {
      received: 'Aún no se ha recibido nada. Envía un mensaje para verlo llegar, trozo a trozo.',
      sent: 'Aún no se ha enviado nada. Usa la caja Enviar de la tarjeta del socket.',
    },
    columns: {
      offset: 'pos.',
      hex: 'hex',
      ascii: 'ASCII',
    },
    gridLabel: 'Bytes {{direction}} de {{socket}}',
    legend: 'Trozos a la vista',
    morePieces_one: '…y {{count, number}} trozo más a la vista.',
    morePieces_other: '…y {{count, number}} trozos más a la vista.',
    piece: 'trozo n.º {{no}}: {{size, number}} bytes ({{call}} n.º {{callNo}})',
    datagramIn: 'datagrama n.º {{no}}: {{size, number}} bytes desde {{from}} (recvfrom n.º {{callNo}})',
    datagramOut: 'datagrama n.º {{no}}: {{size, number}} bytes a {{to}} (sendto n.º {{callNo}})',
    calls: {
      received: 'recv',
      sent: 'send',
    },
    lost: 'se perdieron {{count, number}} bytes (truncado)',
    skipped_one: 'se omitió el {{call}}() anterior',
    skipped_other: 'se omitieron las {{count, number}} llamadas a {{call}}() anteriores',
    missing:
      '{{missing, number}} de {{total, number}} bytes nunca llegaron a esta página: el puente omitió eventos para no quedarse atrás. Las posiciones cuentan solo los bytes mostrados; una marca discontinua inicia un trozo tras un hueco.',
    capped:
      'a esta página solo se enviaron los primeros {{length, number}} bytes: el puente envía una vista previa de cada trozo, y una más corta mientras una sesión mueve más de un megabyte por segundo',
    emptyPiece: 'vacío',
    boundary: 'empieza el trozo n.º {{no}}',
    byte: 'posición {{offset, number}} · 0x{{hex}} · {{char}} · trozo n.º {{piece}} ({{call}} n.º {{callNo}})',
    byteHint: 'Señala un byte, o enfoca la cuadrícula y usa las flechas, para ver sus detalles.',
    window: 'Se muestran los últimos {{kept, number}} de {{total, number}} bytes.',
    charNone: 'no imprimible',
  },
  views: {
    label: 'Vistas',
    tabs: {
      log: 'Registro',
      kernel: 'Vista del SO',
      flow: 'Flujo',
      clients: 'Muchos clientes',
      code: 'Código',
    },
    hints: {
      log: 'Cada evento de cada socket, en orden',
      kernel: 'netstat, en vivo: los estados TCP y las colas del propio kernel',
      flow: 'Un diagrama de secuencia de una conexión',
      clients: 'Lanza N clientes que envían M mensajes cada uno',
      code: 'El socket seleccionado como código de Python 3 y Node.js',
    },
  },
  kernel: {
    title: 'La vista del SO',
    subtitle: 'netstat -tan, en vivo',
    intro:
      'Lo que informa el propio kernel, leído de {{source}} {{perSecond}} veces por segundo mientras esta vista está abierta. Nada de esto se deduce de la API de sockets.',
    scope: {
      label: 'Mostrar',
      playground: 'Sockets de tu sesión',
      ports: 'Todo lo que use los mismos puertos',
    },
    scopeHints: {
      playground: 'Los sockets de tu sesión y el otro extremo de sus conexiones.',
      ports: 'Cada socket de este computador que usa uno de esos puertos, como un cliente de nc o de Python.',
    },
    unavailable: 'La vista del SO no está disponible aquí.',
    unavailableHint: 'Los estados de las tarjetas siguen siendo exactos: son lo que observó la API de sockets.',
    reading: 'Leyendo la tabla del kernel…',
    empty: {
      title: 'Nada en la tabla del kernel para estos sockets',
      body: 'Arranca un servidor y conecta un cliente: sus filas aparecen aquí tal como las informa el kernel.',
    },
    tableLabel: 'La tabla TCP del kernel',
    columns: {
      local: 'Dirección local',
      remote: 'Dirección remota',
      state: 'Estado',
      recvQ: 'Recv-Q',
      sendQ: 'Send-Q',
      socket: 'Socket',
    },
    columnHints: {
      recvQ:
        'Bytes que llegaron pero el programa aún no ha leído. En una fila LISTEN: conexiones esperando a accept().',
      sendQ: 'Bytes enviados que el otro lado aún no ha confirmado.',
    },
    peerOf: '{{who}} · par de {{socket}}',
    listenQueue_one: '{{count, number}} conexión espera a accept()',
    listenQueue_other: '{{count, number}} conexiones esperan a accept()',
    backlog: 'backlog {{backlog}}',
    backlogCapped: 'backlog {{backlog}}, limitado a {{cap}} (somaxconn)',
    unread_one: '{{count, number}} byte sin leer',
    unread_other: '{{count, number}} bytes sin leer',
    truncated: 'Se muestran las primeras {{shown, number}} filas; se omitieron {{count, number}} más.',
    legend: 'Estados a la vista',
    timeline: {
      title: 'Línea de tiempo de estados por conexión',
      intro:
        'Los estados por los que pasó cada conexión, tal como los informó el kernel, con el momento en que se vieron por primera vez. Un estado más corto que una consulta ({{interval}} ms) puede pasar sin verse.',
      empty: 'Las líneas de tiempo empiezan cuando se abre esta vista: conecta, envía y cierra para verlas crecer.',
      label: 'Estados de {{socket}}',
      at: '{{time}} ms',
    },
    gone: {
      label: 'desaparecida',
      explain: 'El kernel quitó la fila: el socket ya no existe.',
    },
    states: {
      LISTEN: {
        label: 'LISTEN',
        explain: 'Se llamó a listen(): el kernel completa los saludos y pone las conexiones en cola para accept().',
      },
      SYN_SENT: {
        label: 'SYN_SENT',
        explain: 'connect() envió SYN y espera el SYN-ACK del servidor.',
      },
      SYN_RECV: {
        label: 'SYN_RECV',
        explain: 'Llegó un SYN y se respondió con SYN-ACK; el ACK final aún no llega.',
      },
      NEW_SYN_RECV: {
        label: 'NEW_SYN_RECV',
        explain: 'El SYN_RECV ligero de Linux: una conexión a medio abrir que espera el ACK final.',
      },
      ESTABLISHED: {
        label: 'ESTABLISHED',
        explain: 'El saludo de tres vías terminó: los datos fluyen en ambos sentidos.',
      },
      FIN_WAIT1: {
        label: 'FIN_WAIT1',
        explain: 'Este lado envió FIN (shutdown o close) y espera que lo confirmen.',
      },
      FIN_WAIT2: {
        label: 'FIN_WAIT2',
        explain: 'Nuestro FIN fue confirmado; esperamos el FIN del otro lado y aún podemos recibir.',
      },
      CLOSE_WAIT: {
        label: 'CLOSE_WAIT',
        explain: "El otro lado envió FIN (recv() devolvió b''): el kernel espera a que este programa también cierre.",
      },
      LAST_ACK: {
        label: 'LAST_ACK',
        explain: 'Enviamos nuestro FIN después del otro lado y esperamos su último ACK.',
      },
      CLOSING: {
        label: 'CLOSING',
        explain: 'Ambos lados enviaron FIN a la vez; esperamos el ACK del nuestro.',
      },
      TIME_WAIT: {
        label: 'TIME_WAIT',
        explain:
          'El lado que cerró primero espera (60 s en Linux) para que se extingan los segmentos atrasados de esta conexión.',
      },
      CLOSE: {
        label: 'CLOSE',
        explain: 'El socket está cerrado y a punto de desaparecer.',
      },
    },
    backlogHelp: {
      title: 'El backlog, y qué hace Linux cuando la cola está llena',
      queue:
        'El kernel termina por su cuenta el saludo de tres vías y pone la conexión en la cola de accept del socket que escucha. El connect() del cliente vuelve: para el cliente está ESTABLISHED, aunque el programa servidor aún no haya llamado a accept().',
      recvQ:
        'En una fila LISTEN, Recv-Q es cuántas conexiones esperan en esa cola. listen(backlog) fija su tamaño, y Linux lo limita a net.core.somaxconn ({{somaxconn}} en este computador). Send-Q es 0 en las filas LISTEN: /proc no muestra el backlog (ss -lt sí), así que los servidores de Socket Playground muestran el suyo al lado.',
      recvQUnknown:
        'En una fila LISTEN, Recv-Q es cuántas conexiones esperan en esa cola. listen(backlog) fija su tamaño, y Linux lo limita a net.core.somaxconn. Send-Q es 0 en las filas LISTEN: /proc no muestra el backlog (ss -lt sí), así que los servidores de Socket Playground muestran el suyo al lado.',
      full: 'Cuando esperan más conexiones que el backlog, Linux descarta en silencio los SYN nuevos (y un ACK final que encuentra la cola llena). El cliente se queda en SYN_SENT y reintenta tras 1 s, 3 s, 7 s…, así que connect() simplemente tarda, o se agota el tiempo. Nada se rechaza.',
      node: 'Los servidores propios de Socket Playground llaman a accept() en cuanto llega una conexión, así que su cola queda cerca de 0. Para verla llenarse, ejecuta el servidor de Python de la semilla (vista Código) con listen(1) y un cliente al que nunca suelta, lanza unos cuantos clientes a su puerto y elige «Todo lo que use los mismos puertos».',
    },
  },
  flow: {
    title: 'Diagrama de flujo',
    choose: 'Conexión',
    option: '{{client}} ↔ {{server}}',
    connOf: '{{server}} · {{conn}}',
    empty: {
      title: 'Aún no hay conexiones TCP',
      body: 'Conecta un cliente a un servidor: su saludo, cada escritura y lectura, FIN y RST se dibujan aquí a medida que ocurren.',
    },
    hint: 'El tiempo avanza hacia abajo. Haz clic en una flecha o una lectura para abrir sus bytes en el inspector.',
    figure: 'Diagrama de secuencia de {{client}} y {{server}}',
    lanes: {
      client: 'cliente',
      server: 'servidor',
    },
    inbound: 'datos · {{size, number}} B',
    handshake: 'connect() · SYN, SYN-ACK, ACK',
    accept: 'accept()',
    queued: 'espera a accept()',
    write: 'send n.º {{no}} · {{size, number}} B',
    read: 'recv n.º {{no}} · {{size, number}} B',
    fin: 'FIN',
    finSent: 'shutdown: FIN',
    finRead: "recv() → b''",
    rst: 'RST',
    error: '⚠ {{code}}',
    closed: 'cerrado',
    axis: 'ms',
    truncated: 'Se muestran los primeros {{count, number}} pasos de esta conexión.',
    export: {
      svg: 'Exportar SVG',
      png: 'Exportar PNG',
      failed: 'No se pudo generar la imagen: {{reason}}',
    },
  },
  spawn: {
    title: 'Muchos clientes',
    intro:
      'Abre N clientes a un servidor a la vez. Cada uno envía el mensaje M veces y luego termina (FIN), como N copias del cliente de la semilla.',
    count: 'Clientes',
    messages: 'Mensajes',
    interval: 'Pausa, ms',
    intervalHint: 'Entre los mensajes de un mismo cliente.',
    message: 'Mensaje',
    end: 'Terminar cada cliente tras su último mensaje (FIN)',
    submit: 'Lanzar clientes',
    limits:
      'Como máximo {{clients, number}} clientes y {{messages, number}} mensajes cada uno; cada cliente cuenta para los {{maxSockets, number}} sockets de la sesión.',
    empty: {
      title: 'Aún no hay clientes lanzados',
      body: 'Arranca un servidor y lanza clientes hacia él: cada uno tiene su propio carril con sus bytes y su estado.',
    },
    group: '{{count, number}} clientes → {{target}}',
    groupName: 'grupo {{n}}',
    totals:
      '{{sent, number}} B enviados · {{received, number}} B recibidos · {{open, number}} abiertos · {{closed, number}} cerrados',
    columns: {
      client: 'cliente',
      local: 'puerto local',
      state: 'estado',
      sent: 'enviado',
      received: 'recibido',
    },
    bytes: '{{count, number}} B',
  },
  code: {
    title: 'Muéstrame el código',
    empty: {
      title: 'Selecciona un servidor o un cliente',
      body: 'Haz clic en la tarjeta de un socket: aquí aparece su código equivalente en Python 3 y Node.js, con su host, su puerto, su tamaño de búfer y su mensaje.',
    },
    for: 'para {{socket}}',
    tabs: {
      python: 'Python 3',
      node: 'Node.js',
    },
    copy: 'Copiar',
    copied: 'Copiado',
    copyFailed: 'No se pudo copiar: selecciona el código y pulsa Ctrl+C.',
    run: {
      python: 'Guárdalo como {{file}} y ejecuta: python3 {{file}}',
      node: 'Guárdalo como {{file}} y ejecuta: node {{file}}',
    },
    notes: {
      'one-at-a-time':
        'Un cliente cada vez, como este servidor: accept() toma el siguiente solo cuando el actual cierra.',
      concurrent: 'Un hilo por cliente, como este servidor: todos los clientes se atienden a la vez.',
      conn: 'Una conexión aceptada ejecuta el código de su servidor, que se muestra aquí.',
      server: {
        echo: 'Devuelve cada recv() que lee.',
        upper: 'Devuelve cada recv() en mayúsculas.',
        none: 'Solo lee y nunca responde.',
        discard: 'Lee todo y nunca responde (RFC 863).',
        qotd: 'Envía una cita en cuanto se conecta un cliente y luego cierra (RFC 865).',
        daytime: 'Envía la fecha y la hora en cuanto se conecta un cliente y luego cierra (RFC 867).',
        chargen: 'Envía líneas de caracteres hasta que el cliente termina (RFC 864).',
        'framed-json': 'Lee mensajes JSON enmarcados y responde a cada uno con el mismo enmarcado (semilla 002).',
      },
      client: {
        echo: 'Envía el mensaje y luego recv({{size}}) hasta que vuelve entero: este servidor lo devuelve.',
        'until-closed':
          'No envía nada: este servidor habla primero, así que el script lee con recv({{size}}) hasta que el servidor cierra.',
        'some-lines':
          'Este servidor envía líneas hasta que su cliente termina: el script lee {{count}} veces con recv({{size}}) y cierra.',
        'no-answer': 'Envía el mensaje y cierra: este servidor nunca responde, así que el script no espera respuesta.',
        'one-frame':
          'Envía el mensaje como una trama con el enmarcado del servidor y lee una respuesta enmarcada, la corte como la corte recv({{size}}).',
        'one-answer':
          'Envía el mensaje y espera hasta {{seconds}} s un recv({{size}}): la página no sabe qué responde este servidor.',
      },
      udpClient: {
        'one-answer':
          'Envía un datagrama y espera hasta {{seconds}} s la respuesta con recvfrom({{size}}): un datagrama perdido nunca se reenvía.',
        'no-answer': 'Envía un datagrama: este servidor nunca responde, así que el script no espera.',
        'one-frame':
          'Envía el mensaje como un datagrama enmarcado y lee la respuesta enmarcada con recvfrom({{size}}).',
      },
    },
    codeLabel: 'Código de {{language}}',
  },
  lifecycle: {
    waiting: 'espera a accept() · n.º {{position, number}}',
    waitingExplain:
      'El kernel ya la aceptó y espera a que el servidor llame a accept(): sus bytes quedan sin leer (mira Recv-Q en la vista del SO) hasta que cierre el cliente anterior.',
    queue: 'Esperando a accept(): {{list}}',
    queueHint:
      'Este servidor atiende a un cliente cada vez. El kernel ya conectó a estos clientes (el servidor Node de Socket Playground los toma del kernel enseguida y los retiene); cada uno se atiende cuando cierra el anterior.',
    stopped_one:
      'Dejó de escuchar: los clientes nuevos reciben ECONNREFUSED. Su {{count, number}} conexión aceptada sigue abierta.',
    stopped_other:
      'Dejó de escuchar: los clientes nuevos reciben ECONNREFUSED. Sus {{count, number}} conexiones aceptadas siguen abiertas.',
    kernelState: 'kernel',
    peer: {
      label: 'Otro lado',
      open: '{{socket}}: conectado, leyendo.',
      waiting: '{{socket}}: espera a accept(); aún no ha leído nada.',
      finRead: "{{socket}} leyó 0 bytes (b''): de aquí no llegarán más datos; aún puede enviar.",
      finBoth: "{{socket}} leyó 0 bytes (b'') y también cerró su lado.",
      reset: '{{socket}} recibió ECONNRESET: la conexión se abortó.',
      closed: '{{socket}} está cerrado.',
    },
    observed: {
      finReceived: "Leyó 0 bytes (b''): el otro lado envió FIN.",
      reset: 'ECONNRESET: el otro lado reseteó la conexión.',
    },
  },
  lab: {
    views: {
      label: 'Qué mostrar',
      hex: 'Hex',
      ribbon: 'Cinta',
      frames: 'Mensajes',
      struct: 'Struct',
    },
    viewHints: {
      hex: 'Cada byte en hex y ASCII, trozo a trozo',
      ribbon: 'Cada byte coloreado según la escritura de la que vino, con una marca en cada recv() y cada mensaje',
      frames: 'Los mensajes que el formato elegido encuentra en estos bytes',
      struct: 'Registros binarios desempaquetados con un formato de struct de Python',
    },
    read: {
      label: 'Tamaño de recv()',
      labelUdp: 'Tamaño de recvfrom()',
      sliderLabel: 'Bytes que puede devolver cada recv(), de 1 a 65 536',
      chips: 'Tamaños usados en los tutoriales',
      pause: 'Pausar lectura',
      resume: 'Reanudar lectura',
      pauseHint:
        'Deja de llamar a recv(), como haría un programa ocupado: los bytes nuevos esperan en el kernel y llegan juntos después.',
      paused: 'En pausa: los bytes esperan en el kernel hasta que se reanude la lectura.',
    },
    send: {
      options: 'Escrituras, formato, Nagle, struct',
      writes: 'Cómo escribirlo',
      oneWrite: 'Una escritura',
      split: 'Partir en escrituras',
      chunkSize: 'Bytes por escritura',
      delayMs: 'Pausa entre escrituras, ms',
      delayHint: '0 las envía todas de golpe (una ráfaga).',
      repeat: 'Veces que se envía',
      framing: 'Delimitar el mensaje antes de enviarlo',
      nagle: 'Algoritmo de Nagle',
      nagleOn: 'Activado: las escrituras pequeñas pueden juntarse en un segmento',
      nagleOff: 'Desactivado (TCP_NODELAY): cada escritura sale enseguida',
      nagleHint: 'Desactivarlo (TCP_NODELAY) envía cada escritura enseguida, en su propio segmento.',
      plan_one: '{{bytes, number}} B en {{count, number}} escritura',
      plan_other: '{{bytes, number}} B en {{count, number}} escrituras',
      planRepeat: '{{bytes, number}} B × {{repeat, number}} en {{count, number}} escrituras',
      framed: '{{bytes, number}} B una vez delimitado',
      udpNote:
        'Por UDP cada escritura es un datagrama: llega entero (o cortado al tamaño de recv del receptor), nunca mezclado con otro.',
      invalid: {
        chunkSize: 'Los bytes por escritura deben ser un número entero de {{min}} a {{max}}.',
        delayMs: 'La pausa debe ser un número entero de milisegundos de {{min}} a {{max}}.',
        repeat: 'Las repeticiones deben ser un número entero de {{min}} a {{max}}.',
      },
    },
    demos: {
      title: 'Las escrituras no son lecturas',
      intro:
        'TCP transporta un flujo de bytes, no mensajes: lo que un lado escribe en N trozos el otro puede leerlo en M trozos distintos. UDP mantiene entero cada datagrama.',
      run: 'Ejecutar',
      running: 'Ejecutando…',
      coalesce: {
        title: 'Tres escrituras rápidas, una lectura',
        explain:
          'El cliente escribe «uno », «dos » y «tres» rápidamente (Nagle activado). El servidor está ocupado: esta demo pausa sus llamadas a recv() durante medio segundo, así que las tres escrituras esperan en el búfer de su kernel. Su siguiente recv(1024) devuelve todo lo que espera: las tres escrituras salen como una sola lectura. Nada en los bytes dice dónde terminó cada escritura.',
        done_one:
          'Listo: 3 escrituras → {{count, number}} lectura. La cinta muestra los colores de las tres escrituras dentro de esa única lectura.',
        done_other:
          'Listo: 3 escrituras → {{count, number}} lecturas: esta vez no esperaron todas al mismo recv(). Cada barra de la cinta es un límite de recv().',
      },
      split: {
        title: 'Una escritura larga, varias lecturas',
        explain:
          'El cliente escribe un mensaje de 55 bytes de una vez. El servidor lee con recv(16), así que cada llamada devuelve como máximo 16 bytes: la única escritura sale como lecturas de 16, 16, 16 y 7 bytes.',
        done_one: 'Listo: 1 escritura → {{count, number}} lectura.',
        done_other: 'Listo: 1 escritura → {{count, number}} lecturas. Cada barra de la cinta es un límite de recv().',
      },
      udp: {
        title: 'UDP conserva los límites',
        explain:
          'Las mismas tres escrituras rápidas, como datagramas UDP, hacia un servidor igual de ocupado, más un cuarto datagrama más largo que su recvfrom(16). Cada datagrama se lee por separado, nunca mezclado; el largo se corta a 16 bytes y el resto se pierde.',
        done_one:
          'Listo: 4 datagramas → {{count, number}} lectura, lo que no debería pasar: los datagramas nunca se mezclan.',
        done_other:
          'Listo: 4 datagramas → {{count, number}} lecturas, ninguno mezclado; el último se cortó y perdió {{lost, number}} bytes.',
      },
      failed: 'La demo se detuvo: {{message}}',
    },
  },
  ribbon: {
    label: 'Cinta de bytes de {{socket}}, {{direction}}',
    legend: 'Cómo leer la cinta',
    colours: {
      byWrite: 'Color: la escritura (send) de {{writer}} de la que vino cada byte.',
      byOwnWrite: 'Color: la escritura (send) de este socket de la que vino cada byte.',
      byRead: 'Color: la lectura en la que llegó cada byte.',
      byDatagram: 'Color: el datagrama en el que llegó cada byte.',
    },
    marks: {
      read: 'límite de recv()',
      frame: 'límite de mensaje',
      cut: 'datagrama cortado por recvfrom(N): el resto se perdió',
    },
    outside:
      'El otro lado, {{who}} en {{remote}}, no es un socket de esta página (un script de Python, nc, otra sesión…), así que la página no puede ver sus escrituras: los bytes se colorean por lectura.',
    noReader:
      'El lector, {{who}} en {{remote}}, no es un socket de esta página, así que sus límites de recv() son desconocidos.',
    notConnected: 'Este socket aún no tiene par.',
    holes:
      'Se omitieron eventos o se recortaron a una vista previa, así que los colores y marcas tras un hueco son aproximados.',
    byteHint: 'Señala un byte, o enfoca la cinta y usa las flechas, para ver de dónde vino.',
    byte: 'posición {{offset, number}} · 0x{{hex}} · {{char}} · {{write}} · {{read}}{{frame}}',
    writeNo: 'escritura n.º {{no}}',
    writeUnknown: 'escritura desconocida',
    readNo: 'lectura n.º {{no}}',
    readUnknown: 'lectura desconocida',
    datagramNo: 'datagrama n.º {{no}}',
    frameNo: ' · mensaje n.º {{no}}',
    cutAfter_one: ' · el datagrama se cortó aquí: se perdió {{count, number}} byte más',
    cutAfter_other: ' · el datagrama se cortó aquí: se perdieron {{count, number}} bytes más',
    summary:
      '{{bytes, number}} bytes · escrituras en el lado que envía: {{writes, number}} → lecturas en el lado que recibe: {{reads, number}}',
    summaryUnknown: '{{bytes, number}} bytes en {{reads, number}} lecturas',
    summaryWrites: '{{bytes, number}} bytes en {{writes, number}} escrituras',
    summaryDatagramsIn_one:
      '{{bytes, number}} bytes en {{count, number}} datagrama, leído entero (o cortado), nunca mezclado',
    summaryDatagramsIn_other:
      '{{bytes, number}} bytes en {{count, number}} datagramas, cada uno leído por separado (o cortado), nunca mezclados',
    summaryDatagramsOut_one: '{{bytes, number}} bytes en {{count, number}} datagrama',
    summaryDatagramsOut_other: '{{bytes, number}} bytes en {{count, number}} datagramas',
  },
  framing: {
    label: 'Formato',
    presets: {
      raw: 'Ninguno: cada lectura (o datagrama) es un mensaje',
      newline: 'Líneas que terminan en \\n',
      crlf: 'Líneas que terminan en \\r\\n',
      'seed002-chunk-count': 'Semilla 002: cantidad de bloques de 4 bytes (prefijo de 4 bytes, little endian)',
      'seed002-padded-length': 'Semilla 002: longitud, rellenado a 60 (prefijo de 4 bytes, big endian)',
      delimiter: 'Delimitador propio…',
      'length-prefix': 'Prefijo de longitud propio…',
    },
    delimiter: 'Delimitador (funcionan escapes como \\n, \\x00)',
    maxLength: 'Mensaje más largo, bytes',
    width: 'Tamaño del prefijo',
    widthOption: '{{width}} byte(s)',
    endian: 'Orden de bytes',
    endians: {
      big: 'Big endian (orden de red, !)',
      little: 'Little endian (<)',
    },
    unit: 'El prefijo cuenta',
    units: {
      bytes: 'bytes',
      chunks: 'bloques',
    },
    chunkSize: 'Tamaño del bloque, bytes',
    padTo: 'Rellenar hasta un múltiplo de, bytes (1: sin relleno)',
    padByte: 'Byte de relleno (hex)',
    includesPadding: 'La longitud incluye el relleno',
    invalid: 'Este formato no se puede usar: {{reason}}',
  },
  frames: {
    payload: 'Mostrar el contenido como',
    payloads: {
      text: 'Texto',
      json: 'JSON',
      struct: 'struct',
    },
    empty: {
      received: 'Aún no se ha recibido ningún byte. Los mensajes aparecen aquí a medida que se completan.',
      sent: 'Aún no se ha enviado nada.',
    },
    noFrames: 'Aún no hay ningún mensaje completo.',
    count_one: '{{count, number}} mensaje',
    count_other: '{{count, number}} mensajes',
    older_one: 'No se lista {{count, number}} mensaje más antiguo.',
    older_other: 'No se listan {{count, number}} mensajes más antiguos.',
    frame: 'Mensaje n.º {{no}}',
    range: 'bytes {{start, number}}–{{end, number}}',
    header: 'prefijo {{hex}} = {{value}}',
    headerChunks: 'prefijo {{hex}} = {{value}} bloques',
    payloadBytes_one: '{{count, number}} byte de mensaje',
    payloadBytes_other: '{{count, number}} bytes de mensaje',
    padding_one: '+ {{count, number}} byte de relleno',
    padding_other: '+ {{count, number}} bytes de relleno',
    trailer: '+ delimitador',
    jsonInvalid: 'No es JSON válido',
    emptyPayload: '(vacío)',
    partial: {
      body: 'Mensaje en curso: {{have, number}} de {{need, number}} bytes',
      header: 'Prefijo de longitud en curso: {{have, number}} de {{width}} bytes',
      open: 'Mensaje en curso: {{have, number}} bytes por ahora, aún sin delimitador',
      skipping: 'Saltando un mensaje demasiado largo: {{have, number}} bytes por ahora',
    },
    errorsTitle: 'Problemas',
    errors: {
      'too-long': 'Demasiado largo',
      'bad-length': 'Longitud extraña',
      'bad-padding': 'Relleno incorrecto',
      truncated: 'Cortado',
      'invalid-json': 'JSON no válido',
    },
    startMissing:
      'El principio de este flujo ya no se guarda en la página, así que no se pueden encontrar sus mensajes; elige el formato antes de enviar.',
    holes:
      'Algunos bytes nunca llegaron a la página (eventos omitidos o vistas previas recortadas), así que los mensajes tras un hueco pueden estar mal.',
    udpNote: 'Por UDP cada datagrama se decodifica por separado.',
  },
  struct: {
    format: 'formato de struct',
    names: 'Nombres de los campos (opcional)',
    namesPlaceholder: 'temperatura, humedad, id_sensor',
    formatHint:
      'Primero el orden de bytes (@ = < > !), luego los códigos: x c b B ? h H i I l L q Q e f d s p, con repeticiones.',
    size_one: '{{count, number}} byte por registro',
    size_other: '{{count, number}} bytes por registro',
    pack: {
      title: 'Empaquetar con struct',
      field: 'Campo {{no}}: {{code}} ({{ctype}})',
      useAsMessage: 'Usar como mensaje (hex)',
      result: 'struct.pack → {{python}}',
      noFields: 'Este formato no tiene valores que rellenar.',
    },
    unpack: {
      record: 'Registro',
      recordOf: 'registro {{no}} de {{count, number}}, bytes {{start, number}}–{{end, number}}',
      source: 'Los registros salen de',
      sources: {
        stream: 'el flujo de bytes, uno tras otro',
        frames: 'el contenido de cada mensaje',
      },
      incomplete: '{{have, number}} de {{need, number}} bytes del siguiente registro por ahora.',
      none: 'Aún no hay bytes suficientes para un registro de {{size, number}} bytes.',
      tableLabel: 'Campos del registro',
      columns: {
        field: 'campo',
        code: 'código',
        value: 'valor',
        bytes: 'bytes',
      },
      bytesLabel: 'Bytes del registro',
      padding: 'relleno',
      hoverHint: 'Señala un campo para resaltar sus bytes.',
    },
    invalid: 'No es válido: {{reason}}',
  },
  netlab: {
    title: 'Laboratorio de red',
    pages: {
      label: 'Páginas',
      sockets: 'Sockets',
      netlab: 'Laboratorio de red',
    },
    tabs: {
      compare: 'TCP frente a UDP',
      sensor: 'Flujo del sensor',
      conditions: 'Condiciones',
    },
    tabHints: {
      compare: 'Los mismos mensajes por ambos, lado a lado',
      sensor: 'Semilla 003: registros struct, gráfico en vivo',
      conditions: 'Pérdida, retardo y desorden entre cliente y servidor',
    },
    conditions: {
      title: 'Condiciones de red',
      presets: 'Redes predefinidas',
      presetNames: {
        perfect: 'Perfecta',
        lossy: 'Wi-Fi con pérdidas',
        congested: 'Congestionada',
        chaos: 'Caos',
      },
      presetHints: {
        perfect: 'Loopback tal cual: nada se pierde, nada llega tarde',
        lossy: 'Se pierde el 20 % de los datagramas, retardo de 10 ± 2 ms',
        congested: 'Retardo de 80 ± 40 ms, 2 Mbit/s, TCP recortado en trozos de 200–600 bytes',
        chaos: 'Pérdidas, duplicados, desorden y variación de retardo a la vez',
      },
      groups: {
        both: 'Ambos transportes',
        udp: 'UDP: cada datagrama',
        tcp: 'TCP: el flujo de bytes',
      },
      delay: 'Retardo',
      jitter: 'Variación ±',
      bandwidth: 'Ancho de banda',
      kbps: 'kbit/s',
      unlimited: '0 significa sin límite.',
      loss: 'Pérdida',
      duplicate: 'Duplicar',
      reorder: 'Retener',
      reorderDistance: 'Adelantado por (datagramas)',
      segmentMin: 'Trozos de',
      segmentMax: 'a',
      bytes: 'bytes',
      tcpNote:
        'TCP nunca pierde, duplica, desordena ni corrompe bytes: TCP no dejaría que una red hiciera eso. Un segmento «perdido» se reenvía tras un tiempo de espera (al menos 200 ms), y todos los bytes detrás de él esperan. TCP repara los duplicados y el desorden antes de que la aplicación lea.',
      seed: 'Semilla',
      seedHint:
        'La misma semilla repite las mismas pérdidas, duplicados y retenciones: toda la clase ve la misma ejecución.',
      relays: 'Etapas de condiciones',
      relaysIntro:
        'Una etapa es un relé dentro de Socket Playground: los clientes se conectan a su puerto y reenvía al servidor a través de las condiciones. Cambia los ajustes mientras fluye el tráfico.',
      empty: {
        title: 'Aún no hay etapas de condiciones',
        body: 'Crea una a la izquierda delante de un servidor, o lanza una ejecución en «TCP frente a UDP» o «Flujo del sensor».',
      },
      newTitle: 'Nueva etapa de condiciones',
      newIntro:
        'Pon una etapa entre tus clientes y uno de tus servidores; luego conecta los clientes al puerto de la etapa.',
      targetPort: 'Puerto del servidor',
      targetHint: 'Se rellena el servidor más reciente de este protocolo; elige otro de la lista o escribe un puerto.',
      noServers: 'Arranca antes un servidor (página Sockets), o escribe el puerto de un servidor de este computador.',
      create: 'Crear etapa',
      relayTitle: 'Condiciones {{transport}}',
      via: 'condiciones',
      seedTag: 'semilla {{seed}}',
      flows: 'Lleva el tráfico de {{peers}}',
      change: 'Cambiar las condiciones (se aplica al momento)',
      connectClient: 'Conectar un cliente aquí',
      close: 'Cerrar la etapa',
      viaTag: 'por las condiciones',
      viaTo: '{{relay}} → servidor {{target}}',
      viaFrom: '{{relay}}, en realidad desde {{peer}}',
      stats: {
        udp: {
          in: 'Datagramas entrantes',
          out: 'Entregados',
          dropped: 'Descartados',
          duplicated: 'Duplicados',
          reordered: 'Desordenados',
          delayed: 'Retrasados',
          overflow: 'Cola llena',
          queued: 'En tránsito',
        },
        tcp: {
          in: 'Lecturas entrantes',
          out: 'Trozos salientes',
          retransmitted: 'Retransmitidos',
          delayed: 'Retrasados',
          queued: 'En tránsito',
        },
      },
    },
    compare: {
      title: 'TCP frente a UDP',
      intro:
        'Los mismos mensajes numerados (#0001 hola-mundo) van por TCP y por UDP al mismo ritmo, cada uno por su propia etapa de condiciones con los mismos ajustes y la misma semilla, hacia un servidor que solo escucha.',
      run: 'La ejecución',
      count: 'Mensajes',
      interval: 'Cada (ms)',
      duration: 'El envío tarda unos {{seconds}} s.',
      tooLong:
        'Una ejecución puede enviar durante {{seconds}} s como máximo: menos mensajes, o menos tiempo entre ellos.',
      start: 'Empezar la comparación',
      again: 'Ejecutar otra vez',
      reset: 'Limpiar',
      results: 'Resultados',
      empty: {
        title: 'Aún no se ha comparado nada',
        body: 'Elige una red a la izquierda (prueba «Wi-Fi con pérdidas») y empieza la comparación. Ambos transportes envían los mismos mensajes; los carriles muestran lo que llegó.',
      },
      status: {
        idle: '',
        preparing: 'Abriendo servidores, etapas y clientes…',
        sending: 'Enviando… {{sent, number}} de {{count, number}}',
        settling: 'Esperando los últimos mensajes…',
        done: 'Listo',
        failed: 'Detenida por un error',
      },
      cardTitle: {
        tcp: 'TCP: un flujo de bytes',
        udp: 'UDP: datagramas',
      },
      delivered: 'Entregados',
      ofSent: '{{delivered, number}} de {{sent, number}}',
      arrivedSoFar: 'Llegados hasta ahora',
      onTheWay_one:
        '{{count, number}} enviado que aún no ha llegado: la ejecución no ha terminado, así que nada cuenta como perdido',
      onTheWay_other:
        '{{count, number}} enviados que aún no han llegado: la ejecución no ha terminado, así que nada cuenta como perdido',
      inOrder: 'En orden',
      lateAndTwice: '{{late, number}} tarde · {{twice, number}} dos veces',
      p50: 'Latencia p50',
      p95: 'Latencia p95',
      max: 'el más lento {{ms}}',
      lanes: 'Lo que llegó, mensaje a mensaje',
      laneLabel:
        '{{transport}}: {{delivered, number}} de {{sent, number}} entregados, {{late, number}} tarde, {{missing, number}} perdidos, {{duplicates}} duplicados',
      arrivalOrder: 'orden de llegada',
      fates: {
        'in-order': 'en orden',
        late: 'tarde (después de uno posterior)',
        missing: 'perdido',
        pending: 'todavía no',
        duplicate: 'llegó dos veces',
      },
      chart: {
        title: 'Latencia de cada mensaje',
        label: 'Latencia por número de mensaje, TCP y UDP',
        x: 'número de mensaje',
        y: 'ms',
      },
      folded:
        'La página se quedó atrás y el puente omitió {{count, number}} eventos: algunos mensajes pueden aparecer como perdidos aunque llegaron.',
      explain: {
        title: 'Por qué se diferencian',
        result:
          'En esta ejecución: UDP entregó {{udpDelivered, number}} de {{sent, number}} ({{udpLate, number}} tarde, {{udpTwice, number}} dos veces); TCP entregó {{tcpDelivered, number}} de {{sent, number}}, todos en orden. Mensaje más lento: TCP {{tcpMax}}, UDP {{udpMax}}.',
        reasons: {
          timeTcp: 'TCP pagó su garantía con tiempo: su mensaje más lento tardó {{tcpMax}}, el de UDP {{udpMax}}.',
          timeUdp:
            'Esta vez el mensaje más lento de UDP ({{udpMax}}) tardó más que el de TCP ({{tcpMax}}): el retardo, su variación y los datagramas retenidos también hacen llegar tarde un datagrama, y UDP no hace nada al respecto.',
          timeEven: 'Los mensajes más lentos tardaron lo mismo en ambos: {{tcpMax}}.',
          retransmitted_one:
            'TCP reenvió {{count, number}} segmento tras un tiempo de espera, y los mensajes detrás de él esperaron (bloqueo de cabeza de línea).',
          retransmitted_other:
            'TCP reenvió {{count, number}} segmentos tras un tiempo de espera, y los mensajes detrás de ellos esperaron (bloqueo de cabeza de línea).',
          noRetransmits: 'Ningún segmento TCP tuvo que reenviarse en esta ejecución.',
          udpLost_one: 'UDP perdió {{count, number}} mensaje para siempre; TCP no perdió ninguno.',
          udpLost_other: 'UDP perdió {{count, number}} mensajes para siempre; TCP no perdió ninguno.',
          udpLostNone: 'Con un {{loss, number}} % de pérdida, esta vez UDP no perdió nada por casualidad.',
          udpLate_one: '{{count, number}} mensaje UDP llegó después de uno posterior; TCP mantuvo el orden.',
          udpLate_other: '{{count, number}} mensajes UDP llegaron después de otros posteriores; TCP mantuvo el orden.',
        },
        tcp: 'numera cada byte; el receptor confirma lo que recibió y el emisor reenvía lo perdido. La aplicación recibe cada byte, una vez, en orden — pero una pérdida cuesta un tiempo de espera de retransmisión, y todo lo que va detrás de los bytes perdidos espera. No hay límites de mensaje: el servidor encuentra cada mensaje por su salto de línea.',
        udp: 'envía cada mensaje como un datagrama y se olvida de él. Un datagrama perdido desaparece, uno duplicado llega dos veces, uno retenido llega después de otros posteriores — la aplicación debe darse cuenta (números de secuencia) y decidir. A cambio, nada espera nunca por un mensaje perdido, y cada datagrama es un mensaje entero.',
      },
    },
    sensor: {
      title: 'Flujo del sensor',
      intro:
        'La tarea de la semilla 003: un sensor envía lecturas aleatorias periódicamente como registros binarios (struct de Python), por TCP y por UDP. El servidor decodifica cada registro con el mismo formato y cuenta los números de secuencia que faltan o llegan desordenados.',
      record: 'El registro (tu protocolo)',
      format: 'formato de struct',
      fields: 'Nombres de los campos, uno por valor',
      recordHint:
        '«seq» es el número de secuencia que comprueba el servidor; sensor_id, timestamp, temperature, humidity, battery y pressure reciben lecturas verosímiles, y los demás nombres, valores aleatorios.',
      transports: 'Enviar por',
      ack: 'El servidor confirma (!IB)',
      rate: 'Registros por segundo',
      duration: 'Durante (segundos)',
      start: 'Arrancar los sensores',
      stop: 'Detener',
      reset: 'Cerrar todo',
      results: 'Lecturas en vivo',
      plot: 'Graficar',
      status: {
        idle: 'Sin empezar',
        starting: 'Arrancando…',
        running: 'Enviando',
        finished: 'Terminado',
        failed: 'Detenido por un error',
      },
      empty: {
        title: 'Aún no hay lecturas',
        body: 'Arranca los sensores: uno por TCP y otro por UDP, a través de las mismas condiciones. Luego prueba un 20 % de pérdida y mira cómo la línea de UDP se corta donde faltan registros.',
      },
      cardTitle: {
        tcp: 'Sensor TCP',
        udp: 'Sensor UDP',
      },
      path: 'etapa :{{relay}} → servidor :{{server}}',
      received: 'Recibidos',
      perSecond: '{{rate, number}} por segundo',
      missing: 'Faltan',
      outOfOrder: 'Desordenados',
      duplicates_one: '{{count, number}} duplicado',
      duplicates_other: '{{count, number}} duplicados',
      acks: 'Confirmaciones enviadas',
      bad_one: '{{count, number}} registro incorrecto',
      bad_other: '{{count, number}} registros incorrectos',
      chart: {
        label: '{{field}} en los últimos 60 segundos, TCP y UDP',
        x: 'segundos',
        time: 'tiempo',
        hint: 'Los últimos 60 segundos. Un hueco en una línea son registros que nunca llegaron; la línea de TCP nunca se corta, pero puede detenerse.',
      },
      python: {
        title: 'El mismo sensor en Python',
        viaRelay: 'A través de las condiciones',
        copy: 'Copiar',
        copied: 'Copiado',
        hint: 'Guárdalo como sensor_client.py (o usa {{file}}) y ejecútalo en una terminal: envía al puerto {{port}}, y sus registros aparecen en el gráfico y en los contadores.',
        noServers:
          'Arranca una vez los sensores para abrir los servidores del laboratorio; entonces este código apunta a ellos. El mismo script está en {{file}}.',
      },
    },
  },
  peers: {
    relay: 'relé de condiciones {{relay}}',
    teacher: 'el servidor de tu profesor',
    classmate: 'el servidor de {{name}}',
    outside: 'fuera de Socket Playground',
    at: '{{who}}, en {{address}}',
  },
  language: {
    label: 'Idioma',
  },
  sideTabs: {
    label: 'Crear, lecciones, clase',
    create: 'Crear',
    lessons: 'Lecciones',
    class: 'Clase',
  },
  join: {
    title: 'Únete a la clase',
    intro: 'Escribe el código que aparece en la pantalla de tu profesor y el nombre que verá tu profesor.',
    code: 'Código de la clase',
    codeHint: 'Seis letras y números, por ejemplo K7Q X2M. Da igual mayúsculas, minúsculas o espacios.',
    name: 'Tu nombre',
    nameHint: 'Hasta 40 caracteres.',
    submit: 'Unirme',
    joining: 'Uniéndote…',
    wait: 'Espera {{seconds}} s',
    replayHint: '¿No estás en clase ahora? Igual puedes ver una sesión guardada.',
    reasons: {
      expired:
        'Socket Playground se reinició, así que tu lugar en la clase ya no existe. Vuelve a unirte con el código nuevo.',
      teacherLinkInvalid:
        'Este enlace de profesor ya no funciona: Socket Playground se reinició. Abre el nuevo enlace de profesor que mostró, o únete como estudiante.',
    },
    problems: {
      wrongCode: 'Ese código no es correcto. Revisa el código de la pantalla del profesor e inténtalo de nuevo.',
      tooMany: 'Demasiados códigos incorrectos desde este computador. Vuelve a intentarlo en {{seconds}} s.',
      badInput: 'Escribe el código y tu nombre.',
      classFull: 'La clase está llena. Pídele a tu profesor que reinicie Socket Playground.',
      notLan: 'Este Socket Playground no está abierto a una clase, así que no hay nada a lo que unirse.',
      network: 'Socket Playground no responde. Comprueba que estás en la red de la clase e inténtalo de nuevo.',
      other: 'No se pudo entrar. Inténtalo de nuevo en un momento.',
    },
  },
  resume: {
    kept: 'Se cortó la conexión. Tus sockets siguen abiertos durante {{seconds}} s mientras esta página se reconecta.',
    resumed: 'Reconectado: tu sesión siguió con sus sockets.',
    reloaded: 'Bienvenido de nuevo: tu sesión siguió con sus sockets.',
    closedWhileAway_one: 'Mientras no estabas, se cerró el socket {{sockets}}.',
    closedWhileAway_other: 'Mientras no estabas, se cerraron {{count, number}} sockets: {{sockets}}.',
    ended_one:
      'La sesión de antes de recargar esta página había terminado (la página estuvo fuera demasiado tiempo, o Socket Playground se reinició), así que se cerró su socket.',
    ended_other:
      'La sesión de antes de recargar esta página había terminado (la página estuvo fuera demasiado tiempo, o Socket Playground se reinició), así que se cerraron sus {{count, number}} sockets.',
    replaced: 'Esta sesión ahora está abierta en otra pestaña o ventana, que se la quedó con sus sockets.',
    startNew: 'Empezar aquí una sesión nueva',
  },
  session: {
    menu: 'Guardar y compartir',
    keep: 'Guardar esta sesión',
    export: 'Exportar el registro',
    exportHint: 'Un archivo con cada evento de esta sesión, para volver a abrirlo más tarde en el visor.',
    share: 'Compartir una configuración',
    shareSetup: 'Crear un enlace de configuración',
    nothingToShare: 'Primero arranca un servidor o un cliente: el enlace los vuelve a crear.',
    link: 'Enlace de configuración',
    linkHint: 'Al abrirlo ofrece crear los mismos servidores y clientes (nunca los datos).',
    copy: 'Copiar',
    copied: 'Copiado',
  },
  share: {
    offer: 'Este enlace prepara {{what}}.',
    servers_one: '{{count, number}} servidor',
    servers_other: '{{count, number}} servidores',
    clients_one: '{{count, number}} cliente',
    clients_other: '{{count, number}} clientes',
    both: '{{servers}} y {{clients}}',
    moved_one:
      'Un puerto del enlace estaba ocupado en este computador, así que su servidor obtuvo uno libre: {{list}}.',
    moved_other:
      '{{count, number}} puertos del enlace estaban ocupados en este computador, así que sus servidores obtuvieron otros libres: {{list}}.',
    create: 'Crearlos',
    someFailed_one: 'No se pudo crear {{count, number}} socket de la configuración compartida.',
    someFailed_other: 'No se pudieron crear {{count, number}} sockets de la configuración compartida.',
  },
  replay: {
    title: 'Sesión guardada',
    open: 'Abrir un registro guardado…',
    exported: 'Exportada el {{when}}',
    close: 'Cerrar el visor',
    timeline: 'Línea de tiempo',
    start: 'Al principio',
    back: 'Un evento atrás',
    forward: 'Un evento adelante',
    end: 'Al final',
    play: 'Reproducir',
    pause: 'Pausa',
    position: 'evento {{position, number}} de {{total, number}} · {{time}} ms',
    missing_one:
      'Falta en este archivo {{count, number}} evento de la sesión (omitido, o más allá de la memoria de la página).',
    missing_other:
      'Faltan en este archivo {{count, number}} eventos de la sesión (omitidos, o más allá de la memoria de la página).',
    noSockets: 'En este punto de la sesión no hay sockets. Avanza en la línea de tiempo.',
    problems: {
      notJson: 'Ese archivo no es JSON, así que no es un registro exportado.',
      notLog: 'Ese archivo no es un registro de Socket Playground.',
      newer: 'Ese registro lo escribió un Socket Playground más nuevo; actualiza este para abrirlo.',
      invalid: 'Ese registro está dañado o incompleto.',
    },
  },
  lessons: {
    title: 'Lecciones guiadas',
    intro:
      'Cada lección sigue uno de los tutoriales, paso a paso: lee, prepara, pruébalo, y la comprobación nota cuándo lo hiciste.',
    steps_one: '{{count, number}} paso',
    steps_other: '{{count, number}} pasos',
    fromTeacher: 'de tu profesor',
    broken_one: 'No se pudo usar {{count, number}} archivo de lección',
    broken_other: 'No se pudieron usar {{count, number}} archivos de lección',
    all: '← Todas las lecciones',
    progress: 'Paso {{step}} de {{steps}}, {{done}} hechos',
    stepOf: 'Paso {{step}} de {{steps}}',
    setUp: 'Preparar este paso',
    presetLabel: 'Qué hace la preparación',
    tryThis: 'Prueba esto',
    doIt: 'Hacerlo',
    waiting: 'Esperando:',
    passed: '¡Hecho!',
    didIt: 'Ya lo hice',
    hint: 'Pista',
    back: 'Atrás',
    next: 'Siguiente',
    finish: 'Terminar',
    check: {
      and: ' y ',
      or: ' o ',
      manual: 'que marques este paso como hecho',
      kernel: 'que la vista del SO muestre una conexión en {{state}}',
      state: '{{where}} en estado «{{state}}»',
      event_one: '{{count, number}} evento «{{event}}»{{where}}',
      event_other: '{{count, number}} eventos «{{event}}»{{where}}',
      onSocket: ' en {{name}}',
      onKind: ' en un {{kind}}',
      exactly: ' de exactamente {{size, number}} bytes',
      atLeast: ' de al menos {{size, number}} bytes',
      atMost: ', de como máximo {{size, number}} bytes cada uno',
      lost: ' que perdieron bytes',
    },
  },
  classroom: {
    tagline: 'La clase',
    views: {
      label: 'Vista del profesor',
      class: 'Clase',
      sockets: 'Mis sockets',
    },
    join: {
      title: 'Únete a la clase',
      open: 'Abre en un navegador:',
      type: 'y escribe el código:',
      qr: 'Código QR de {{url}} con el código de la clase',
      noCode:
        'Este Socket Playground no está abierto a una clase. Arráncalo con --lan para que los estudiantes puedan unirse.',
    },
    shared: {
      title: 'Servidores para la clase',
      intro: 'Publica uno de tus servidores y los estudiantes podrán conectarse a él.',
      startTcp: 'Arrancar un servidor de eco TCP compartido',
      startUdp: 'Arrancar un servidor de eco UDP compartido',
      none: 'Aún no tienes servidores.',
      publish: 'Publicado',
      allowPeers: 'Los estudiantes pueden conectarse a los servidores de sus compañeros',
    },
    roster: {
      title: 'Estudiantes',
      loading: 'Pidiendo la clase al puente…',
      counts: '{{connected}} conectados · {{away}} fuera · {{total, number}} en total',
      filter: 'Buscar un estudiante',
      empty: 'Todavía no se ha unido nadie. Los estudiantes abren la dirección de la izquierda y escriben el código.',
    },
    presence: {
      connected: 'conectado',
      away: 'fuera (reconectando)',
      gone: 'se fue',
    },
    student: {
      tabs_one: '{{count, number}} pestaña',
      tabs_other: '{{count, number}} pestañas',
      progress: 'Paso {{step}} de {{steps}}, {{done}} hechos',
      noLesson: 'Sin lección abierta',
      sockets_one: '{{count, number}} socket abierto',
      sockets_other: '{{count, number}} sockets abiertos',
      more_one: '…y {{count, number}} socket más',
      more_other: '…y {{count, number}} sockets más',
      noSockets: 'Aún sin sockets',
      totals: 'recibidos {{in, number}} B · enviados {{out, number}} B',
      spotlight: 'Proyectar',
      stop: 'Detener sockets',
      confirmStop: 'Haz clic otra vez para detener',
    },
    spotlight: {
      title: 'Los sockets de {{name}}',
      readOnly: 'En vivo, solo lectura',
      close: 'Volver a la clase',
    },
    servers: {
      title: 'Servidores de la clase',
      intro: 'Servidores que tu profesor compartió con la clase. Conecta un cliente a uno con un clic.',
      none: 'Tu profesor aún no ha compartido ningún servidor.',
      peers: 'Servidores de tus compañeros',
      noPeers: 'Ningún compañero tiene un servidor en marcha.',
      teacher: 'Servidor del profesor',
      peer: 'Servidor de {{name}}',
      connect: 'Conectar',
    },
  },
  errors: {
    ECONNREFUSED: 'Conexión rechazada: nada escucha en {{host}}:{{port}}. Arranca antes un servidor ahí.',
    ECONNRESET:
      'El otro lado reseteó la conexión (RST): cerró de golpe y se perdieron los datos que aún estaban en camino.',
    ETIMEDOUT: {
      connect: 'Nadie respondió en {{host}}:{{port}} en {{timeoutMs}} ms, así que connect() se rindió.',
      later: '{{host}}:{{port}} dejó de responder, así que se agotó el tiempo de la conexión.',
    },
    EADDRINUSE: {
      'heldBy=you': 'El puerto {{port}} ya lo usa tu servidor {{socketId}}. Detenlo o elige otro puerto.',
      'heldBy=classmate':
        'El puerto {{port}} ya lo usa el servidor de un compañero: toda la clase comparte este computador. Deja el puerto en 0 y el sistema operativo elige uno libre.',
      'heldBy=teacher':
        'El puerto {{port}} ya lo usa el servidor de tu profesor. Deja el puerto en 0 y el sistema operativo elige uno libre.',
      'heldBy=session':
        'El puerto {{port}} ya lo usa un servidor de otra página de Socket Playground en este computador. Elige otro puerto.',
      other: 'El puerto {{port}} de {{host}} ya lo usa otro programa de este computador. Elige otro puerto.',
    },
    EACCES:
      'No se permite usar el puerto {{port}}: los puertos por debajo de 1024 necesitan permisos de administrador.',
    EADDRNOTAVAIL: '{{host}} no es una dirección de este computador, así que un socket no puede usarla.',
    ENOTFOUND: 'No se encontró el nombre {{host}}, así que no hay ninguna dirección con la que hablar.',
    EMSGSIZE: {
      sized:
        'Un datagrama UDP lleva como máximo 65 507 bytes, y este tiene {{size, number}}. Divide los datos o usa TCP.',
      plain: 'Un datagrama UDP lleva como máximo 65 507 bytes. Divide los datos o usa TCP.',
    },
    EPIPE: 'No se puede enviar: este lado ya terminó su mitad de envío (FIN), o el otro lado ya no está.',
    EHOSTUNREACH: 'No hay ruta hacia {{host}}, así que no se puede llegar a él desde este computador.',
    ENETUNREACH: 'No se puede llegar a la red de {{host}} desde este computador.',
    EAFNOSUPPORT:
      'Este socket no puede usar la familia de direcciones de {{host}}: los sockets IPv4 e IPv6 no se mezclan.',
    bad_json: 'El puente no pudo leer el mensaje: no era JSON válido.',
    bad_command: 'El puente no aceptó esta orden: {{reason}}',
    bad_payload: 'El mensaje no se pudo convertir en bytes: {{reason}}',
    unknown_socket: 'No hay ningún socket {{socketId}} en esta sesión (ya).',
    wrong_socket_kind: '{{socketId}} es un socket {{kind}}, que no puede hacer eso.',
    invalid_state: '{{socketId}} no puede hacer eso ahora: {{reason}}',
    not_allowed: {
      'reason=teacherOnly': 'Solo la página del profesor puede hacer eso.',
      'reason=notShared':
        'El servidor {{transport}} del puerto {{port}} es de otra persona de la clase y no está compartido. El profesor puede publicarlo, o permitir conectarse a los servidores de los compañeros.',
      'reason=notListening':
        'En clase Socket Playground solo se conecta a servidores de este Socket Playground, y aquí nada escucha {{transport}} en {{host}}, puerto {{port}}.',
      portRange:
        'El puerto {{port}} está fuera del rango permitido {{minPort}}–{{maxPort}}. Los puertos por debajo de 1024 están reservados para servicios del sistema.',
      notLoopback:
        'Este Socket Playground solo se conecta a este computador (127.0.0.1 o ::1), y {{host}} es {{address}}.',
      listenHost: 'Un servidor puede escuchar en 127.0.0.1, ::1, 0.0.0.0 o ::, no en {{host}}.',
      ownPort: 'El puerto {{port}} es el propio de Socket Playground; elige otro.',
    },
    quota: {
      spawnTooMany:
        'Lanzar {{count, number}} clientes dejaría {{total, number}} sockets abiertos, pero esta sesión puede tener como máximo {{max, number}}. Cierra algunos sockets o lanza menos.',
      'limit=maxSockets':
        'Esta sesión ya tiene {{max, number}} sockets abiertos, el máximo permitido. Cierra alguno antes.',
      'limit=maxServers': 'Esta sesión ya tiene {{max, number}} servidores, el máximo permitido. Detén uno antes.',
      'limit=maxMessageBytes':
        'Un mensaje puede tener como máximo {{max, number}} bytes, y este tiene {{size, number}}.',
      'limit=maxSendBufferBytes':
        'El otro lado no está leyendo: ya hay {{waiting, number}} bytes esperando a enviarse, así que este mensaje no se envió. Vuelve a enviarlo cuando el otro lado lea.',
      'limit=bytesPerSecond':
        'Esta sesión puede mover como máximo {{max, number}} bytes por segundo y ya los gastó; espera un momento y vuelve a enviar.',
      'limit=eventsPerSecond':
        'Esta sesión puede causar como máximo {{max, number}} eventos por segundo y ya los gastó; espera un momento y vuelve a enviar.',
      'limit=maxPendingCommands':
        'Esta sesión ya tiene {{max, number}} órdenes esperando respuesta, el máximo permitido; espera a que terminen.',
    },
    unknown_student: 'No hay ningún estudiante {{studentId}} en esta clase (ya).',
    internal: 'Algo falló dentro de Socket Playground. Los demás sockets siguen funcionando.',
    request_timeout: 'El puente no respondió a tiempo. Mira el estado en la parte de arriba de la página.',
    disconnected: 'Sin conexión con el puente. Espera a que el estado diga Conectado y vuelve a intentarlo.',
  },
};
