import { useEffect, useRef, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin, { type Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { AnnotationSegment, SegmentState } from '../../../native/contract/annotations.js';
import type { WirePeaks } from '../../../native/contract/media.js';
import { formatTime, toWaveSurferPeaks } from '../player/peaks.js';
import { timelineAndZoom, WAVE_LOOK } from '../player/wave-look.js';
import { MIN_SEGMENT_SEC, ms } from './segment-ops.js';

/** Slow playback is how most people transcribe fast speech. */
const RATES = [0.5, 0.6, 0.75, 0.9, 1, 1.25, 1.5] as const;

/** Region tints by review state: calm enough to read the waveform through them. */
const STATE_TINT: Record<SegmentState, [number, number, number]> = {
  todo: [120, 113, 108],
  transcribed: [47, 93, 138],
  reviewed: [180, 83, 9],
  approved: [21, 128, 61],
};

function tint(state: SegmentState, selected: boolean): string {
  const [r, g, b] = STATE_TINT[state];
  return `rgba(${r}, ${g}, ${b}, ${selected ? 0.34 : 0.14})`;
}

/** The number shown at a region's top-left; styled inline, as regions live in a shadow root. */
function label(n: number, selected: boolean): HTMLElement {
  const el = document.createElement('span');
  el.textContent = String(n);
  el.style.cssText = `display:inline-block;margin:2px 4px;padding:0 5px;border-radius:4px;font:600 12px/18px 'Noto Sans',sans-serif;color:${selected ? '#fff' : '#1d232a'};background:${selected ? '#2f5d8a' : 'rgba(255,255,255,0.85)'};pointer-events:none`;
  return el;
}

/** What the screen can do with the player: it owns the keyboard, the waveform owns the audio. */
export interface WaveControl {
  time(): number;
  duration(): number;
  isPlaying(): boolean;
  playPause(): void;
  pause(): void;
  seek(t: number): void;
  /** Plays one segment and stops at its end, or starts it again there when `loop`. */
  playRange(start: number, end: number, loop: boolean): void;
  zoomBy(factor: number): void;
}

export interface SegmentWaveformProps {
  mediaUrl: string;
  peaks: WirePeaks | null;
  segments: readonly AnnotationSegment[];
  selectedId: number | null;
  /** The open boundary of segmentation mode, drawn as a marker. */
  mark: number | null;
  onReady: (c: WaveControl | null) => void;
  onSelect: (id: number) => void;
  onTimes: (id: number, start: number, end: number) => void;
  /** A stretch dragged out with the mouse on empty waveform. */
  onDraw: (start: number, end: number) => void;
  onError: (message: string) => void;
  /** The stretch of the recording in view, seconds (for views drawn over the same window). */
  onView?: (start: number, end: number) => void;
}

/**
 * The recording with the active tier's segments as regions (drag to move,
 * edges to resize, drag on empty waveform to draw one). Drawn from the
 * engine's peaks, played through a media element streaming the file.
 */
export function SegmentWaveform(props: SegmentWaveformProps) {
  const { mediaUrl, peaks, segments, selectedId, mark } = props;
  const host = useRef<HTMLDivElement>(null);
  const ws = useRef<WaveSurfer | null>(null);
  const regions = useRef<ReturnType<typeof RegionsPlugin.create> | null>(null);
  const shown = useRef(new Map<number, Region>());
  // What each region was last drawn with: on a tier of thousands of segments, a
  // selection change must touch two regions, not rebuild every label.
  const looks = useRef(new Map<number, string>());
  const markRegion = useRef<Region | null>(null);
  const syncing = useRef(false);
  const range = useRef<{ start: number; end: number; loop: boolean } | null>(null);
  const cb = useRef(props);
  cb.current = props;
  const [time, setTime] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [ready, setReady] = useState(false);
  const [rate, setRate] = useState(1);
  const duration = peaks?.durationSec ?? 0;

  useEffect(() => {
    if (!host.current || !peaks) return;
    const el = document.createElement('audio');
    el.preload = 'auto';
    el.src = mediaUrl;
    const fitted = toWaveSurferPeaks(peaks);
    const reg = RegionsPlugin.create();
    const w = WaveSurfer.create({
      container: host.current,
      media: el,
      peaks: fitted.peaks,
      duration: fitted.duration,
      height: 136,
      ...WAVE_LOOK,
      plugins: [...timelineAndZoom(), reg],
    });
    ws.current = w;
    regions.current = reg;
    const fit = () => (host.current?.clientWidth ?? 800) / Math.max(fitted.duration, 0.01);
    let pxPerSec = 0;

    const control: WaveControl = {
      time: () => w.getCurrentTime(),
      duration: () => w.getDuration() || fitted.duration,
      isPlaying: () => w.isPlaying(),
      playPause: () => {
        range.current = null;
        void w.playPause();
      },
      pause: () => w.pause(),
      seek: (t) => w.setTime(Math.min(Math.max(0, t), w.getDuration() || fitted.duration)),
      playRange: (start, end, loop) => {
        range.current = { start, end, loop };
        w.setTime(start);
        w.play().catch((e: unknown) => cb.current.onError(String(e)));
      },
      zoomBy: (factor) => {
        const base = Math.max(pxPerSec, fit());
        try {
          w.zoom(Math.min(2000, Math.max(fit(), base * factor)));
        } catch {
          // Not loaded yet: nothing to zoom.
        }
      },
    };

    const offDraw = reg.enableDragSelection({ color: 'rgba(47, 93, 138, 0.2)' }, 3);
    const subs = [
      w.on('timeupdate', (t) => {
        setTime(t);
        const r = range.current;
        if (r && t >= r.end) {
          if (r.loop) w.setTime(r.start);
          else {
            range.current = null;
            w.pause();
            w.setTime(r.end);
          }
        }
      }),
      w.on('play', () => setPlaying(true)),
      w.on('pause', () => setPlaying(false)),
      w.on('finish', () => setPlaying(false)),
      w.on('zoom', (px) => {
        pxPerSec = px;
        const from = w.getScroll() / px;
        cb.current.onView?.(from, from + (host.current?.clientWidth ?? 800) / px);
      }),
      w.on('scroll', (from, to) => cb.current.onView?.(from, to)),
      w.on('ready', () => {
        setReady(true);
        cb.current.onReady(control);
        cb.current.onView?.(0, w.getDuration() || fitted.duration);
      }),
      w.on('error', (e) => cb.current.onError(e instanceof Error ? e.message : String(e))),
      reg.on('region-created', (r) => {
        if (syncing.current) return;
        // Drawn with the mouse: it becomes a segment through the store, which then draws it.
        r.remove();
        if (r.end - r.start >= MIN_SEGMENT_SEC) cb.current.onDraw(ms(r.start), ms(r.end));
      }),
      reg.on('region-updated', (r) => {
        const id = Number(r.id.slice(1));
        if (r.id.startsWith('s')) cb.current.onTimes(id, ms(r.start), ms(r.end));
      }),
      reg.on('region-clicked', (r, e) => {
        if (!r.id.startsWith('s')) return;
        e.stopPropagation();
        cb.current.onSelect(Number(r.id.slice(1)));
        w.setTime(r.start);
      }),
    ];
    const drawn = shown.current;
    return () => {
      for (const off of subs) off();
      offDraw();
      cb.current.onReady(null);
      drawn.clear();
      looks.current.clear();
      markRegion.current = null;
      w.destroy();
      el.pause();
      el.removeAttribute('src');
      el.load();
      ws.current = null;
      regions.current = null;
      setReady(false);
    };
  }, [peaks, mediaUrl]);

  // Regions follow the segments: changed ones are updated in place, so a drag is never interrupted.
  useEffect(() => {
    const reg = regions.current;
    if (!reg || !ready) return;
    syncing.current = true;
    const keep = new Set<number>();
    segments.forEach((s, i) => {
      keep.add(s.id);
      const selected = s.id === selectedId;
      const look = `${s.start}|${s.end}|${s.state}|${selected ? 1 : 0}|${i}`;
      const r = shown.current.get(s.id);
      if (r && looks.current.get(s.id) === look) return;
      if (!r) {
        looks.current.set(s.id, look);
        shown.current.set(
          s.id,
          reg.addRegion({
            id: `s${s.id}`,
            start: s.start,
            end: s.end,
            color: tint(s.state, selected),
            content: label(i + 1, selected),
            drag: true,
            resize: true,
            minLength: MIN_SEGMENT_SEC,
          }),
        );
      } else if (r.updatingSide === undefined && !r.isDragging) {
        looks.current.set(s.id, look);
        r.setOptions({
          start: s.start,
          end: s.end,
          color: tint(s.state, selected),
          content: label(i + 1, selected),
        });
      }
    });
    for (const [id, r] of shown.current)
      if (!keep.has(id)) {
        r.remove();
        shown.current.delete(id);
        looks.current.delete(id);
      }
    markRegion.current?.remove();
    markRegion.current =
      mark === null
        ? null
        : reg.addRegion({ id: 'mark', start: mark, color: '#b4532a', drag: false, resize: false });
    syncing.current = false;
  }, [segments, selectedId, mark, ready]);

  return (
    <div className="waveform annotate-wave">
      <div ref={host} className="waveform-host" data-testid="waveform" />
      <div className="transport">
        <button
          type="button"
          className="btn btn-primary play-btn"
          onClick={() => {
            range.current = null;
            void ws.current?.playPause();
          }}
          aria-label={playing ? 'Pause' : 'Play'}
          title="Play / pause (Space)"
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <span
          className="clock"
          data-testid="player-time"
          data-current-time={time.toFixed(3)}
          aria-live="off"
        >
          {formatTime(time)} <span className="muted">/ {formatTime(duration)}</span>
        </span>
        {mark !== null && (
          <span className="mark-open" data-testid="open-mark" data-mark={mark.toFixed(3)}>
            boundary open at {formatTime(mark)}
          </span>
        )}
        <span className="transport-spacer" />
        <label className="rate">
          Speed{' '}
          <select
            value={rate}
            onChange={(e) => {
              const r = Number(e.target.value);
              setRate(r);
              ws.current?.setPlaybackRate(r, true);
            }}
          >
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
