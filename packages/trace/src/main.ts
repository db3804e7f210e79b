import { traceCommand } from './command.ts';

/** `trace [--url URL] [--code CODE] -- program args…` on its own (`pnpm trace`), with process.argv-style arguments. */
export async function main(argv: string[] = process.argv): Promise<number> {
  const command = traceCommand().exitOverride();
  try {
    await command.parseAsync(argv);
  } catch (err) {
    return (err as { exitCode?: number }).exitCode ?? 2;
  }
  return Number(process.exitCode ?? 0);
}
