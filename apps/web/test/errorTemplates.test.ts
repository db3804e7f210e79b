import { ERROR_CATALOGUE, type ErrorKey } from '@playground/protocol';
import { describe, expect, it } from 'vitest';
import { errorsEn } from '../src/i18n/errors.en.ts';
import { errorsEs } from '../src/i18n/errors.es.ts';
import { formatError } from '../src/i18n/formatError.ts';
import { i18next } from '../src/i18n/index.ts';

const KEYS = Object.keys(ERROR_CATALOGUE) as ErrorKey[];

function template(dictionary: object, key: ErrorKey): string {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], dictionary) as string;
}

/** `{{port}}`, or with a format, `{{max, number}}`. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*([\w-]+)\s*(?:,[^}]*)?}}/g)].map((m) => m[1] as string);
}

describe('the page’s error templates', () => {
  it.each(KEYS)('use only the params the catalogue gives %s', (key) => {
    const params = Object.keys(ERROR_CATALOGUE[key].params.shape);
    for (const dictionary of [errorsEn, errorsEs]) {
      expect(placeholders(template(dictionary, key)).filter((name) => !params.includes(name))).toEqual([]);
    }
  });

  it('render an error in Spanish from its code and params', async () => {
    await i18next.changeLanguage('es');
    try {
      const error = { code: 'EADDRINUSE' as const, message: 'x', params: { host: '127.0.0.1', port: 5000 } };
      expect(formatError(i18next, error)).toBe(
        'El puerto 5000 de 127.0.0.1 ya lo usa otro programa de este computador. Elige otro puerto.',
      );
    } finally {
      await i18next.changeLanguage('en');
    }
  });
});
