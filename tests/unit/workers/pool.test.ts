import { afterEach, describe, expect, it } from 'vitest';
import { CancelledError, UserError } from '../../../native/contract/errors.js';
import { WorkerPool } from '../../../native/workers/pool.js';
import { defineTask, registerTaskModule } from '../../../native/workers/task.js';
import type { TaskRef } from '../../../native/workers/task.js';
import type { TaskProgress } from '../../../native/workers/wire.js';

const TASKS = new URL('./test-tasks.ts', import.meta.url);
const task = <I = unknown, O = unknown>(fn: string): TaskRef<I, O> => defineTask<I, O>(TASKS, fn);

type Spin = { threadId: number; start: number; end: number };

const pools: WorkerPool[] = [];
function makePool(...args: ConstructorParameters<typeof WorkerPool>): WorkerPool {
  const pool = new WorkerPool(...args);
  pools.push(pool);
  return pool;
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

/** Resolves at the first progress event, i.e. once the handler is running. */
function started(): { onProgress: (p: TaskProgress) => void; running: Promise<void> } {
  let onProgress!: (p: TaskProgress) => void;
  const running = new Promise<void>((resolve) => (onProgress = () => resolve()));
  return { onProgress, running };
}

describe('WorkerPool', () => {
  it('runs tasks in parallel on two workers', async () => {
    const pool = makePool({ size: 2 });
    // Warm both threads so that start-up time does not serialise the measurement.
    await Promise.all([pool.run(task('spin'), { ms: 1 }), pool.run(task('spin'), { ms: 1 })]);
    const [a, b] = await Promise.all([
      pool.run(task<{ ms: number }, Spin>('spin'), { ms: 300 }),
      pool.run(task<{ ms: number }, Spin>('spin'), { ms: 300 }),
    ]);
    expect(a.threadId).not.toBe(b.threadId);
    // The two busy intervals overlap.
    expect(a.start).toBeLessThan(b.end);
    expect(b.start).toBeLessThan(a.end);
    expect(pool.stats()).toMatchObject({ size: 2, workers: 2, busy: 0, queued: 0 });
  });

  it('addresses tasks by registered module name', async () => {
    // Written as `.js`, as product code does: from source, tsx maps it to the `.ts` file.
    const asJs = new URL('./test-tasks.js', import.meta.url);
    registerTaskModule('pooltest', asJs);
    registerTaskModule('pooltest', asJs); // same module again: fine
    const pool = makePool({ size: 1 });
    await expect(pool.run('pooltest.count', { n: 2 })).resolves.toBe(2);
    expect(() => registerTaskModule('pooltest', new URL('./other.js', import.meta.url))).toThrow(
      /already registered/,
    );
    await expect(pool.run('nosuch.count', {})).rejects.toThrow(/unknown task "nosuch.count"/);
    await expect(pool.run(task('noSuchExport'), {})).rejects.toThrow(/no exported function/);
  });

  it('forwards progress events', async () => {
    const pool = makePool({ size: 1 });
    const seen: TaskProgress[] = [];
    const out = await pool.run(task('count'), { n: 4 }, { onProgress: (p) => seen.push(p) });
    expect(out).toBe(4);
    expect(seen.map((p) => p.done)).toEqual([1, 2, 3, 4]);
    expect(seen[3]).toEqual({ done: 4, total: 4, message: 'step 4' });
  });

  it('transfers buffers both ways', async () => {
    const pool = makePool({ size: 1 });
    const data = new Float32Array([1, 2, 3]);
    const out = await pool.run(
      task<{ data: Float32Array }, Float32Array>('sumAndDouble'),
      { data },
      {
        transfer: [data.buffer],
      },
    );
    expect(data.byteLength).toBe(0); // moved, not copied
    expect(Array.from(out)).toEqual([2, 4, 6]);
  });

  it('never starts a task cancelled while queued', async () => {
    const pool = makePool({ size: 1 });
    const first = pool.run(task<{ ms: number }, Spin>('spin'), { ms: 300 });
    const controller = new AbortController();
    const progress: TaskProgress[] = [];
    const second = pool.run(
      task('count'),
      { n: 3 },
      {
        signal: controller.signal,
        onProgress: (p) => progress.push(p),
      },
    );
    expect(pool.stats().queued).toBe(1);
    controller.abort();
    await expect(second).rejects.toBeInstanceOf(CancelledError);
    expect(pool.stats().queued).toBe(0);
    await expect(first).resolves.toMatchObject({ threadId: expect.any(Number) });
    expect(progress).toEqual([]);
    // An already-aborted signal is refused up front.
    await expect(pool.run(task('count'), { n: 1 }, { signal: controller.signal })).rejects.toThrow(
      CancelledError,
    );
  });

  it('terminates a running task that ignores cancellation and keeps working', async () => {
    const pool = makePool({ size: 1, cancelGraceMs: 200 });
    const before = await pool.run(task<unknown, number>('threadInfo'), null);
    const controller = new AbortController();
    const { onProgress, running } = started();
    const stuck = pool.run(task('busyForever'), null, { signal: controller.signal, onProgress });
    await running;
    const t0 = Date.now();
    controller.abort();
    await expect(stuck).rejects.toBeInstanceOf(CancelledError);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(150);
    const after = await pool.run(task<unknown, number>('threadInfo'), null);
    expect(after).not.toBe(before); // a fresh thread replaced the terminated one
    expect(pool.stats().workers).toBe(1);
  });

  it('lets a synchronous handler see cancellation through ctx.cancelled()', async () => {
    const pool = makePool({ size: 1, cancelGraceMs: 5_000 });
    const before = await pool.run(task<unknown, number>('threadInfo'), null);
    const controller = new AbortController();
    const { onProgress, running } = started();
    const polite = pool.run(task('busyPolite'), null, { signal: controller.signal, onProgress });
    await running;
    const t0 = Date.now();
    controller.abort();
    await expect(polite).rejects.toMatchObject({ code: 'cancelled' });
    expect(Date.now() - t0).toBeLessThan(2_000); // stopped itself, long before the grace period
    expect(await pool.run(task<unknown, number>('threadInfo'), null)).toBe(before);
  });

  it('aborts ctx.signal for an awaiting handler', async () => {
    const pool = makePool({ size: 1 });
    const controller = new AbortController();
    const { onProgress, running } = started();
    const waiting = pool.run(task('waitForAbort'), null, { signal: controller.signal, onProgress });
    await running;
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);
  });

  it('keeps UserError and its code across the thread boundary', async () => {
    const pool = makePool({ size: 1 });
    const e = await pool
      .run(task('failUser'), { message: 'no such voice' })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UserError);
    expect(e).toMatchObject({
      code: 'bad_input',
      message: 'no such voice',
      hint: 'try another value',
    });
    expect((e as Error).stack).toContain('test-tasks');

    const internal = await pool.run(task('failInternal'), null).catch((x: unknown) => x);
    expect(internal).not.toBeInstanceOf(UserError);
    expect(internal).toMatchObject({ name: 'TypeError', message: 'internal boom' });
    expect((internal as Error).stack).toContain('failInternal');
  });

  it('survives a worker that exits or throws outside its task', async () => {
    const pool = makePool({ size: 1 });
    await expect(pool.run(task('exitThread'), null)).rejects.toThrow(
      /worker thread crashed while running task "test-tasks.ts#exitThread": exit code 3/,
    );
    await expect(pool.run(task('throwLater'), null)).rejects.toThrow(/crashed.*uncaught in worker/);
    await expect(pool.run(task('count'), { n: 1 })).resolves.toBe(1);
  });

  it('applies back-pressure through ready()', async () => {
    const pool = makePool({ size: 1, highWaterMark: 2 });
    const runs = [1, 2, 3].map(() => pool.run(task('spin'), { ms: 100 }));
    expect(pool.stats().queued).toBe(2);
    let ready = false;
    const wait = pool.ready().then(() => (ready = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(ready).toBe(false);
    await wait;
    expect(pool.stats().queued).toBeLessThan(2);
    await Promise.all(runs);
  });

  it('refuses onnxruntime-node in a pool worker', async () => {
    const pool = makePool({ size: 1 });
    await expect(pool.run(task('importOrt'), null)).rejects.toThrow(
      /may only be loaded in the inference worker/,
    );
  });

  it('rejects pending work on close()', async () => {
    const pool = makePool({ size: 1 });
    const running = expect(pool.run(task('spin'), { ms: 5_000 })).rejects.toThrow(/closed/);
    const queued = expect(pool.run(task('spin'), { ms: 1 })).rejects.toThrow(/closed/);
    await pool.close();
    await running;
    await queued;
    await expect(pool.run(task('spin'), { ms: 1 })).rejects.toThrow(/closed/);
  });
});
