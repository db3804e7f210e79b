import { describe, expect, it } from 'vitest';
import { ratioRow } from '../lib/report.ts';
import { measureRow } from '../lib/rows.ts';

describe('benchmark rows', () => {
  it('a stalled row fails alone, says why, and the rows after it still report', async () => {
    const rows: ReturnType<typeof ratioRow>[] = [];
    const logged: string[] = [];
    let recovered = 0;
    const recover = async () => {
      recovered++;
    };
    const quick = (name: string) => () => Promise.resolve(ratioRow(name, '1 GB/s', '1 GB/s', 1, { min: 0.9 }));
    const stalled = () => new Promise<never>(() => {});
    await measureRow(rows, 'first', 1000, quick('first'), recover, (m) => logged.push(m));
    await measureRow(rows, 'stalls', 50, stalled, recover, (m) => logged.push(m));
    await measureRow(rows, 'third', 1000, quick('third'), recover, (m) => logged.push(m));
    expect(rows.map((r) => [r.name, r.status])).toEqual([
      ['first', 'PASS'],
      ['stalls', 'ERROR'],
      ['third', 'PASS'],
    ]);
    expect(rows[1]?.subject).toBe('error: stalls: gave up after 0 s');
    expect(recovered).toBe(1);
    expect(logged).toEqual(['stalls: stalls: gave up after 0 s']);
  });
});
