import { useEffect, useState } from 'react';
import type { WirePeaks } from '../../../native/contract/media.js';
import { useBridge } from '../../app/bridge-context.js';
import { useEngine } from '../../app/use-engine.js';
import { EntityText } from '../../components/EntityText.js';
import { ErrorView } from '../../components/ErrorView.js';
import { engineErrorFrom, toEngineError, type EngineError } from '../../bridge/engine-error.js';
import { usePlayer } from './player-context.js';
import { Waveform } from './Waveform.js';

/**
 * The fitted view's level: as many min/max pairs as the window is wide in
 * device pixels, known before the Player has laid out (the waveform spans
 * nearly the whole window), so the fetch starts with the click.
 */
function fittedPixels(): number {
  return Math.ceil(window.innerWidth * Math.max(1, window.devicePixelRatio || 1));
}

/** The coarse level of a recording's peaks, fetched as soon as its id is known. */
export function useFittedPeaks(audioId: number | null | undefined): {
  data: WirePeaks | null;
  error: EngineError | null;
} {
  const bridge = useBridge();
  const [state, setState] = useState<{
    id: number;
    data: WirePeaks | null;
    error: EngineError | null;
  } | null>(null);
  useEffect(() => {
    if (audioId === null || audioId === undefined) return;
    const abort = new AbortController();
    bridge
      .peaks({ audioId, pixels: fittedPixels() }, abort.signal)
      .then((data) => setState({ id: audioId, data, error: null }))
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setState({ id: audioId, data: null, error: toEngineError(e) });
      });
    return () => abort.abort();
  }, [bridge, audioId]);
  return state && state.id === audioId ? state : { data: null, error: null };
}

/**
 * The Player, docked under whichever screen opened it: waveform, transport
 * and the utterance's text. When the opener knows the recording, its media,
 * its coarse peaks and the utterance call all start together.
 */
export function PlayerDock() {
  const bridge = useBridge();
  const player = usePlayer();
  const req = player.current;
  const utt = useEngine('utterances.get', req ? { id: req.utteranceId } : null);
  const u = req && utt.data && utt.data.id === req.utteranceId ? utt.data : null;
  // undefined: not known yet (the utterance call will tell); null: no recording.
  const audioId = req?.audioId !== undefined ? req.audioId : u ? u.audioId : undefined;
  const peaks = useFittedPeaks(audioId);
  const [playError, setPlayError] = useState<string | null>(null);

  if (!req) return null;
  const error = utt.error ?? peaks.error;

  return (
    <section className="player" aria-label="Player" data-testid="player">
      <header className="player-head">
        <h2 className="player-title">
          {u ? (
            <>
              Player <span className="mono muted">{u.extId}</span>
            </>
          ) : (
            'Player'
          )}
        </h2>
        <span className="player-keys muted">Space play/pause · ←/→ 1 s (Shift 5 s) · +/− zoom</span>
        {typeof audioId === 'number' && (
          <a className="btn btn-quiet" href={`#/annotate/${audioId}`} data-testid="open-annotate">
            Annotate
          </a>
        )}
        <button
          type="button"
          className="btn btn-quiet"
          onClick={player.close}
          aria-label="Close player"
        >
          Close
        </button>
      </header>
      {error && <ErrorView error={error} />}
      {playError && (
        <ErrorView
          error={engineErrorFrom(
            'playback',
            `The recording could not be played (${playError}).`,
            'Check that the audio file is still in the project folder, then open it again.',
          )}
        />
      )}
      {audioId === null && u && (
        <p className="muted">This utterance has no recording in the project.</p>
      )}
      {audioId !== null && audioId !== undefined && (
        <Waveform
          key={`${audioId}:${req.nonce}`}
          audioId={audioId}
          mediaUrl={bridge.mediaUrl(audioId, 'original')}
          peaks={peaks.data}
          autoplay={req.autoplay}
          startSec={req.startSec}
          onError={setPlayError}
        />
      )}
      {u && (
        <div className="player-text">
          <p className="utt-text" lang={u.lang} data-testid="player-text">
            <EntityText text={u.text} spans={u.entities} lang={u.lang} />
          </p>
          {req.hypothesis !== undefined && (
            <p className="utt-hyp" lang={u.lang}>
              <span className="label">Hypothesis</span> {req.hypothesis || '—'}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
