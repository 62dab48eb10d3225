import { hostname } from 'node:os';
import { openSync, closeSync, writeSync, readFileSync, unlinkSync } from 'node:fs';
import { UserError } from '../contract/errors.js';

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A lock file keeps a second writer out of a project. A lock left behind by
 * a process that no longer runs on this host (a crash, a SIGKILL) is stale
 * and taken over; anything else is refused with who holds it.
 */
export class ProjectLock {
  private released = false;

  private constructor(readonly path: string) {}

  static acquire(path: string): ProjectLock {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(path, 'wx');
        const info: LockInfo = {
          pid: process.pid,
          host: hostname(),
          startedAt: new Date().toISOString(),
        };
        writeSync(fd, JSON.stringify(info));
        closeSync(fd);
        return new ProjectLock(path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const holder = readLock(path);
        if (holder && holder.host === hostname() && !alive(holder.pid)) {
          unlinkSync(path);
          continue;
        }
        const who = holder
          ? `process ${holder.pid} on ${holder.host} since ${holder.startedAt}`
          : 'another process';
        throw new UserError(
          'locked',
          `the project is open for writing by ${who} (lock file ${path})`,
          'close the other Charkha window or command first; delete the lock file only if that process is gone',
        );
      }
    }
    throw new UserError('locked', `could not take the project lock ${path}`);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    try {
      const holder = readLock(this.path);
      if (holder?.pid === process.pid) unlinkSync(this.path);
    } catch {
      // Already gone: nothing to release.
    }
  }
}

function readLock(path: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}
