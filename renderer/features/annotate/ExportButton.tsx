import { useState } from 'react';
import type { EXPORT_FORMATS } from '../../../native/contract/annotations.js';
import { useBridge } from '../../app/bridge-context.js';
import { toEngineError, type EngineError } from '../../bridge/engine-error.js';

type Format = (typeof EXPORT_FORMATS)[number];

const FORMAT_NAMES: Record<Format, string> = {
  eaf: 'ELAN (.eaf)',
  textgrid: 'Praat TextGrid',
  srt: 'SRT subtitles',
  vtt: 'WebVTT',
  tsv: 'ELAN tab-delimited',
  csv: 'CSV',
  audacity: 'Audacity labels',
};

function download(fileName: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The recording's tiers as a file for ELAN, Praat or a subtitle tool, as `charkha export annotations` writes it. */
export function ExportButton({
  audioId,
  beforeExport,
  onError,
}: {
  audioId: number;
  /** Typing not yet saved goes to the project first, so the file has it. */
  beforeExport: () => Promise<void>;
  onError: (e: EngineError) => void;
}) {
  const bridge = useBridge();
  const [format, setFormat] = useState<Format>('eaf');
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await beforeExport();
      const out = await bridge.call('annotations.export', { audioId, format });
      download(out.fileName, out.base64);
    } catch (e) {
      onError(toEngineError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="export">
      <select
        value={format}
        onChange={(e) => setFormat(e.target.value as Format)}
        aria-label="Export format"
      >
        {(Object.keys(FORMAT_NAMES) as Format[]).map((f) => (
          <option key={f} value={f}>
            {FORMAT_NAMES[f]}
          </option>
        ))}
      </select>
      <button type="button" className="btn btn-small" disabled={busy} onClick={() => void run()}>
        Export
      </button>
    </span>
  );
}
