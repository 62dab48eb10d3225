import type { EngineError } from '../bridge/engine-error.js';

/** An engine error as a linguist reads it: what happened, and what to do about it. */
export function ErrorView({ error, onRetry }: { error: EngineError; onRetry?: () => void }) {
  return (
    <div className="error-view" role="alert">
      <p className="error-what">
        <strong>What happened:</strong> {error.message}
      </p>
      {error.hint && (
        <p className="error-do">
          <strong>What to do:</strong> {error.hint}
        </p>
      )}
      {onRetry && (
        <button type="button" className="btn" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
