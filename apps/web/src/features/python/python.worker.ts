/// <reference lib="webworker" />
import { loadPyodide, type PyodideAPI } from 'pyodide';
import bridge from './py/_playground_bridge.py?raw';
import runner from './py/_playground_run.py?raw';
import select from './py/select.py?raw';
import socket from './py/socket.py?raw';
import { ask, sleepBlocking } from './syncReply.ts';
import type { RunRequest, WorkerMessage, WorkerRequest } from './workerMessages.ts';

/**
 * The page's Python (docs/python.md): Pyodide, from the bridge's own copy (`pyodide/` beside the
 * page, so a class LAN needs no Internet), running one program. Its socket calls block this worker
 * while the page carries them out as the session's commands.
 */
declare const self: DedicatedWorkerGlobalScope;

const MODULES = {
  '_playground_bridge.py': bridge,
  '_playground_run.py': runner,
  'select.py': select,
  'socket.py': socket,
};
const HOME = '/playground';

function post(message: WorkerMessage): void {
  self.postMessage(message);
}

async function start(run: RunRequest): Promise<void> {
  let pyodide: PyodideAPI;
  try {
    pyodide = await loadPyodide({ indexURL: new URL('../pyodide/', self.location.href).href });
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
    return;
  }
  post({ type: 'loaded' });
  const blocking = (request: WorkerRequest) => ask(run.replies, () => post({ type: 'request', request }));
  const decoder = new TextDecoder();
  const writer = (stream: 'stdout' | 'stderr') => ({
    write: (bytes: Uint8Array) => {
      post({ type: 'output', stream, text: decoder.decode(bytes) });
      return bytes.length;
    },
  });
  pyodide.setStdout(writer('stdout'));
  pyodide.setStderr(writer('stderr'));
  pyodide.registerJsModule('_playground', {
    call: (json: string) => blocking(JSON.parse(json) as WorkerRequest),
    input: () => {
      const answer = JSON.parse(blocking({ op: 'input' })) as { line: string | null };
      return answer.line;
    },
    sleep: (ms: number) => sleepBlocking(ms),
  });
  pyodide.FS.mkdirTree(HOME);
  for (const [name, text] of Object.entries(MODULES)) pyodide.FS.writeFile(`${HOME}/${name}`, text);
  pyodide.FS.chdir(HOME);
  const runProgram = pyodide.runPython(
    `import sys\nsys.path.insert(0, '${HOME}')\nfrom _playground_run import run\nrun`,
  ) as (source: string, argv: string[], message: string) => number;
  const code = runProgram(run.source, pyodide.toPy(run.argv) as unknown as string[], run.threadsMessage);
  post({ type: 'exit', code: Number(code) });
}

self.onmessage = (event: MessageEvent<RunRequest>) => {
  if (event.data.type === 'run') void start(event.data);
};
