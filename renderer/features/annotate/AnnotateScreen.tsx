import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { SegmentState } from '../../../native/contract/annotations.js';
import { useBridge } from '../../app/bridge-context.js';
import { useEngine } from '../../app/use-engine.js';
import { engineErrorFrom, type EngineError } from '../../bridge/engine-error.js';
import { ErrorView } from '../../components/ErrorView.js';
import { formatTime } from '../player/peaks.js';
import { useFittedPeaks } from '../player/PlayerDock.js';
import { usePlayer } from '../player/player-context.js';
import './annotate.css';
import { AnnotatorName } from './AnnotatorName.js';
import { usePrefs } from './prefs.js';
import { markBoundary, nudge, segmentAt } from './segment-ops.js';
import { ExportButton } from './ExportButton.js';
import { PreannotateButton } from './PreannotateButton.js';
import { SegmentEditor } from './SegmentEditor.js';
import { SegmentList, STATE_NAMES } from './SegmentList.js';
import { SegmentWaveform, type WaveControl } from './SegmentWaveform.js';
import { SpectrogramView } from './SpectrogramView.js';
import { TierBar } from './TierBar.js';
import {
  canTransliterate,
  ROMAN_SCHEMES,
  SCHEME_NAMES,
  type RomanScheme,
} from './translit-typing.js';
import { useAnnotationStore } from './use-annotation-store.js';

const KEYS_HELP =
  "Space play/pause · Enter (playing) mark boundary · Esc cancel · ↑/↓ previous/next segment · P play segment · S split · M merge · Del delete · [ ] start ±10 ms · ; ' end ±10 ms (Shift ±100 ms) · Ctrl+Z / Ctrl+Shift+Z undo/redo";

function inField(t: EventTarget | null): boolean {
  return (
    t instanceof HTMLElement && t.closest('input, textarea, select, [contenteditable]') !== null
  );
}

