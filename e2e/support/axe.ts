import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

export interface AxeFinding {
  rule: string;
  impact: string | null;
  targets: string[];
  summary: string;
}

/**
 * axe-core's violations on the page as it is now, with the rules that are off by default but that
 * this page promises too: a control's visible text is part of its name.
 */
export async function axeViolations(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the DevTools protocol: a <script> tag would be refused by the page's CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, {
      resultTypes: ['violations'],
      rules: { 'label-content-name-mismatch': { enabled: true } },
    });
    return result.violations.flatMap((v) =>
      v.nodes.map((n) => ({
        rule: v.id,
        impact: n.impact ?? null,
        targets: n.target.map(String),
        summary: (n.failureSummary ?? '').split('\n').slice(0, 3).join(' '),
      })),
    );
  });
}
