import { useMemo, useState } from 'react';
import { useBridge } from '../../app/bridge-context.js';
import { useEngine } from '../../app/use-engine.js';
import { EntityText } from '../../components/EntityText.js';
import { ErrorView } from '../../components/ErrorView.js';
import { engineErrorFrom } from '../../bridge/engine-error.js';
import { toWaveSurferPeaks } from './peaks.js';
import { usePlayer } from './player-context.js';
import { Waveform } from './Waveform.js';

/** The engine's finest peaks (256 samples per pixel at 16 kHz). */
const FINEST = 256;
/** At most this many min/max pairs per recording: an hours-long file stays a few MB of JSON. */
const MAX_PIXELS = 120_000;

/** Samples per pixel for a recording: the finest level, coarser only for long recordings. */
function peaksResolution(durationSec: number): number {
  const needed = Math.ceil((durationSec * 16_000) / MAX_PIXELS);
  return Math.max(FINEST, Math.ceil(needed / FINEST) * FINEST);
}

/** The Player, docked under whichever screen opened it: waveform, transport and the utterance's text. */
export function PlayerDock() {
  const bridge = useBridge();
  const player = usePlayer();
  const req = player.current;
  const utt = useEngine('utterances.get', req ? { id: req.utteranceId } : null);
  const audioId = utt.data && utt.data.id === req?.utteranceId ? utt.data.audioId : null;
  const audio = useEngine('audio.get', audioId !== null ? { audioId } : null);
  const peaks = useEngine(
    'audio.peaks',
    audio.data && audio.data.id === audioId
      ? { audioId: audio.data.id, samplesPerPixel: peaksResolution(audio.data.durationSec) }
      : null,
  );
  const [playError, setPlayError] = useState<string | null>(null);

  const wave = useMemo(() => (peaks.data ? toWaveSurferPeaks(peaks.data) : null), [peaks.data]);
  if (!req) return null;
  const u = utt.data && utt.data.id === req.utteranceId ? utt.data : null;
  const error = utt.error ?? audio.error ?? peaks.error;

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
      {u && u.audioId === null && (
        <p className="muted">This utterance has no recording in the project.</p>
      )}
      {u && u.audioId !== null && wave && (
        <Waveform
          key={`${u.audioId}:${req.nonce}`}
          mediaUrl={bridge.mediaUrl(u.audioId, 'original')}
          peaks={wave.peaks}
          duration={wave.duration}
          autoplay={req.autoplay}
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
