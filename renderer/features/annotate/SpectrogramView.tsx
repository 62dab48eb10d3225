import { useEffect, useRef, useState } from 'react';
import { float32Samples, MAX_WINDOW_SEC, paint, sampleRange, stft } from './spectrogram.js';

const HEIGHT = 128;
/** Scrolling settles before a window is fetched. */
const SETTLE_MS = 120;

/**
 * The spectrogram of the waveform's visible window only: its samples are
 * read from the cached 16 kHz WAV by an HTTP Range request (never the whole
 * recording), transformed here and drawn to a canvas as wide as the waveform.
 */
export function SpectrogramView({ url, start, end }: { url: string; start: number; end: number }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [note, setNote] = useState<string | null>(null);
  // The window the canvas now shows (and how many times it was drawn), for tests and tools to read.
  // Written at full precision: rounded, the bytes fetched no longer follow from start and end.
  const [drawn, setDrawn] = useState<{
    start: number;
    end: number;
    bytes: number;
    draws: number;
  } | null>(null);
  useEffect(() => {
    const c = canvas.current;
    if (!c || !(end > start)) return;
    if (end - start > MAX_WINDOW_SEC) {
      setNote(`Zoom in to under ${MAX_WINDOW_SEC} s to see the spectrogram`);
      return;
    }
    const abort = new AbortController();
    const timer = window.setTimeout(() => {
      const { from, to } = sampleRange(start, end);
      fetch(url, { headers: { Range: `bytes=${from}-${to}` }, signal: abort.signal })
        .then((r) => {
          if (!r.ok) throw new Error(`audio window: HTTP ${r.status}`);
          return r.arrayBuffer();
        })
        .then((buf) => {
          const width = Math.max(1, Math.round(c.clientWidth || 800));
          const img = paint(stft(float32Samples(buf), width), HEIGHT);
          c.width = img.width;
          c.height = img.height;
          c.getContext('2d')?.putImageData(new ImageData(img.data, img.width, img.height), 0, 0);
          setNote(null);
          setDrawn((d) => ({ start, end, bytes: buf.byteLength, draws: (d?.draws ?? 0) + 1 }));
        })
        .catch((e: unknown) => {
          if (!abort.signal.aborted) setNote(e instanceof Error ? e.message : String(e));
        });
    }, SETTLE_MS);
    return () => {
      window.clearTimeout(timer);
      abort.abort();
    };
  }, [url, start, end]);
  return (
    <div
      className="spectrogram"
      data-testid="spectrogram"
      data-start={drawn?.start}
      data-end={drawn?.end}
      data-draws={drawn?.draws ?? 0}
      data-bytes={drawn?.bytes ?? 0}
    >
      <canvas ref={canvas} style={{ width: '100%', height: HEIGHT }} aria-label="Spectrogram" />
      {note && <p className="muted small">{note}</p>}
    </div>
  );
}