/** Recordings to choose from, when the route names none. */
function RecordingChooser() {
  const list = useEngine('audio.list', { limit: 500 });
  return (
    <div className="screen">
      <div className="screen-head">
        <h1>Annotate</h1>
        <p className="muted">Choose a recording to segment and transcribe.</p>
      </div>
      {list.error && <ErrorView error={list.error} />}
      <ul className="recording-list">
        {list.data?.rows.map((a) => (
          <li key={a.id}>
            <a href={`#/annotate/${a.id}`}>{a.originalName}</a>{' '}
            <span className="muted mono small">{formatTime(a.durationSec)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function AnnotateScreen({ audioId }: { audioId: number | null }) {
  return audioId === null ? <RecordingChooser /> : <Workspace key={audioId} audioId={audioId} />;
}

/**
 * The annotation workspace of one recording: the active tier's segments
 * over the waveform and in a list beside it, the selected segment's editor,
 * keyboard-first as in ELAN's segmentation mode.
 */
function Workspace({ audioId }: { audioId: number }) {
  const bridge = useBridge();
  const player = usePlayer();
  const store = useAnnotationStore(audioId);
  const peaks = useFittedPeaks(audioId);
  const [prefs, setPrefs] = usePrefs();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [mark, setMark] = useState<number | null>(null);
  const [filter, setFilter] = useState<SegmentState | ''>('');
  const [playError, setPlayError] = useState<string | null>(null);
  const [exportError, setExportError] = useState<EngineError | null>(null);
  const [spectro, setSpectro] = useState(false);
  const [view, setView] = useState<{ start: number; end: number }>({ start: 0, end: 0 });
  const wave = useRef<WaveControl | null>(null);
  const textRef = useRef<HTMLTextAreaElement | null>(null);

  // One audio element at a time: the docked Player closes when a recording is annotated.
  const { close: closePlayer } = player;
  useEffect(() => closePlayer(), [closePlayer]);

  const ws = store.workspace;
  const lang = ws?.lang ?? 'hi';
  const tier = ws?.tiers.find((t) => t.id === store.tierId) ?? null;
  const segs = store.segments;
  const index = segs.findIndex((s) => s.id === selectedId);
  const seg = index >= 0 ? segs[index] : null;
  const { reloadTier, selectTier } = store;
  const transcriptId = ws?.tiers.find((t) => t.kind === 'transcript')?.id;
  const reloadTranscript = useCallback(async () => {
    if (transcriptId === undefined) return;
    await reloadTier(transcriptId);
    selectTier(transcriptId);
  }, [reloadTier, selectTier, transcriptId]);
  const schemePref = prefs.schemes[lang];
  const scheme: RomanScheme | null = !canTransliterate(lang)
    ? null
    : schemePref === 'off'
      ? null
      : (schemePref ?? 'itrans');

  const rows = useMemo(
    () =>
      segs
        .map((s, i) => ({ seg: s, n: i + 1 }))
        .filter((r) => filter === '' || r.seg.state === filter),
    [segs, filter],
  );

  const select = useCallback(
    (id: number, play: boolean) => {
      setSelectedId(id);
      const s = segs.find((x) => x.id === id);
      if (s && play && prefs.autoplay) wave.current?.playRange(s.start, s.end, prefs.loop);
      else if (s) wave.current?.seek(s.start);
    },
    [segs, prefs.autoplay, prefs.loop],
  );

  const boundary = async () => {
    const w = wave.current;
    if (!w) return;
    const r = markBoundary(segs, mark, w.time(), prefs.offsetMs / 1000);
    setMark(r.mark);
    if (r.segment) {
      const made = await store.add(r.segment.start, r.segment.end);
      if (made) setSelectedId(made.id);
    }
  };

  const nudgeSelected = (side: 'start' | 'end', delta: number) => {
    if (index < 0) return;
    const t = nudge(segs, index, side, delta, wave.current?.duration() ?? 0);
    void store.update(segs[index].id, t, `move ${side}`);
  };

  const splitAtPlayhead = async () => {
    const w = wave.current;
    if (!w) return;
    const t = w.time();
    const target = seg && t > seg.start && t < seg.end ? seg : segs[segmentAt(segs, t)];
    if (!target || t <= target.start || t >= target.end) {
      store.clearEditError();
      return;
    }
    const halves = await store.split(target.id, t);
    if (halves) setSelectedId(halves[1].id);
  };

  const move = (step: number) => {
    if (rows.length === 0) return;
    const at = rows.findIndex((r) => r.seg.id === selectedId);
    const next = at < 0 ? (step > 0 ? 0 : rows.length - 1) : at + step;
    if (next >= 0 && next < rows.length) select(rows[next].seg.id, true);
  };

  const keyRef = useRef<(e: globalThis.KeyboardEvent) => void>(() => undefined);
  keyRef.current = (e) => {
    if (e.defaultPrevented || inField(e.target)) return;
    const w = wave.current;
    if (e.ctrlKey || e.metaKey) {
      const k = e.key.toLowerCase();
      if (k === 'z' || k === 'y') {
        e.preventDefault();
        void (k === 'y' || e.shiftKey ? store.redo() : store.undo());
      }
      return;
    }
    if (e.altKey) return;
    const onButton = e.target instanceof HTMLButtonElement || e.target instanceof HTMLAnchorElement;
    const nudgeStep = e.shiftKey ? 0.1 : 0.01;
    const act = (): boolean => {
      switch (e.code) {
        case 'BracketLeft':
          nudgeSelected('start', -nudgeStep);
          return true;
        case 'BracketRight':
          nudgeSelected('start', nudgeStep);
          return true;
        case 'Semicolon':
          nudgeSelected('end', -nudgeStep);
          return true;
        case 'Quote':
          nudgeSelected('end', nudgeStep);
          return true;
      }
      switch (e.key) {
        case ' ':
          if (onButton) return false;
          w?.playPause();
          return true;
        case 'Enter':
          if (onButton) return false;
          if (w?.isPlaying()) void boundary();
          else textRef.current?.focus();
          return true;
        case 'Escape':
          setMark(null);
          return true;
        case 'ArrowDown':
          move(1);
          return true;
        case 'ArrowUp':
          move(-1);
          return true;
        case 'ArrowLeft':
          w?.seek(w.time() - (e.shiftKey ? 5 : 1));
          return true;
        case 'ArrowRight':
          w?.seek(w.time() + (e.shiftKey ? 5 : 1));
          return true;
        case 'p':
        case 'P':
          if (seg) w?.playRange(seg.start, seg.end, prefs.loop);
          return true;
        case 's':
        case 'S':
          void splitAtPlayhead();
          return true;
        case 'm':
        case 'M':
          if (seg) void store.mergeWithNext(seg.id);
          return true;
        case 'Delete':
        case 'Backspace':
          if (seg) {
            const after = segs[index + 1] ?? segs[index - 1];
            void store.remove(seg.id);
            setSelectedId(after?.id ?? null);
          }
          return true;
        case 'l':
        case 'L':
          setPrefs({ loop: !prefs.loop });
          return true;
        case '+':
        case '=':
          w?.zoomBy(1.5);
          return true;
        case '-':
        case '_':
          w?.zoomBy(1 / 1.5);
          return true;
      }
      return false;
    };
    if (act()) e.preventDefault();
  };

  useEffect(() => {
    const on = (e: globalThis.KeyboardEvent) => keyRef.current(e);
    window.addEventListener('keydown', on);
    return () => window.removeEventListener('keydown', on);
  }, []);

  // In the text: Esc leaves it for the keyboard commands; Ctrl+Enter plays the segment.
  const onTextKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.currentTarget.blur();
      document.getElementById('main')?.focus({ preventScroll: true });
    } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && seg) {
      e.preventDefault();
      wave.current?.playRange(seg.start, seg.end, prefs.loop);
    }
  };

  if (store.loadError) return <ErrorView error={store.loadError} />;
  if (!ws) return <p className="muted">Opening the recording…</p>;

  return (
    <div className="screen annotate" data-testid="annotate">
      <div className="screen-head annotate-head">
        <h1>Annotate</h1>
        <span className="mono">{ws.audio.originalName}</span>
        <span className="muted small">
          {lang} · {formatTime(ws.audio.durationSec)}
        </span>
        <AnnotatorName fallback={ws.annotator} onError={setExportError} />
        <span className="transport-spacer" />
        <span
          className={`save-status save-${store.status}`}
          data-testid="save-status"
          aria-live="polite"
        >
          {store.status === 'saved'
            ? 'All changes saved'
            : store.status === 'saving'
              ? 'Saving…'
              : 'Not saved'}
        </span>
        <PreannotateButton
          audioId={audioId}
          selectedId={selectedId}
          beforeRun={store.flush}
          afterRun={reloadTranscript}
          onError={setExportError}
        />
        <ExportButton audioId={audioId} beforeExport={store.flush} onError={setExportError} />
        <button
          type="button"
          className="btn btn-small"
          disabled={!store.undoLabel}
          onClick={() => void store.undo()}
          title={`Undo ${store.undoLabel ?? ''} (Ctrl+Z)`}
        >
          Undo
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={!store.redoLabel}
          onClick={() => void store.redo()}
          title={`Redo ${store.redoLabel ?? ''} (Ctrl+Shift+Z)`}
        >
          Redo
        </button>
      </div>

      <TierBar
        tiers={ws.tiers}
        activeId={store.tierId}
        onSelect={(id) => {
          setSelectedId(null);
          setMark(null);
          store.selectTier(id);
        }}
        onCreate={(name, vocabulary) => void store.createTier(name, 'user', vocabulary)}
      />

      <div className="annotate-settings">
        <label className="setting">
          Reaction offset{' '}
          <input
            type="number"
            min={0}
            max={1000}
            step={10}
            value={prefs.offsetMs}
            onChange={(e) => setPrefs({ offsetMs: Math.max(0, Number(e.target.value) || 0) })}
            aria-label="Reaction offset in milliseconds"
          />{' '}
          ms
        </label>
        <label className="setting">
          <input
            type="checkbox"
            checked={prefs.autoplay}
            onChange={(e) => setPrefs({ autoplay: e.target.checked })}
          />{' '}
          Auto-play
        </label>
        <label className="setting">
          <input
            type="checkbox"
            checked={prefs.loop}
            onChange={(e) => setPrefs({ loop: e.target.checked })}
          />{' '}
          Loop (L)
        </label>
        <label className="setting">
          Typing{' '}
          <select
            value={scheme ?? 'off'}
            disabled={!canTransliterate(lang)}
            onChange={(e) =>
              setPrefs({
                schemes: { ...prefs.schemes, [lang]: e.target.value as RomanScheme | 'off' },
              })
            }
            aria-label="Typing scheme"
            data-testid="typing-scheme"
          >
            {ROMAN_SCHEMES.map((s) => (
              <option key={s} value={s}>
                {SCHEME_NAMES[s]} → {lang}
              </option>
            ))}
            <option value="off">System keyboard</option>
          </select>
        </label>
      </div>

      {store.editError && <ErrorView error={store.editError} />}
      {exportError && <ErrorView error={exportError} />}
      {playError && (
        <ErrorView
          error={engineErrorFrom(
            'playback',
            `The recording could not be played (${playError}).`,
            'Check that the audio file is still in the project folder, then open it again.',
          )}
        />
      )}
      {peaks.error && <ErrorView error={peaks.error} />}

      <SegmentWaveform
        mediaUrl={bridge.mediaUrl(audioId, 'original')}
        peaks={peaks.data}
        segments={segs}
        selectedId={selectedId}
        mark={mark}
        onReady={(c) => {
          wave.current = c;
        }}
        onSelect={(id) => select(id, false)}
        onTimes={(id, start, end) => void store.update(id, { start, end }, 'move')}
        onDraw={(start, end) => void store.add(start, end).then((s) => s && setSelectedId(s.id))}
        onError={setPlayError}
        onView={spectro ? (start, end) => setView({ start, end }) : undefined}
      />
      <label className="setting small">
        <input type="checkbox" checked={spectro} onChange={(e) => setSpectro(e.target.checked)} />{' '}
        Spectrogram (visible window)
      </label>
      {spectro && (
        <SpectrogramView url={bridge.mediaUrl(audioId, '16k')} start={view.start} end={view.end} />
      )}
      <p className="keys-help muted small">{KEYS_HELP}</p>

      <div className="annotate-body">
        <div className="annotate-list">
          <div className="list-head">
            <span className="muted small" data-testid="segment-count">
              {segs.length} {segs.length === 1 ? 'segment' : 'segments'}
              {filter && ` · ${rows.length} ${STATE_NAMES[filter].toLowerCase()}`}
            </span>
            <label className="setting">
              State{' '}
              <select
                value={filter}
                onChange={(e) => setFilter(e.target.value as SegmentState | '')}
                aria-label="Show segments in state"
              >
                <option value="">All</option>
                {Object.entries(STATE_NAMES).map(([k, v]) => (
                  <option key={k} value={k}>
                    {v}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <SegmentList
            rows={rows}
            lang={lang}
            selectedId={selectedId}
            onPick={(id) => select(id, true)}
          />
        </div>
        <div className="annotate-editor">
          {seg && tier ? (
            <SegmentEditor
              seg={seg}
              n={index + 1}
              tier={tier}
              lang={lang}
              scheme={scheme}
              textRef={textRef}
              onText={(text) => store.editText(seg.id, { text })}
              onNote={(note) => store.editText(seg.id, { note })}
              onState={(state) => void store.update(seg.id, { state }, `mark ${state}`)}
              onEntities={(entities, label) => void store.setEntities(seg.id, entities, label)}
              onNudge={nudgeSelected}
              onTextKeyDown={onTextKeyDown}
            />
          ) : (
            <p className="muted empty">
              {store.tierLoading ? 'Loading segments…' : 'Select a segment to transcribe it.'}
            </p>
          )}
        </div>
      </div>
    </div>
  );
}
