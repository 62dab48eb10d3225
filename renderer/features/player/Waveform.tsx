import { useEffect, useRef, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import MinimapPlugin from 'wavesurfer.js/dist/plugins/minimap.esm.js';
import type { WirePeaks } from '../../../native/contract/media.js';
import { useBridge } from '../../app/bridge-context.js';
import { formatTime, pixelsFor, toWaveSurferPeaks } from './peaks.js';
import { timelineAndZoom, WAVE_LOOK } from './wave-look.js';

const RATES = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;
/** Wait for the zoom to settle before asking for a finer level. */
const REFINE_DELAY_MS = 150;

export interface WaveformProps {
  audioId: number;
  mediaUrl: string;
  /** The fitted view's level; null while it is on its way (the media loads meanwhile). */
  peaks: WirePeaks | null;
  autoplay: boolean;
  /** Seconds to seek to once loaded (before autoplay starts). */
  startSec?: number;
  onError: (message: string) => void;
}

function isTyping(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return (
    t.isContentEditable ||
    t instanceof HTMLInputElement ||
    t instanceof HTMLTextAreaElement ||
    t instanceof HTMLSelectElement
  );
}

function mediaErrorText(el: HTMLMediaElement): string {
  return el.error?.message || `media error ${el.error?.code ?? ''}`.trim();
}

/**
 * The waveform and transport. The audio plays through a media element
 * streaming the engine's file with HTTP Range, created as soon as the Player
 * opens so it loads while the peaks are on their way; the waveform is drawn
 * from the engine's precomputed peaks, a coarse level for the fitted view
 * and finer ones fetched only when the user zooms in, so an hours-long
 * recording is never decoded, nor its finest peaks sent, in the renderer.
 */
export function Waveform({ audioId, mediaUrl, peaks, autoplay, startSec, onError }: WaveformProps) {
  const bridge = useBridge();
  const host = useRef<HTMLDivElement>(null);
  const media = useRef<HTMLAudioElement | null>(null);
  const ws = useRef<WaveSurfer | null>(null);
  const fitPxPerSec = useRef(0);
  const pxPerSec = useRef(0);
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [rate, setRate] = useState(1);
  const duration = peaks?.durationSec ?? 0;

  useEffect(() => {
    // createElement, not new Audio(): the same element either way, and page scripts that
    // watch media creation (the player-open bench) see it.
    const el = document.createElement('audio');
    el.preload = 'auto';
    el.src = mediaUrl;
    media.current = el;
    const onMediaError = () => onError(mediaErrorText(el));
    el.addEventListener('error', onMediaError);
    return () => {
      el.removeEventListener('error', onMediaError);
      el.pause();
      el.removeAttribute('src');
      el.load();
      media.current = null;
    };
    // One element per recording; onError is read when an error happens.
  }, [mediaUrl]);

  useEffect(() => {
    const el = media.current;
    if (!host.current || !el || !peaks) return;
    const fitted = toWaveSurferPeaks(peaks);
    const w = WaveSurfer.create({
      container: host.current,
      media: el,
      peaks: fitted.peaks,
      duration: fitted.duration,
      height: 112,
      ...WAVE_LOOK,
      dragToSeek: true,
      plugins: [
        ...timelineAndZoom(),
        MinimapPlugin.create({
          height: 28,
          normalize: true,
          waveColor: '#b7c5d3',
          progressColor: '#6f8cab',
          overlayColor: 'rgba(47, 93, 138, 0.12)',
        }),
      ],
    });
    ws.current = w;

    // Finer levels, on zoom only: the level drawn, whether the engine has a finer one, the one asked for.
    let shown = peaks;
    let finest = false;
    let asked = 0;
    let timer: number | undefined;
    const abort = new AbortController();
    const refine = () => {
      const need = pixelsFor(fitted.duration, pxPerSec.current, window.devicePixelRatio);
      if (finest || need <= shown.length || need <= asked) return;
      asked = need;
      bridge
        .peaks({ audioId, pixels: need }, abort.signal)
        .then((finer) => {
          if (finer.length <= shown.length) {
            finest = true;
            return;
          }
          shown = finer;
          const p = toWaveSurferPeaks(finer);
          // Same media source: wavesurfer keeps the element playing and only redraws.
          void w.load(el.src, p.peaks, p.duration).catch(() => undefined);
        })
        .catch(() => {
          // The coarser level stays drawn; the next zoom asks again.
          asked = 0;
        });
    };

    let ready = false;
    const subs = [
      w.on('timeupdate', (t) => setTime(t)),
      w.on('play', () => setPlaying(true)),
      w.on('pause', () => setPlaying(false)),
      w.on('finish', () => setPlaying(false)),
      w.on('zoom', (px) => {
        pxPerSec.current = px;
        window.clearTimeout(timer);
        timer = window.setTimeout(refine, REFINE_DELAY_MS);
      }),
      w.on('ready', () => {
        // 'ready' comes again after each finer level is swapped in: only the first one counts.
        if (ready) return;
        ready = true;
        fitPxPerSec.current = (host.current?.clientWidth ?? 800) / Math.max(fitted.duration, 0.01);
        pxPerSec.current = fitPxPerSec.current;
        if (startSec) w.setTime(Math.min(startSec, fitted.duration));
        if (autoplay) w.play().catch((e: unknown) => onError(String(e)));
      }),
      w.on('error', (e) => onError(e instanceof Error ? e.message : String(e))),
    ];
    return () => {
      window.clearTimeout(timer);
      abort.abort();
      for (const off of subs) off();
      w.destroy();
      ws.current = null;
    };
    // Rebuilt only when the fitted level arrives; callbacks read the latest props.
  }, [peaks]);

  const zoomBy = (factor: number) => {
    const w = ws.current;
    if (!w) return;
    const base = Math.max(pxPerSec.current, fitPxPerSec.current);
    const next = Math.min(2000, Math.max(fitPxPerSec.current, base * factor));
    try {
      w.zoom(next);
    } catch {
      // Not loaded yet: nothing to zoom.
    }
  };

  const seekBy = (sec: number) => {
    const w = ws.current;
    if (!w) return;
    w.setTime(Math.min(Math.max(0, w.getCurrentTime() + sec), w.getDuration()));
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const onButton =
        e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement;
      if (e.key === ' ' && !onButton) {
        e.preventDefault();
        void ws.current?.playPause();
      } else if (e.key === 'ArrowLeft') {
        e.preventDefault();
        seekBy(e.shiftKey ? -5 : -1);
      } else if (e.key === 'ArrowRight') {
        e.preventDefault();
        seekBy(e.shiftKey ? 5 : 1);
      } else if (e.key === '+' || e.key === '=') {
        e.preventDefault();
        zoomBy(1.5);
      } else if (e.key === '-' || e.key === '_') {
        e.preventDefault();
        zoomBy(1 / 1.5);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const changeRate = (r: number) => {
    setRate(r);
    ws.current?.setPlaybackRate(r, true);
  };

  return (
    <div className="waveform">
      <div ref={host} className="waveform-host" data-testid="waveform" />
      <div className="transport">
        <button
          type="button"
          className="btn btn-primary play-btn"
          onClick={() => void ws.current?.playPause()}
          aria-label={playing ? 'Pause' : 'Play'}
          title="Play / pause (Space)"
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" className="btn" onClick={() => seekBy(-5)} title="Back 5 s (Shift+←)">
          −5 s
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => seekBy(5)}
          title="Forward 5 s (Shift+→)"
        >
          +5 s
        </button>
        <span
          className="clock"
          data-testid="player-time"
          data-current-time={time.toFixed(3)}
          aria-live="off"
        >
          {formatTime(time)} <span className="muted">/ {formatTime(duration)}</span>
        </span>
        <span className="transport-spacer" />
        <button type="button" className="btn" onClick={() => zoomBy(1 / 1.5)} title="Zoom out (−)">
          Zoom −
        </button>
        <button type="button" className="btn" onClick={() => zoomBy(1.5)} title="Zoom in (+)">
          Zoom +
        </button>
        <label className="rate">
          Speed{' '}
          <select value={rate} onChange={(e) => changeRate(Number(e.target.value))}>
            {RATES.map((r) => (
              <option key={r} value={r}>
                {r}×
              </option>
            ))}
          </select>
        </label>
      </div>
    </div>
  );
}
