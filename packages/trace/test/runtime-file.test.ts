import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bridgeFilePath, readBridgeFile, writeBridgeFile } from '../src/runtime-file.ts';

describe('the local bridge’s runtime file', () => {
  const env = () => ({ SOCKET_PLAYGROUND_RUNTIME_DIR: join(mkdtempSync(join(tmpdir(), 'sp-run-')), 'run') });

  it('is written for this user only, read back by port, and removed when the bridge stops', () => {
    const e = env();
    const remove = writeBridgeFile({ url: 'http://127.0.0.1:4781/', port: 4781, token: 'secret', pid: process.pid }, e);
    expect(readBridgeFile(4781, e)).toEqual({
      url: 'http://127.0.0.1:4781/',
      port: 4781,
      token: 'secret',
      pid: process.pid,
    });
    expect(readBridgeFile(4782, e)).toBeUndefined();
    remove();
    expect(readBridgeFile(4781, e)).toBeUndefined();
  });

  it('is ignored once its bridge is gone', () => {
    const e = env();
    writeBridgeFile({ url: 'http://127.0.0.1:4784/', port: 4784, token: 'secret', pid: 2 ** 22 + 17 }, e);
    expect(readBridgeFile(4784, e)).toBeUndefined();
  });

  it.skipIf(process.platform === 'win32')('is not trusted once others may read it', () => {
    const e = env();
    writeBridgeFile({ url: 'http://127.0.0.1:4783/', port: 4783, token: 'secret', pid: process.pid }, e);
    chmodSync(bridgeFilePath(4783, e), 0o644);
    expect(readBridgeFile(4783, e)).toBeUndefined();
  });
});
