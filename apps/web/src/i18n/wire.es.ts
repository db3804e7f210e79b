import type { Messages } from './en.ts';

/** La vista del cable (es.ts la incluye como `wire`). */
export const wireEs: Messages['wire'] = {
  title: 'En el cable',
  intro:
    'Los paquetes reales de tus conexiones ({{tool}} en {{interface}}), con el reloj del registro de eventos. Haz clic en un segmento para ver de qué escrituras y lecturas son sus bytes; haz clic en un send o recv para ver sus segmentos.',
  state: {
    connecting: 'Esperando al puente…',
    disabled: 'La captura de paquetes está desactivada en este Socket Playground.',
    unavailable: 'La captura de paquetes no está disponible en este computador.',
    'not-permitted': 'Socket Playground no tiene permiso para capturar paquetes en este computador.',
    starting: 'Iniciando la captura…',
    capturing: 'Capturando',
    failed: 'La captura se detuvo.',
    off: 'Sin capturar.',
  },
  blocks:
    'Una avalancha: se sigue capturando cada paquete, pero ahora llegan en bloques, hasta un segundo tarde (de uno en uno otra vez dos segundos después de que termine).',
  filter: 'Filtro: {{filter}}',
  retry: 'Reintentar',
  count_one: '{{count}} segmento',
  count_other: '{{count}} segmentos',
  notShown_one: '{{count}} segmento sin mostrar',
  notShown_other: '{{count}} segmentos sin mostrar',
  notShownHint:
    'Por encima de {{rate}} segmentos por segundo (o mientras esta página iba atrasada) el puente contó segmentos en vez de enviarlos. Los números saltan donde faltan.',
  dropped_one: 'se descartó el más antiguo ({{count}})',
  dropped_other: 'se descartaron los {{count}} más antiguos',
  showCalls: 'Mostrar lecturas y escrituras',
  onlySelected: 'Solo la conexión seleccionada',
  exportPcap: 'Exportar .pcap',
  exportHint:
    'Un archivo de captura que abren Wireshark y tcpdump -r (cada paquete como se capturó: sus primeros {{snaplen}} bytes).',
  clear: 'Vaciar',
  empty: {
    title: 'Aún no hay segmentos',
    body: 'Inicia un servidor y conecta un cliente con esta vista abierta: aquí aparece el saludo de tres vías y luego cada segmento que envían tus sockets.',
  },
  tableLabel: 'Segmentos capturados y las llamadas al socket entre ellos',
  columns: {
    n: 'N.º',
    time: 'tiempo (ms)',
    who: 'de → a',
    flags: 'banderas',
    seq: 'seq',
    ack: 'ack',
    len: 'long.',
    win: 'vent.',
    notes: 'opciones y notas',
  },
  columnHints: {
    seq: 'Número de secuencia relativo, como lo muestra Wireshark: el SYN es 0 y el primer byte de datos es 1.',
    ack: 'El siguiente byte que el emisor espera del otro lado: todo lo anterior ya llegó.',
    len: 'Bytes de datos de este segmento, en el cable.',
    win: 'Cuántos bytes más está dispuesto a recibir quien envía este segmento (su ventana de recepción), en bytes.',
  },
  port: 'puerto {{port}}',
  linkedHint: 'Lleva bytes de la lectura o escritura seleccionada',
  notes: {
    mss: 'MSS {{mss}}',
    wscale: 'ventana ×{{factor}}',
    sackPermitted: 'SACK permitido',
    sack: 'SACK {{blocks}}',
    retransmission: 'retransmisión',
    zeroWindow: 'ventana cero: deja de enviar',
    windowUpdate: 'actualización de ventana',
    probe: 'sondeo: ¿ya hay sitio? (o un keep-alive)',
    noSyn: 'saludo no capturado: seq cuenta desde el primer segmento visto',
    datagram_one: 'datagrama de {{count}} byte',
    datagram_other: 'datagrama de {{count}} bytes',
  },
  call: {
    send: 'send n.º {{no}} · {{size}} B',
    recv: 'recv n.º {{no}} · {{size}} B',
    datagramOut: 'sendto n.º {{no}} · {{size}} B',
    datagramIn: 'recvfrom n.º {{no}} · {{size}} B',
    datagramInLost: 'recvfrom n.º {{no}} · {{size}} B, {{lost}} B perdidos',
    connected: 'connect() volvió',
    accept: 'accept() volvió',
    finSent: 'shutdown(): FIN',
    finReceived: "recv() → b''",
    resetSent: 'abortado con RST',
    paused: 'dejó de llamar a recv()',
    resumed: 'vuelve a llamar a recv()',
    nagleOff: 'TCP_NODELAY activado: Nagle desactivado',
    nagleOn: 'TCP_NODELAY desactivado: Nagle activado',
    error: 'error {{code}}',
    other: 'llamada al socket',
  },
  details: {
    title: 'Segmento {{n}}',
    close: 'Cerrar',
    wrote: 'Escrito por',
    read: 'Leído por',
    none: 'Este segmento no lleva datos (un SYN, FIN o ACK puro), así que no hay lecturas ni escrituras enlazadas.',
    unlinked:
      'Sus bytes no se pueden enlazar con lecturas y escrituras: la captura empezó después del saludo de esta conexión.',
    notInLog: 'Sus lecturas y escrituras ya no están en el registro de eventos.',
    open: 'Abrir en el inspector',
    fields: {
      wire: '{{length}} bytes de datos, {{wireLength}} bytes en el cable',
      tcp: 'seq {{seq}}, ack {{ack}}, ventana {{window}}',
      stream: 'bytes {{from}}–{{to}} del flujo del emisor',
      udp: 'Datagrama UDP de {{length}} bytes del puerto {{src}} al puerto {{dst}}',
      timestamp: 'marca de tiempo {{value}}, que devuelve {{echoed}}',
    },
  },
  help: {
    title: 'Cómo permitir la captura de paquetes',
    said: 'La herramienta de captura dijo: {{reason}}',
    why: 'Capturar paquetes necesita un permiso que los programas normales no tienen. Dáselo una vez a la herramienta de captura y vuelve a abrir esta vista (el resto de Socket Playground funciona sin él).',
    disabled:
      'En una clase, el profesor activa la captura al iniciar Socket Playground: pnpm start --lan --capture. A solas, la captura está activa salvo que Socket Playground se iniciara con --no-capture.',
    linux: {
      title: 'Linux',
      setcap:
        'Deja que tcpdump capture sin ser root: sudo setcap cap_net_raw,cap_net_admin=eip "$(command -v tcpdump)"',
      group:
        'Para permitirlo solo a algunos usuarios: sudo groupadd pcap; sudo usermod -aG pcap $USER; sudo chgrp pcap "$(command -v tcpdump)"; sudo chmod 750 "$(command -v tcpdump)" — luego la línea setcap de arriba, y vuelve a iniciar sesión. (El instalador de Wireshark ofrece lo mismo para su dumpcap con el grupo wireshark.)',
      install:
        '¿Aún no tienes tcpdump? sudo apt-get install tcpdump (Debian, Ubuntu) o sudo dnf install tcpdump (Fedora).',
    },
    macos: {
      title: 'macOS',
      chmodbpf:
        'tcpdump viene con macOS, pero /dev/bpf* es de root. Instala ChmodBPF de Wireshark (en su instalador, o brew install --cask wireshark-chmodbpf), que deja capturar al grupo access_bpf, y vuelve a iniciar sesión.',
    },
    windows: {
      title: 'Windows',
      npcap:
        'Instala Wireshark con Npcap (marca «Support loopback traffic») y añade la carpeta de Wireshark al PATH, para que Socket Playground encuentre su dumpcap; inicia Socket Playground con --capture-interface "\\Device\\NPF_Loopback".',
    },
  },
};
