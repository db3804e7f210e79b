import { describe, expect, it } from 'vitest';
import { formatMs, formatPct } from '../src/features/netlab/model/format.ts';
import { en } from '../src/i18n/en.ts';
import { es } from '../src/i18n/es.ts';
import { i18next } from '../src/i18n/index.ts';
import { initialLanguage } from '../src/i18n/language.ts';
import { formatTime } from '../src/ui/format.ts';
import { formatFixed, formatNumber } from '../src/ui/numbers.ts';

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
    'recvfrom',
    'sendto',
    'bind',
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
    'chargen',
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
    .replace(/{{[^}]*}}/g, ' ')
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

  it('keeps every {{placeholder}} of the English text, with the same number format', () => {
    const names = (s: string) => [...s.matchAll(/{{\s*([\w-]+\s*(?:,[^}]*)?)}}/g)].map((m) => m[1]).sort();
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

  it('leaves no English words behind: the product is “Socket Playground”, the service is “eco”', () => {
    const leftovers = [...spanish]
      .filter(
        ([, text]) =>
          /playground/i.test(text.replaceAll('Socket Playground', '')) || /(?<![\w-])echo(?![\w.-])/i.test(text),
      )
      .map(([key, text]) => `${key}: ${text}`);
    expect(leftovers).toEqual([]);
  });

  it('counts with plural forms in both languages, never “server(s)”', () => {
    const both = [...english, ...spanish].filter(([, text]) => /\w\((s|es)\)/.test(text));
    expect(both).toEqual([]);
  });

  it('the built-in lessons’ Spanish calls the service “eco” too', () => {
    const lessons = import.meta.glob<unknown>('../src/lessons/*.json', { eager: true, import: 'default' });
    const texts: string[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          if (key === 'es' && typeof v === 'string') texts.push(v);
          else walk(v);
        }
      }
    };
    walk(Object.values(lessons));
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((t) => /(?<![\w-])echo(?![\w.-])/i.test(t))).toEqual([]);
  });

  it('writes numbers the Spanish way: in translations ({{n, number}}) and in the page’s own formatting', async () => {
    await i18next.changeLanguage('es');
    try {
      expect(i18next.t('sockets.send.bytes', { count: 12345 })).toBe('12.345 bytes');
      expect(i18next.t('inspector.tabSummary', { bytes: 1048576, count: 2 })).toBe('1.048.576 B en 2 trozos');
      expect(formatNumber(1234567.5)).toBe('1.234.567,5');
      expect(formatFixed(2, 1)).toBe('2,0');
      expect(formatPct(80.75)).toBe('80,8 %');
      expect(formatMs(12500)).toBe('12.500 ms');
      expect(formatMs(0.4)).toBe('0,4 ms');
      expect(formatTime(530.409)).toBe('530,409');
    } finally {
      await i18next.changeLanguage('en');
    }
    expect(i18next.t('sockets.send.bytes', { count: 12345 })).toBe('12,345 bytes');
    expect(formatFixed(2, 1)).toBe('2.0');
    expect(formatTime(530.409)).toBe('530.409');
  });

  it('formats no number in English whatever the language: no toLocaleString("en"), no toFixed on screen', () => {
    const files = import.meta.glob<string>('../src/**/*.{ts,tsx}', { eager: true, query: '?raw', import: 'default' });
    const problems: string[] = [];
    for (const [file, source] of Object.entries(files)) {
      source.split('\n').forEach((line, i) => {
        if (/toLocaleString\(\s*['"]en/.test(line)) problems.push(`${file}:${i + 1}: ${line.trim()}`);
        // A data attribute is for tests and tools, not for people.
        if (/\.toFixed\(/.test(line) && !/data-[\w-]+=/.test(line)) problems.push(`${file}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(problems).toEqual([]);
  });
});
