import { errorKeyOf, type Notice } from '@playground/protocol';
import type { i18n } from 'i18next';
import type { ErrorCodeInfo } from '../store/state.ts';

/** `{{port}}`, or with a format, `{{max, number}}`. */
const PLACEHOLDER = /{{\s*([\w-]+)\s*(?:,[^}]*)?}}/g;

type Params = Record<string, string | number>;

function fillable(template: string, params: Params): boolean {
  return [...template.matchAll(PLACEHOLDER)].every((m) => (m[1] as string) in params);
}

/** A variant named `limit=maxSockets` is only for params whose `limit` is `maxSockets`. */
function applies(variant: string, params: Params): boolean {
  const [param, value] = variant.split('=');
  return value === undefined || (param !== undefined && String(params[param]) === value);
}

/**
 * The notice's translation at `key`, or the first of its variants that applies and for which every
 * {{value}} was sent; otherwise `fallback`: the bridge's own English sentence, which is always complete.
 */
function translateOrFallback(i18n: i18n, key: string, params: Params, fallback: string): string {
  const entry: unknown =
    i18n.getResource(i18n.language, 'translation', key) ?? i18n.getResource('en', 'translation', key);
  const candidates: [string, string][] =
    typeof entry === 'string'
      ? [[key, entry]]
      : entry && typeof entry === 'object'
        ? Object.entries(entry as Record<string, string>)
            .filter(([variant]) => applies(variant, params))
            .map(([variant, text]) => [`${key}.${variant}`, text])
        : [];
  const match = candidates.find(([, template]) => fillable(template, params));
  // The key comes from the wire, so it cannot be checked at compile time; `match` proves it exists.
  return match ? i18n.t(match[0] as 'errors.internal', params) : fallback;
}

/**
 * A failed command or socket error in the learner's language: the catalogue entry its code and
 * params are, in the page's words; the bridge's own English sentence for one the catalogue does
 * not describe.
 */
export function formatError(i18n: i18n, error: ErrorCodeInfo): string {
  if (error.code === 'request_timeout' || error.code === 'disconnected') return i18n.t(`errors.${error.code}`);
  const key = errorKeyOf(error.code, error.params);
  return key === undefined ? error.message : i18n.t(`errors.${key}`, error.params ?? {});
}

/** A bridge notice (shutdown, folding, a rate quota) in the learner's language. */
export function formatNotice(i18n: i18n, notice: Notice): string {
  return translateOrFallback(i18n, `banners.notices.${notice.code}`, notice.params ?? {}, notice.message);
}
