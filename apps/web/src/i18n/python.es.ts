import type { Messages } from './en.ts';

/** El panel de Python (es.ts lo incluye como `python`). */
export const pythonEs: Messages['python'] = {
  tab: 'Python',
  title: 'Python en la página',
  intro:
    'Escribe o elige un programa en Python y ejecútalo aquí: sus llamadas a socket son sockets reales de este Socket Playground, con las mismas reglas que el resto de tu sesión. No hay nada que instalar.',
  example: 'Ejemplo',
  examples: {
    seed000Client: 'Semilla 000: cliente eco (recv(16))',
    seed000Server: 'Semilla 000: servidor eco',
    seed004Server: 'Semilla 004: echo-server.py',
    seed003Udp: 'Semilla 003: emisor UDP',
    seed003Sensor: 'Semilla 003: sensor, registros struct por UDP o TCP',
    seed002Client: 'Semilla 002: cliente JSON con prefijo de largo',
    selectors: 'Atender a varios clientes con selectors',
  },
  load: 'Cargar ejemplo',
  editor: 'Programa (main.py)',
  args: 'Argumentos (sys.argv)',
  argsHint: 'Como después de python3 main.py, separados por espacios; las "comillas" mantienen juntos los espacios.',
  run: 'Ejecutar',
  stop: 'Detener',
  status: {
    idle: 'Sin ejecutar.',
    loading: 'Cargando Python (unos 12 MB la primera vez, luego desde la caché del navegador)…',
    running: 'Ejecutando.',
    input: 'Esperando una entrada: escribe una línea abajo y pulsa Enter.',
    exited: 'El programa terminó (estado de salida {{code}}).',
    stopped: 'Detenido. Sus sockets se cerraron.',
    failed: 'Python no pudo iniciar: {{message}}',
  },
  console: 'Consola',
  consoleEmpty: 'Aquí aparece lo que el programa imprime.',
  inputLabel: 'Entrada para input()',
  send: 'Enviar',
  clear: 'Limpiar',
  threads:
    'Este programa inicia un hilo, y Python en el navegador tiene un solo hilo. Atiende a varios clientes con selectors (o select.select), o ejecuta este programa en tu computador y trázalo desde la línea de comandos (el comando trace de Socket Playground).',
  notIsolated:
    'Esta página no puede ejecutar Python: el navegador no le dio el aislamiento que necesita (SharedArrayBuffer). Abre Socket Playground desde su propia dirección, no dentro de otra página.',
  socketsNote:
    'Sus sockets aparecen junto a los demás; el registro de eventos y el flujo muestran cada llamada con su línea, y las pistas señalan los errores clásicos.',
};
