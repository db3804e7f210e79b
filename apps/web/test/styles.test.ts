import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Styles live beside the components they style: a feature's sheet is imported by that feature's
 * modules only, never from main.tsx or another feature; only app/ (tokens, reset, the shell) and
 * ui/ (shared primitives) are for everyone. Sheets are imported from TypeScript, as Vite orders
 * them, never chained with @import.
 */
const SRC = resolve(import.meta.dirname, '../src');

function files(dir: string, test: (name: string) => boolean): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(test)
    .map((name) => join(dir, name));
}

const sheets = files(SRC, (name) => name.endsWith('.css'));
const modules = files(SRC, (name) => /\.tsx?$/.test(name));

/** Every `import './x.css'` of the page's own sheets: which module imports which sheet. */
const imports = modules.flatMap((module) =>
  [...readFileSync(module, 'utf8').matchAll(/^import '(\.[^']+\.css)';$/gm)].map((m) => ({
    module: relative(SRC, module),
    sheet: relative(SRC, resolve(dirname(module), m[1] as string)),
  })),
);

/** `features/sockets` for a file anywhere under features/sockets/; null for app/ and ui/. */
function featureOf(path: string): string | null {
  const [top, name] = path.split('/');
  return top === 'features' && name ? `features/${name}` : null;
}

/** The class a selector defines on its own (`.badge`, `.badge--closed:hover`), not in a context. */
function ownClass(selector: string): string | null {
  return /^\.([\w-]+)(?:[.:[][^\s>+~]*)?$/.exec(selector.trim())?.[1] ?? null;
}

/** Top-level selectors of a sheet, at-rule bodies included; commas inside :is() do not split. */
function selectors(css: string): string[] {
  const plain = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...plain.matchAll(/([^{};]+)\{/g)]
    .map((m) => (m[1] as string).trim())
    .filter((prelude) => !prelude.startsWith('@'))
    .flatMap((prelude) => prelude.split(/,(?![^(]*\))/));
}

/** Whether the code names the class: literally, or as a prefix it completes (`badge--${state}`, `rc${i}`). */
function names(code: string, name: string): boolean {
  if (new RegExp(`(?<![\\w-])${name}(?![\\w-])`).test(code)) return true;
  return [...name.matchAll(/--|__|(?=\d+$)/g)].some((cut) =>
    code.includes(`${name.slice(0, (cut.index ?? 0) + cut[0].length)}\${`),
  );
}

describe("the page's style sheets", () => {
  it('are found', () => {
    expect(sheets.length).toBeGreaterThan(20);
    expect(imports.length).toBeGreaterThanOrEqual(sheets.length);
  });

  it('chain nothing with @import: each is imported by the modules that need it', () => {
    const chained = sheets.filter((sheet) => /@import\b/.test(readFileSync(sheet, 'utf8')));
    expect(chained.map((sheet) => relative(SRC, sheet))).toEqual([]);
  });

  it('are each imported by a module', () => {
    const imported = new Set(imports.map((i) => i.sheet));
    expect(sheets.map((sheet) => relative(SRC, sheet)).filter((sheet) => !imported.has(sheet))).toEqual([]);
  });

  it("of a feature are imported only by that feature's own modules", () => {
    const strays = imports.filter((i) => {
      const owner = featureOf(i.sheet);
      return owner !== null && featureOf(i.module) !== owner;
    });
    expect(strays.map((i) => `${i.module} imports ${i.sheet}`)).toEqual([]);
  });

  it('define each class in one folder only', () => {
    const folders = new Map<string, Set<string>>();
    for (const sheet of sheets) {
      const folder = relative(SRC, dirname(sheet));
      for (const selector of selectors(readFileSync(sheet, 'utf8'))) {
        const name = ownClass(selector);
        if (name) folders.set(name, (folders.get(name) ?? new Set()).add(folder));
      }
    }
    const shared = [...folders].filter(([, where]) => where.size > 1).map(([name, where]) => `.${name}: ${[...where]}`);
    expect(shared).toEqual([]);
  });

  it("of a feature style only classes that feature's own modules use", () => {
    const strays = new Set<string>();
    for (const sheet of sheets) {
      const feature = featureOf(relative(SRC, sheet));
      if (!feature) continue;
      const code = modules
        .filter((module) => featureOf(relative(SRC, module)) === feature)
        .map((module) => readFileSync(module, 'utf8'))
        .join('\n');
      for (const selector of selectors(readFileSync(sheet, 'utf8'))) {
        const name = ownClass(selector);
        if (name && !names(code, name)) strays.add(`${relative(SRC, sheet)}: .${name}`);
      }
    }
    expect([...strays]).toEqual([]);
  });
});
