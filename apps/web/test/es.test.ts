import { describe, expect, it } from 'vitest';
import { en } from '../src/i18n/en.ts';
import { es } from '../src/i18n/es.ts';
import { i18next } from '../src/i18n/index.ts';
import { initialLanguage } from '../src/i18n/language.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

/**
 * Words that are the same in both languages because they are names: protocols, TCP states, calls,
 * units. A Spanish string may equal the English one only if every word in it is one of these.
 */
const TECHNICAL = new Set(
  [
    'ascii',
    'backlog',
    'host',
    'json',
    'hex',
    'struct',
    'tcp',
    'udp',
    'fin',
    'rst',
    'syn',
    'ack',
    'socket',
    'sockets',
    'playground',
    'python',
    'pid',
    'strace',
    'node',
    'js',
    'recv',
    'send',
    'accept',
    'connect',
    'shutdown',
    'kernel',
    'local',
    'ms',
    'kbit',
    's',
    'b',
    'byte',
    'bytes',
    'little',
    'endian',
    'error',
    'reset',
    'pack',
    'q',
    'listen',
    'established',
    'syn_sent',
    'syn_recv',
    'new_syn_recv',
    'fin_wait1',
    'fin_wait2',
    'close_wait',
    'closing',
    'last_ack',
    'time_wait',
    'close',
    'recv-q',
    'send-q',
    'syn-ack',
    'rtt',
    'cwnd',
    'mss',
    'seq',
    'sack',
    'linux',
    'macos',
    'windows',
  ].map((w) => w.toLowerCase()),
);

function technical(text: string): boolean {
  const words = text
    .replace(/{{\s*[\w-]+\s*}}/g, ' ')
    .toLowerCase()
    .match(/[\p{L}_][\p{L}\p{N}_-]*/gu);
  return (words ?? []).every((w) => TECHNICAL.has(w));
}

describe('the Spanish UI', () => {
  const english = flatten(en as unknown as Tree);
  const spanish = flatten(es as unknown as Tree);

  it('has every key of en.ts, as text that is not left in English', () => {
    expect(english.size).toBeGreaterThan(500);
    const problems: string[] = [];
    for (const [key, text] of english) {
      const translated = spanish.get(key);
      if (translated === undefined) problems.push(`${key}: missing`);
      else if (text !== '' && translated.trim() === '') problems.push(`${key}: empty`);
      else if (translated === text && text !== '' && !technical(text)) problems.push(`${key}: still English: ${text}`);
    }
    expect(problems).toEqual([]);
    expect([...spanish.keys()].filter((key) => !english.has(key))).toEqual([]);
  });

  it('keeps every {{placeholder}} of the English text', () => {
    const names = (s: string) => [...s.matchAll(/{{\s*([\w-]+)\s*}}/g)].map((m) => m[1]).sort();
    const problems = [...english]
      .filter(([key, text]) => JSON.stringify(names(text)) !== JSON.stringify(names(spanish.get(key) ?? '')))
      .map(([key]) => key);
    expect(problems).toEqual([]);
  });

  it('is chosen from the browser’s languages unless the learner picked one', () => {
    expect(initialLanguage(null, ['es-MX', 'en'])).toBe('es');
    expect(initialLanguage(null, ['fr-FR', 'es'])).toBe('es');
    expect(initialLanguage(null, ['de-DE'])).toBe('en');
    expect(initialLanguage('en', ['es-ES'])).toBe('en');
    expect(initialLanguage('xx', ['es-ES'])).toBe('es');
  });

  it('switches and marks the document’s language', async () => {
    await i18next.changeLanguage('es');
    expect(i18next.t('status.connected')).toBe('Conectado');
    expect(document.documentElement.lang).toBe('es');
    expect(i18next.t('lessons.steps', { count: 1 })).toBe('1 paso');
    expect(i18next.t('lessons.steps', { count: 4 })).toBe('4 pasos');
    await i18next.changeLanguage('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
