/**
 * An error the engine (or the way to it) reported, in the shape every screen
 * shows: what happened (`message`) and what to do (`hint`). Screens never
 * show a stack trace.
 */
export class EngineError extends Error {
  readonly code: string;
  readonly hint: string | null;

  constructor(code: string, message: string, hint: string | null = null) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.hint = hint;
  }
}

const DEFAULT_HINTS: Record<string, string> = {
  forbidden:
    'Open Charkha from the link that `charkha serve` printed; it carries the access token.',
  unreachable:
    'Check that `charkha serve` is still running in its terminal, then reload this page.',
  internal: 'This is a bug in Charkha. The engine log in the terminal has the details.',
  locked: 'Another Charkha is writing to this project. Close it, then try again.',
  newer_schema: 'This project was made by a newer Charkha. Update Charkha to open it.',
};

/** Turns anything thrown into an EngineError, filling in a hint where the engine gave none. */
export function toEngineError(e: unknown): EngineError {
  if (e instanceof EngineError) {
    if (e.hint || !DEFAULT_HINTS[e.code]) return e;
    return new EngineError(e.code, e.message, DEFAULT_HINTS[e.code]);
  }
  const message = e instanceof Error ? e.message : String(e);
  return new EngineError('internal', message, DEFAULT_HINTS.internal);
}

export function engineErrorFrom(code: string, message: string, hint?: string | null): EngineError {
  return toEngineError(new EngineError(code, message, hint ?? null));
}
