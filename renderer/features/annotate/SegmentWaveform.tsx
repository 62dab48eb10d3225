import { useEffect, useRef, useState } from 'react';
import WaveSurfer from 'wavesurfer.js';
import RegionsPlugin, { type Region } from 'wavesurfer.js/dist/plugins/regions.esm.js';
import TimelinePlugin from 'wavesurfer.js/dist/plugins/timeline.esm.js';
import type { AnnotationSegment, SegmentState } from '../../../native/contract/annotations.js';
import type { WirePeaks } from '../../../native/contract/media.js';
import { formatTime, toWaveSurferPeaks } from '../player/peaks.js';
import { timelineAndZoom, WAVE_LOOK } from '../player/wave-look.js';
import { materialise, regionWindow, segmentNear, type Span } from './region-window.js';
import { MIN_SEGMENT_SEC, ms } from './segment-ops.js';
import { ticksFor } from './time-ruler.js';

/** Slow playback is how most people transcribe fast speech. */
const RATES = [0.5, 0.6, 0.75, 0.9, 1, 1.25, 1.5] as const;

const WAVE_HEIGHT = 136;
/** The timeline plugin's height in wave-look.ts. */
const RULER_HEIGHT = 22;

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

/** A cleared canvas of `width` × `height` CSS pixels, drawn in CSS pixels at the screen's density. */
function cleared(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
): CanvasRenderingContext2D | null {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(width * dpr));
  const h = Math.max(1, Math.round(height * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  canvas.style.width = `${width}px`;
  const g = canvas.getContext('2d');
  if (!g) return null;
  g.setTransform(dpr, 0, 0, dpr, 0, 0);
  g.clearRect(0, 0, width, height);
  return g;
}

/**
 * The tier zoomed far out, as tinted bars over the visible window: there a
 * segment is a pixel or two wide, and thousands of regions would each be
 * re-measured on every scroll and zoom.
 */
function drawStrip(
  canvas: HTMLCanvasElement,
  segments: readonly AnnotationSegment[],
  selectedId: number | null,
  view: Span,
  width: number,
  height: number,
): void {
  const g = cleared(canvas, width, height);
  if (!g) return;
  const scale = width / Math.max(view.end - view.start, 1e-6);
  for (const s of segments) {
    // The selected segment stays a region, drawn by the plugin.
    if (s.end <= view.start || s.start >= view.end || s.id === selectedId) continue;
    const x = (s.start - view.start) * scale;
    g.fillStyle = tint(s.state, false);
    g.fillRect(x, 0, Math.max(0.5, (s.end - s.start) * scale), height);
  }
}

/**
 * The notches of a stretch as the plugin makes them (a left border, the label
 * at the foot, 13px #374151 from wave-look.ts), placed in the scrolled
 * wrapper at `pxPerSec`: the browser scrolls them with the waveform.
 */
function fillRuler(ruler: HTMLElement, span: Span, pxPerSec: number, height: number): void {
  const html: string[] = [];
  for (const tick of ticksFor(span, (span.end - span.start) * pxPerSec)) {
    const tall = tick.kind !== 'tick';
    html.push(
      `<div part="timeline-notch timeline-notch-${tick.kind}" style="position:absolute;left:${(tick.t * pxPerSec).toFixed(1)}px;bottom:0;height:${tall ? height : height / 2}px;border-left:1px solid currentColor;padding-left:3px;display:flex;flex-direction:column;justify-content:flex-end;white-space:nowrap">${tick.label ?? ''}</div>`,
    );
  }
  ruler.innerHTML = html.join('');
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
  const viewRedraw = useRef<() => void>(() => undefined);
  const strip = useRef<HTMLCanvasElement>(null);
  // The view's stretch, and the window of segments that are regions around it.
  const view = useRef<Span>({ start: 0, end: 0 });
  const winRef = useRef<Span | null>(null);
  const [win, setWin] = useState<Span | null>(null);
  const overview = useRef(false);
  // The latest segments and selection, for the strip drawn on scroll between renders.
  const latest = useRef({ segments, selectedId });
  latest.current = { segments, selectedId };
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
    const canvas = strip.current;
    if (!host.current || !peaks || !canvas) return;
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
      maxPeak: fitted.maxPeak,
      height: WAVE_HEIGHT,
      ...WAVE_LOOK,
      // The ruler is made here around the view only (time-ruler.ts), not by the plugin.
      plugins: [...timelineAndZoom().filter((p) => !(p instanceof TimelinePlugin)), reg],
    });
    ws.current = w;
    regions.current = reg;
    const fit = () => (host.current?.clientWidth ?? 800) / Math.max(fitted.duration, 0.01);
    let pxPerSec = 0;
    // The view's width, read only when it can change: reading it in a zoom or scroll
    // handler forces a layout of the freshly zoomed waveform in the middle of the frame.
    let viewWidth = host.current.clientWidth || 800;
    // Where the plugin puts its timeline: under the waveform, in the scrolled wrapper.
    const ruler = document.createElement('div');
    ruler.setAttribute('part', 'timeline');
    ruler.style.cssText = `position:relative;height:${RULER_HEIGHT}px;overflow:hidden;font-size:13px;color:#374151;pointer-events:none`;
    w.getWrapper().append(ruler);
    // The notches are made for the regions' window, again only when it or the zoom changes.
    let rulerFor = '';
    const redrawView = () => {
      const span = winRef.current;
      const px = viewWidth / Math.max(view.current.end - view.current.start, 1e-6);
      const key = span ? `${span.start}|${span.end}|${px.toFixed(4)}` : '';
      if (span && key !== rulerFor) {
        rulerFor = key;
        fillRuler(ruler, span, px, RULER_HEIGHT);
      }
      canvas.style.display = overview.current ? 'block' : 'none';
      if (!overview.current) return;
      const { segments: segs, selectedId: sel } = latest.current;
      drawStrip(canvas, segs, sel, view.current, viewWidth, WAVE_HEIGHT);
    };
    viewRedraw.current = redrawView;
    // Scroll and zoom events come every frame: the screen hears of each, regions only
    // change when the view leaves their window.
    const viewed = (start: number, end: number) => {
      view.current = { start, end };
      cb.current.onView?.(start, end);
      const next = regionWindow(view.current, winRef.current);
      if (next !== winRef.current) {
        winRef.current = next;
        setWin(next);
      }
      redrawView();
    };

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
        viewed(from, from + viewWidth / px);
      }),
      w.on('scroll', (from, to) => viewed(from, to)),
      w.on('resize', () => {
        viewWidth = w.getWidth();
        const px = pxPerSec || fit();
        const from = w.getScroll() / px;
        viewed(from, from + viewWidth / px);
      }),
      w.on('ready', () => {
        viewWidth = w.getWidth();
        setReady(true);
        cb.current.onReady(control);
        viewed(0, w.getDuration() || fitted.duration);
      }),
      // Zoomed out to a strip, a click on a segment selects it, as a click on its region does.
      w.on('click', (relX) => {
        if (!overview.current) return;
        const segs = latest.current.segments;
        const d = w.getDuration() || fitted.duration;
        const at = segmentNear(segs, relX * d, (2 * d) / Math.max(1, w.getWrapper().scrollWidth));
        if (at < 0) return;
        cb.current.onSelect(segs[at].id);
        w.setTime(segs[at].start);
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
      canvas.style.display = 'none';
      ruler.remove();
      viewRedraw.current = () => undefined;
      winRef.current = null;
      overview.current = false;
      w.destroy();
      el.pause();
      el.removeAttribute('src');
      el.load();
      ws.current = null;
      regions.current = null;
      setReady(false);
    };
  }, [peaks, mediaUrl]);

  // A view listener that comes later (the spectrogram turned on) hears the view at once.
  const wantsView = props.onView !== undefined;
  useEffect(() => {
    if (wantsView && ready) cb.current.onView?.(view.current.start, view.current.end);
  }, [wantsView, ready]);

  // Regions follow the segments in the window: changed ones are updated in place, so a
  // drag is never interrupted; ones that leave it are removed, unless being dragged.
  useEffect(() => {
    const reg = regions.current;
    if (!reg || !ready) return;
    syncing.current = true;
    const along = winRef.current ?? { start: 0, end: Number.POSITIVE_INFINITY };
    const picked = materialise(segments, along, (i) => {
      const r = shown.current.get(segments[i].id);
      return (
        segments[i].id === selectedId || (!!r && (r.isDragging || r.updatingSide !== undefined))
      );
    });
    overview.current = picked.overview;
    const keep = new Set<number>();
    for (const i of picked.indices) {
      const s = segments[i];
      keep.add(s.id);
      const selected = s.id === selectedId;
      const look = `${s.start}|${s.end}|${s.state}|${selected ? 1 : 0}|${i}`;
      const r = shown.current.get(s.id);
      if (r && looks.current.get(s.id) === look) continue;
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
    }
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
    viewRedraw.current();
  }, [segments, selectedId, mark, ready, win]);

  return (
    <div className="waveform annotate-wave">
      <div style={{ position: 'relative' }}>
        <div ref={host} className="waveform-host" data-testid="waveform" />
        {/* Over the waveform (inside the host's border and padding in theme.css), not in its
            shadow root, under the regions' pointer events. */}
        <canvas
          ref={strip}
          className="segment-strip"
          aria-hidden="true"
          style={{
            position: 'absolute',
            left: 3,
            top: 1,
            height: WAVE_HEIGHT,
            pointerEvents: 'none',
            display: 'none',
          }}
        />
      </div>
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
