import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { acquireDataDirLock, DataDirLockedError } from './lock';

const tempDir = () => mkdtempSync(join(tmpdir(), 'bijeen-lock-'));

describe('the data directory lock', () => {
  it('refuses a second opener while the first holds the directory', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    // Our own pid counts as "another process" only when written by someone else:
    writeFileSync(lock.path, String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(/al geopend door een ander proces/);
    lock.release();
    expect(existsSync(join(dir, 'bijeen.lock'))).toBe(false);
  });

  it('takes over a lock left behind by a process that is gone', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bijeen.lock'), '2147483646');
    const lock = acquireDataDirLock(dir);
    expect(lock.path).toBe(join(dir, 'bijeen.lock'));
    lock.release();
  });

  it('releases the directory when the database closes, so it can be opened again', async () => {
    const dir = tempDir();
    const first = await openDatabase({ dataDir: dir });
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    await second.ping();
    await second.close();
  });

  it('makes a second `npm start` on the same ./data fail at once with a clear message', async () => {
    const dir = tempDir();
    const first = await openDatabase({ dataDir: dir });
    try {
      const started = Date.now();
      const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
          env: { ...process.env, DATA_DIR: dir, PORT: '0', BIJEEN_DEMO: '0', LOG_LEVEL: 'silent' },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout.on('data', (b) => (out += b));
        child.stderr.on('data', (b) => (out += b));
        const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
        child.on('exit', (c) => {
          clearTimeout(timer);
          resolve({ code: c, output: out });
        });
      });
      expect(code).toBe(1);
      expect(output).toContain('al geopend door een ander proces');
      expect(Date.now() - started).toBeLessThan(20_000);
      await first.ping(); // the first one is untouched
    } finally {
      await first.close();
    }
  });
});
