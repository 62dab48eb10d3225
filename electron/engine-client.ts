import type { UtilityProcess } from 'electron';
import { UserError, type UserErrorCode } from '../native/contract/errors.js';
import { FromEngine, type ToEngine } from './engine-protocol.js';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type Request = ToEngine extends infer T
  ? T extends { id: number }
    ? Omit<T, 'id'>
    : never
  : never;

/** The main process's side of the engine: request/reply over the utility process's port. */
export class EngineClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private exitReason: string | null = null;

  constructor(
    private readonly child: UtilityProcess,
    onEvent: (event: unknown) => void,
  ) {
    child.on('message', (raw: unknown) => {
      const parsed = FromEngine.safeParse(raw);
      if (!parsed.success) return;
      const m = parsed.data;
      if (m.kind === 'event') return onEvent(m.event);
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (m.ok) p.resolve(m.result);
      else if (m.error.code === 'internal') p.reject(new Error(m.error.message));
      else
        p.reject(
          new UserError(m.error.code as UserErrorCode, m.error.message, m.error.hint ?? undefined),
        );
    });
    child.on('exit', (code) => {
      this.exitReason = `the engine process exited (code ${code})`;
      for (const p of this.pending.values()) p.reject(new Error(this.exitReason));
      this.pending.clear();
    });
  }

  request(message: Request): Promise<unknown> {
    // A message to a dead process would never be answered: fail now instead of hanging.
    if (this.exitReason) return Promise.reject(new Error(this.exitReason));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.postMessage({ ...message, id });
    });
  }
}
