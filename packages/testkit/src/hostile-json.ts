const MiB = 1024 * 1024;

/**
 * Messages just under the bridge's 1 MiB frame limit that cost JSON.parse tens to hundreds of
 * milliseconds each: deep arrays, deep objects, wide arrays. A command must be refused before it
 * is parsed, or one page stalls every session of the bridge.
 */
export function hostileMessages(): string[] {
  const half = MiB / 2 - 64;
  const objects = Math.floor((MiB - 64) / 6);
  return [
    '['.repeat(half) + ']'.repeat(half),
    `${'{"a":'.repeat(objects)}1${'}'.repeat(objects)}`,
    `[${'0,'.repeat(half - 1)}0]`,
    `[${'[],'.repeat(Math.floor(MiB / 3) - 64)}[]]`,
  ];
}
