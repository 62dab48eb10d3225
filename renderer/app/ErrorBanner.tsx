import type { EngineError } from '../bridge/engine-error.js';

/** The one banner for errors that are not tied to a screen (engine down, bad token, engine log errors). */
export function ErrorBanner({
  error,
  onDismiss,
}: {
  error: EngineError | null;
  onDismiss: () => void;
}) {
  if (!error) return null;
  return (
    <div className="banner" role="alert" data-testid="error-banner">
      <div>
        <p>
          <strong>What happened:</strong> {error.message}
        </p>
        {error.hint && (
          <p>
            <strong>What to do:</strong> {error.hint}
          </p>
        )}
      </div>
      <button type="button" className="btn btn-quiet" onClick={onDismiss} aria-label="Dismiss">
        Dismiss
      </button>
    </div>
  );
}
