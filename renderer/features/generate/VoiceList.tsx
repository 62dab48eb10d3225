import { useRef, useState } from 'react';
import { useBridge } from '../../app/bridge-context.js';
import { toEngineError, type EngineError } from '../../bridge/engine-error.js';
import type { VoiceRow } from './form-config.js';

/** Plays a sample sentence in `lang` spoken by the voice (synthesised by the engine, not stored). */
function PlayButton({ lang, voice }: { lang: string; voice: VoiceRow }) {
  const bridge = useBridge();
  const audio = useRef<HTMLAudioElement | null>(null);
  const [state, setState] = useState<'idle' | 'busy' | 'playing'>('idle');
  const [error, setError] = useState<EngineError | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const play = async () => {
    setState('busy');
    setError(null);
    try {
      const r = await bridge.call('generate.sample', { lang, ...voice });
      const bytes = Uint8Array.from(atob(r.wavBase64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: 'audio/wav' }));
      audio.current?.pause();
      const a = new Audio(url);
      audio.current = a;
      a.onended = () => {
        setState('idle');
        URL.revokeObjectURL(url);
      };
      setSaid(r.text);
      setState('playing');
      await a.play();
    } catch (e) {
      setError(toEngineError(e));
      setState('idle');
    }
  };
  return (
    <>
      <button
        type="button"
        className="btn btn-small play"
        aria-label={`Play a ${lang} sample in voice ${voice.variant ?? 'default'}`}
        title={said ?? 'Synthesise and play a sample sentence'}
        disabled={state === 'busy' || !lang}
        onClick={() => void play()}
        data-state={state}
      >
        {state === 'busy' ? '…' : state === 'playing' ? '♪' : '▶'}
      </button>
      {error && <span className="field-error">{error.message}</span>}
    </>
  );
}

/** One split's espeak-ng voices: variant, rate and pitch, each with a play button. */
export function VoiceList({
  label,
  voices,
  variants,
  lang,
  onChange,
}: {
  label: string;
  voices: VoiceRow[];
  variants: string[];
  lang: string;
  onChange: (v: VoiceRow[]) => void;
}) {
  const set = (i: number, v: VoiceRow) => onChange(voices.map((x, j) => (j === i ? v : x)));
  const numOrUndef = (s: string) => (s.trim() === '' ? undefined : Number(s));
  return (
    <fieldset className="voice-list">
      <legend>{label}</legend>
      {voices.map((v, i) => (
        <div className="row" key={i}>
          <label className="field">
            <span className="field-label">Variant</span>
            <select
              value={v.variant ?? ''}
              onChange={(e) => set(i, { ...v, variant: e.target.value || undefined })}
            >
              <option value="">default</option>
              {variants.map((x) => (
                <option key={x}>{x}</option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Rate (wpm)</span>
            <input
              type="number"
              className="text-input narrow"
              min={80}
              max={450}
              placeholder="175"
              value={v.rate ?? ''}
              onChange={(e) => set(i, { ...v, rate: numOrUndef(e.target.value) })}
            />
          </label>
          <label className="field">
            <span className="field-label">Pitch</span>
            <input
              type="number"
              className="text-input narrow"
              min={0}
              max={99}
              placeholder="50"
              value={v.pitch ?? ''}
              onChange={(e) => set(i, { ...v, pitch: numOrUndef(e.target.value) })}
            />
          </label>
          <PlayButton lang={lang} voice={v} />
          <button
            type="button"
            className="btn btn-small btn-quiet"
            aria-label={`Remove voice ${i + 1}`}
            disabled={voices.length <= 1}
            onClick={() => onChange(voices.filter((_, j) => j !== i))}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() =>
          onChange([
            ...voices,
            { variant: variants.find((x) => !voices.some((v) => v.variant === x)) },
          ])
        }
      >
        + Voice
      </button>
    </fieldset>
  );
}
