import type { TFunction } from 'i18next';

const BASES = {
  'loopback only (127.0.0.0/8 and ::1)': 'app.policies.loopback',
  'servers of this playground only': 'app.policies.lan',
} as const;

/**
 * The bridge describes its target policy in English (`welcome.targetPolicy`); the known ones are
 * shown in the learner's language, with any `--allow-target` additions kept as written.
 */
export function formatPolicy(t: TFunction, policy: string): string {
  for (const [base, key] of Object.entries(BASES) as [keyof typeof BASES, (typeof BASES)[keyof typeof BASES]][]) {
    if (policy === base) return t(key);
    if (policy.startsWith(`${base}, plus `))
      return t('app.policies.plus', { base: t(key), extra: policy.slice(base.length + 7) });
  }
  return policy;
}
