/** The Python panel (en.ts includes it as `python`). */
export const pythonEn = {
  tab: 'Python',
  title: 'Python in the page',
  intro:
    'Write or pick a Python program and run it here: its socket calls are real sockets of this playground, with the same rules as the rest of your session. Nothing to install.',
  example: 'Example',
  examples: {
    seed000Client: 'Seed 000: echo client (recv(16))',
    seed000Server: 'Seed 000: echo server',
    seed004Server: 'Seed 004: echo-server.py',
    seed003Udp: 'Seed 003: UDP sender',
    seed003Sensor: 'Seed 003: sensor, struct records over UDP or TCP',
    seed002Client: 'Seed 002: length-prefixed JSON client',
    selectors: 'Serving several clients with selectors',
  },
  load: 'Load example',
  editor: 'Program (main.py)',
  args: 'Arguments (sys.argv)',
  argsHint: 'As after python3 main.py, separated by spaces; "quotes" keep spaces together.',
  run: 'Run',
  stop: 'Stop',
  status: {
    idle: 'Not running.',
    loading: 'Loading Python (about 12 MB the first time, then from the browser’s cache)…',
    running: 'Running.',
    input: 'Waiting for input: type a line below and press Enter.',
    exited: 'The program ended (exit status {{code}}).',
    stopped: 'Stopped. Its sockets were closed.',
    failed: 'Python could not start: {{message}}',
  },
  console: 'Console',
  consoleEmpty: 'What the program prints appears here.',
  inputLabel: 'Input for input()',
  send: 'Send',
  clear: 'Clear',
  threads:
    'This program starts a thread, and Python in the browser runs on one thread only. Serve several clients with selectors (or select.select) instead, or run this program on your computer and trace it from the command line (Socket Playground’s trace command).',
  notIsolated:
    'This page cannot run Python: the browser did not give it the isolation it needs (SharedArrayBuffer). Open the playground from its own address, not inside another page.',
  socketsNote:
    'Its sockets appear among the others; the event log and the flow show each call with its line, and hints point at classic mistakes.',
};
