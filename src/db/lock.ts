import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A lock file guarding PGlite's data directory: two processes opening one directory
 * corrupt it. The file holds the owner's pid; a lock whose process is gone (a crash) is
 * taken over, a live one makes start-up fail at once with a clear message.
 */
export interface DataDirLock {
  path: string;
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `De database in ${dir} is al geopend door een ander proces (pid ${pid}). ` +
        'Stop dat proces eerst, of gebruik een andere map met DATA_DIR. ' +
        `(The embedded database in ${dir} is already open in process ${pid}.)`,
    );
    this.name = 'DataDirLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else — still alive.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireDataDirLock(dir: string): DataDirLock {
  const path = join(dir, 'bijeen.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(path, { force: true });
      };
      process.once('exit', release);
      return { path, release };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) throw new DataDirLockedError(dir, pid);
      // Stale: its process is gone. Remove and try once more.
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Kon het slot ${path} niet nemen.`);
}
