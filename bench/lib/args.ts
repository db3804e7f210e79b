export interface RunOptions {
  quick: boolean;
  only: string[];
  /** Write docs/benchmarks.md even for a partial or quick run (a full run always writes it). */
  write: boolean;
}

/** `pnpm bench -- --quick --only engine-echo,latency` (pnpm may pass the `--` through). */
export function parseArgs(argv: readonly string[]): RunOptions {
  const options: RunOptions = { quick: false, only: [], write: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') continue;
    if (arg === '--quick') options.quick = true;
    else if (arg === '--write') options.write = true;
    else if (arg === '--only') options.only.push(...(argv[++i] ?? '').split(',').filter(Boolean));
    else if (arg.startsWith('--only=')) options.only.push(...arg.slice(7).split(',').filter(Boolean));
    else throw new Error(`unknown argument ${arg}; use --quick, --only <name[,name]>, --write`);
  }
  return options;
}
