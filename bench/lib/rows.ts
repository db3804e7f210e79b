import { errorRow, type Row } from './report.ts';
import { deadline } from './rounds.ts';

/**
 * Measures one row within its own budget, so a row that stalls fails alone: it becomes an ERROR row
 * that says why, `recover` puts the helpers back in order (a stalled transfer may still hold one),
 * and the rows after it are measured as usual.
 */
export async function measureRow(
  rows: Row[],
  name: string,
  budgetMs: number,
  measure: () => Promise<Row>,
  recover: () => Promise<void>,
  log: (message: string) => void,
): Promise<void> {
  try {
    rows.push(await deadline(measure(), budgetMs, name));
  } catch (err) {
    const why = err instanceof Error ? (err.message.split('\n')[0] as string) : String(err);
    log(`${name}: ${why}`);
    rows.push(errorRow(name, why));
    await recover();
  }
}
