import type { ErrorTemplates } from '@playground/protocol';

/** The page's Spanish for every entry of the protocol's error catalogue, key for key as errors.en.ts. */
export const errorsEs: ErrorTemplates = {
  ECONNREFUSED: 'Conexión rechazada: nada escucha en {{host}}:{{port}}. Arranca antes un servidor ahí.',
  ECONNRESET:
    'El otro lado reseteó la conexión (RST): cerró de golpe y se perdieron los datos que aún estaban en camino.',
  ETIMEDOUT: {
    call: '{{socketId}}: {{call}}() agotó su tiempo de espera tras {{timeoutMs, number}} ms: no llegó nada a tiempo.',
    connect: 'Nadie respondió en {{host}}:{{port}} en {{timeoutMs}} ms, así que connect() se rindió.',
    later: '{{host}}:{{port}} dejó de responder, así que se agotó el tiempo de la conexión.',
  },
  EADDRINUSE: {
    you: 'El puerto {{port}} ya lo usa tu servidor {{socketId}}. Detenlo o elige otro puerto.',
    classmate:
      'El puerto {{port}} ya lo usa el servidor de un compañero: toda la clase comparte este computador. Deja el puerto en 0 y el sistema operativo elige uno libre.',
    teacher:
      'El puerto {{port}} ya lo usa el servidor de tu profesor. Deja el puerto en 0 y el sistema operativo elige uno libre.',
    session:
      'El puerto {{port}} ya lo usa un servidor de otra página de Socket Playground en este computador. Elige otro puerto.',
    noReuseAddr:
      'El puerto {{port}} de {{host}} sigue ocupado por una conexión en {{state}} ({{local}} ↔ {{remote}}; la vista del sistema la muestra). Un servidor sin SO_REUSEADDR, como los de Python de las semillas, falla aquí con “Address already in use” hasta que desaparezca (TIME_WAIT dura 60 s). Node siempre activa SO_REUSEADDR, así que Socket Playground lo rechazó en nombre de Python; desmarca “Como las semillas” para iniciarlo igualmente.',
    other: 'El puerto {{port}} de {{host}} ya lo usa otro programa de este computador. Elige otro puerto.',
  },
  EACCES: 'No se permite usar el puerto {{port}}: los puertos por debajo de 1024 necesitan permisos de administrador.',
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
  bad_json: {
    tooComplex: 'El puente no leyó el mensaje: es demasiado complejo ({{reason}}).',
    notJson: 'El puente no pudo leer el mensaje: no era JSON válido.',
  },
  bad_command: {
    splitDuration:
      '{{writes, number}} escrituras separadas {{delayMs, number}} ms tardarían {{duration, number}} ms; un envío puede tardar como máximo {{max, number}} ms.',
    splitWrites:
      'Esta división hace {{writes, number}} escrituras; un envío puede hacer como máximo {{max, number}}. Usa trozos más grandes o menos repeticiones.',
    notHost: '«{{host}}» no es ni una dirección IP ni un nombre de host.',
    unavailable: '{{command}} no está disponible en este puente.',
    framing: 'Este encuadre no se puede usar: {{problems}}',
    recvSize: 'El tamaño de recepción debe ser un número entero de bytes entre {{min, number}} y {{max, number}}.',
    sensorLayout: 'El formato de registro «{{format}}» no se puede usar: {{detail}}',
    sensorRate: 'Un sensor envía de 1 a {{max, number}} registros por segundo.',
    sensorDuration: 'Un sensor funciona de 1 a {{max, number}} segundos.',
    percentage: '{{setting}} es un porcentaje: de 0 a 100, no {{value, number}}.',
    wholeNumber: '{{setting}} debe ser un número entero de 0 o más.',
    reorderDistance: 'Un datagrama retenido espera al menos a 1 posterior.',
    segments:
      'El trozo más pequeño ({{segmentMin, number}} bytes) no puede ser mayor que el más grande ({{segmentMax, number}} bytes).',
    invalid: 'El puente no aceptó esta orden: {{reason}}',
  },
  bad_payload: 'El mensaje no se pudo convertir en bytes: {{reason}}',
  unknown_socket: 'No hay ningún socket {{socketId}} en esta sesión (ya).',
  wrong_socket_kind: {
    notServer: '{{socketId}} no es un servidor: publica un servidor TCP, o un endpoint UDP sin destino por defecto.',
    other: '{{socketId}} es un socket {{kind}}, que no puede hacer eso.',
  },
  invalid_state: {
    classClosed: '{{socketId}} está cerrado, así que la clase no puede usarlo.',
    other: '{{socketId}} no puede hacer eso ahora ({{why}}).',
    gone: 'El socket ya está cerrado, así que ya no puede hacer eso.',
  },
  not_allowed: {
    programSocket:
      'El socket {{socketId}} es de tu programa {{program}} (pid {{pid}}): Socket Playground solo lo observa, lo que hace lo decide tu programa.',
    teacherOnly: 'Solo la página del profesor puede hacer eso.',
    notShared:
      'El servidor {{transport}} del puerto {{port}} es de otra persona de la clase y no está compartido. El profesor puede publicarlo, o permitir conectarse a los servidores de los compañeros.',
    notListening:
      'En clase Socket Playground solo se conecta a servidores de este Socket Playground, y aquí nada escucha {{transport}} en {{host}}, puerto {{port}}.',
    relayNotListening:
      'El relé rechazó a un cliente: ya nada de este Socket Playground escucha {{transport}} en {{host}}, puerto {{port}} (el servidor se detuvo), así que el relé no se conecta allí.',
    relayNotShared:
      'El relé rechazó a un cliente: el servidor {{transport}} del puerto {{port}} ya no está compartido contigo (el profesor dejó de compartirlo), así que el relé no se conecta allí.',
    scoped:
      '{{address}} nombra una interfaz de red concreta (una dirección link-local con ámbito); Socket Playground nunca se conecta allí.',
    unspecified:
      '{{address}} significa «cualquier dirección»: un servidor puede escuchar en ella, pero un cliente no puede conectarse a ella. Usa 127.0.0.1 para llegar a este computador.',
    special:
      '{{address}} es una dirección especial ({{range}}); Socket Playground solo se conecta allí si quien lo ejecuta lo permite con --allow-target.',
    portRange:
      'El puerto {{port}} está fuera del rango permitido {{minPort}}–{{maxPort}}. Los puertos por debajo de 1024 están reservados para servicios del sistema.',
    notLoopback:
      'Este Socket Playground solo se conecta a este computador (127.0.0.1 o ::1), y {{address}} no es una de ellas.',
    listenHost: 'Un servidor puede escuchar en 127.0.0.1, ::1, localhost, 0.0.0.0 o ::, no en {{host}}.',
    ownPort: 'El puerto {{port}} es el propio de Socket Playground; elige otro.',
  },
  quota: {
    relay:
      'El relé rechazó a un cliente de {{host}}:{{port}}: sus conexiones dejarían esta sesión por encima de {{max, number}} sockets abiertos, el máximo permitido. Cierra algunos sockets antes.',
    acceptRefused:
      'Tu servidor rechazó (reset) una conexión de {{host}}:{{port}}: esta sesión ya tiene {{max, number}} sockets abiertos, el máximo permitido. Cierra alguno antes.',
    spawnTooMany:
      'Lanzar {{count, number}} clientes dejaría {{total, number}} sockets abiertos, pero esta sesión puede tener como máximo {{max, number}}. Cierra algunos sockets o lanza menos.',
    maxSockets: 'Esta sesión ya tiene {{max, number}} sockets abiertos, el máximo permitido. Cierra alguno antes.',
    maxServers: 'Esta sesión ya tiene {{max, number}} servidores, el máximo permitido. Detén uno antes.',
    maxRelays: 'Esta sesión ya tiene {{max, number}} relés de condiciones, el máximo permitido. Detén uno antes.',
    sendTotal: 'Un envío puede llevar como máximo {{max, number}} bytes en total, y este lleva {{size, number}}.',
    maxMessageBytes: 'Un mensaje puede tener como máximo {{max, number}} bytes, y este tiene {{size, number}}.',
    sendBufferSocket:
      'El otro lado no está leyendo: ya hay {{waiting, number}} bytes esperando a enviarse, así que este mensaje no se envió. Vuelve a enviarlo cuando el otro lado lea.',
    sendBufferSession:
      'Los otros lados de esta sesión no están leyendo: ya hay {{waiting, number}} bytes esperando a enviarse, así que este mensaje no se envió. Vuelve a enviarlo cuando lean.',
    bytesPerSecond:
      'Esta sesión puede mover como máximo {{max, number}} bytes por segundo y ya los gastó; espera un momento y vuelve a enviar.',
    eventsPerSecond:
      'Esta sesión puede causar como máximo {{max, number}} eventos por segundo y ya los gastó; espera un momento y vuelve a enviar.',
    maxPendingCommands:
      'Esta sesión ya tiene {{max, number}} órdenes esperando respuesta, el máximo permitido; espera a que terminen.',
  },
  unknown_student: 'No hay ningún estudiante {{studentId}} en esta clase (ya).',
  internal: 'Algo falló dentro de Socket Playground. Los demás sockets siguen funcionando.',
};
