/**
 * Calls `stop` once, on the first of the signals that mean "please stop": Ctrl+C (SIGINT),
 * `kill` and `docker stop` (SIGTERM), a closed terminal (SIGHUP). Windows has no SIGTERM to
 * catch (`taskkill /F` and `process.kill` end the process at once); there Ctrl+C is SIGINT,
 * Ctrl+Break is SIGBREAK and closing the console window is SIGHUP, with a few seconds to finish.
 */
export function onStopSignals(stop: (signal: NodeJS.Signals) => Promise<void>): void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  if (process.platform === 'win32') signals.push('SIGBREAK');
  let stopping = false;
  for (const signal of signals) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void stop(signal);
    });
  }
}
