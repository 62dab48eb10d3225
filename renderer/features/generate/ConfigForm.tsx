import type { ApiResponse } from '../../../native/contract/index.js';
import type { ExportRow, FormConfig, LangRow } from './form-config.js';
import { VoiceList } from './VoiceList.js';

type Options = ApiResponse<'generate.options'>;

function NumberField({
  label,
  value,
  onChange,
  step,
  min,
  max,
  name,
}: {
  label: string;
  value: number;
  onChange: (n: number) => void;
  step?: number;
  min?: number;
  max?: number;
  name?: string;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        type="number"
        name={name}
        className="text-input narrow"
        value={Number.isFinite(value) ? value : ''}
        step={step}
        min={min}
        max={max}
        onChange={(e) => onChange(e.target.value === '' ? NaN : Number(e.target.value))}
      />
    </label>
  );
}

function PresetSelect({
  label,
  value,
  presets,
  onChange,
}: {
  label: string;
  value: unknown;
  presets: string[];
  onChange: (v: unknown) => void;
}) {
  const custom = typeof value !== 'string';
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select
        value={custom ? '(custom)' : value}
        onChange={(e) => e.target.value !== '(custom)' && onChange(e.target.value)}
      >
        {custom && <option value="(custom)">custom chain (as saved)</option>}
        {presets.map((p) => (
          <option key={p}>{p}</option>
        ))}
      </select>
    </label>
  );
}

/** Every part of a flywheel configuration, as the YAML file names it. */
export function ConfigForm({
  value,
  options,
  onChange,
}: {
  value: FormConfig;
  options: Options;
  onChange: (c: FormConfig) => void;
}) {
  const set = <K extends keyof FormConfig>(k: K, v: FormConfig[K]) =>
    onChange({ ...value, [k]: v });
  const setLang = (i: number, l: LangRow) =>
    set(
      'languages',
      value.languages.map((x, j) => (j === i ? l : x)),
    );
  const setExport = (i: number, e: ExportRow) =>
    set(
      'exports',
      value.exports.map((x, j) => (j === i ? e : x)),
    );
  const firstLang = value.languages[0]?.lang ?? 'hi';
  const classes = value.classes ?? [];
  return (
    <div className="gen-form">
      <section className="card gen-card" aria-labelledby="job-head">
        <h2 id="job-head" className="card-title">
          Job
        </h2>
        <div className="filters">
          <label className="field">
            <span className="field-label">Name (prefix of every id)</span>
            <input
              name="name"
              className="text-input mono"
              value={value.name}
              onChange={(e) => set('name', e.target.value)}
            />
          </label>
          <NumberField label="Seed" value={value.seed} onChange={(n) => set('seed', n)} />
          <NumberField
            label="Test share"
            value={value.test_share}
            step={0.05}
            min={0}
            max={0.9}
            onChange={(n) => set('test_share', n)}
          />
          <NumberField
            label="Rounds"
            value={value.rounds}
            min={1}
            max={50}
            onChange={(n) => set('rounds', n)}
          />
        </div>
      </section>

      <section className="card gen-card" aria-labelledby="lang-head">
        <h2 id="lang-head" className="card-title">
          Languages and counts
        </h2>
        <table className="form-table">
          <thead>
            <tr>
              <th scope="col">Language</th>
              <th scope="col">Rows</th>
              <th scope="col">ASR model (transcribe, score, filter)</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {value.languages.map((l, i) => (
              <tr key={i}>
                <td>
                  <select
                    aria-label={`Language ${i + 1}`}
                    value={l.lang}
                    onChange={(e) => setLang(i, { ...l, lang: e.target.value })}
                  >
                    {[...new Set([...options.languages, l.lang])].map((x) => (
                      <option key={x}>{x}</option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="number"
                    aria-label={`Rows of ${l.lang}`}
                    className="text-input narrow"
                    min={1}
                    value={Number.isFinite(l.count) ? l.count : ''}
                    onChange={(e) =>
                      setLang(i, {
                        ...l,
                        count: e.target.value === '' ? NaN : Number(e.target.value),
                      })
                    }
                  />
                </td>
                <td>
                  <select
                    className="asr"
                    aria-label={`ASR model of ${l.lang}`}
                    value={l.asr_model ?? '(none)'}
                    onChange={(e) =>
                      setLang(i, {
                        ...l,
                        asr_model: e.target.value === '(none)' ? null : e.target.value,
                      })
                    }
                  >
                    <option value="auto">auto (the model made for {l.lang})</option>
                    <option value="(none)">none: generate and synthesise only</option>
                    {options.asrModels
                      .filter((m) => m.languages.includes(l.lang) || m.id === l.asr_model)
                      .map((m) => (
                        <option key={m.id} value={m.id}>
                          {m.id}
                        </option>
                      ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    className="btn btn-small btn-quiet"
                    aria-label={`Remove ${l.lang}`}
                    disabled={value.languages.length <= 1}
                    onClick={() =>
                      set(
                        'languages',
                        value.languages.filter((_, j) => j !== i),
                      )
                    }
                  >
                    ✕
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            set('languages', [
              ...value.languages,
              {
                lang:
                  options.languages.find((x) => !value.languages.some((l) => l.lang === x)) ?? 'hi',
                count: 20,
                asr_model: 'auto',
              },
            ])
          }
        >
          + Language
        </button>
        <fieldset className="classes">
          <legend>
            Entity classes <span className="muted small">(none ticked: all, evenly)</span>
          </legend>
          {options.classes.map((c) => (
            <label key={c} className="check">
              <input
                type="checkbox"
                checked={classes.includes(c)}
                onChange={(e) =>
                  set(
                    'classes',
                    e.target.checked ? [...classes, c] : classes.filter((x) => x !== c),
                  )
                }
              />
              {c}
            </label>
          ))}
        </fieldset>
      </section>

      <section className="card gen-card" aria-labelledby="tts-head">
        <h2 id="tts-head" className="card-title">
          Voices <span className="muted small">(espeak-ng; ▶ speaks a {firstLang} sample)</span>
        </h2>
        <VoiceList
          label="Training voices"
          voices={value.tts.train_voices}
          variants={options.variants}
          lang={firstLang}
          onChange={(v) => set('tts', { ...value.tts, train_voices: v })}
        />
        <VoiceList
          label="Test voices (held out)"
          voices={value.tts.test_voices}
          variants={options.variants}
          lang={firstLang}
          onChange={(v) => set('tts', { ...value.tts, test_voices: v })}
        />
        <div className="filters">
          <PresetSelect
            label="Augment training clips"
            value={value.augment.train}
            presets={options.augmentPresets}
            onChange={(v) => set('augment', { ...value.augment, train: v })}
          />
          <PresetSelect
            label="Augment test clips"
            value={value.augment.test}
            presets={options.augmentPresets}
            onChange={(v) => set('augment', { ...value.augment, test: v })}
          />
        </div>
      </section>

      <section className="card gen-card" aria-labelledby="filter-head">
        <h2 id="filter-head" className="card-title">
          Round-trip filter
        </h2>
        <div className="filters">
          <label className="check">
            <input
              type="checkbox"
              checked={value.filter.enabled}
              onChange={(e) => set('filter', { ...value.filter, enabled: e.target.checked })}
            />
            Filter on
          </label>
          <NumberField
            label="CER at most"
            value={value.filter.cer_max}
            step={0.05}
            min={0}
            onChange={(n) => set('filter', { ...value.filter, cer_max: n })}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={value.filter.require_entity_hit}
              onChange={(e) =>
                set('filter', { ...value.filter, require_entity_hit: e.target.checked })
              }
            />
            Every entity must be a hit
          </label>
          {(['train', 'test'] as const).map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={value.filter.splits.includes(s)}
                onChange={(e) =>
                  set('filter', {
                    ...value.filter,
                    splits: e.target.checked
                      ? [...value.filter.splits, s]
                      : value.filter.splits.filter((x) => x !== s),
                  })
                }
              />
              filter {s}
            </label>
          ))}
        </div>
        <h3 className="sub-title">Exports</h3>
        {value.exports.length === 0 && (
          <p className="muted small">No exports: the data stays in the project.</p>
        )}
        {value.exports.map((e, i) => (
          <div className="row" key={i}>
            <select
              aria-label={`Export ${i + 1} format`}
              value={e.format}
              onChange={(x) => setExport(i, { ...e, format: x.target.value })}
            >
              {options.exportFormats.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
            <select
              aria-label={`Export ${i + 1} split`}
              value={e.split ?? ''}
              onChange={(x) => {
                const { split: _s, ...rest } = e;
                const v = x.target.value;
                setExport(i, v === 'train' || v === 'test' ? { ...rest, split: v } : rest);
              }}
            >
              <option value="">both splits</option>
              <option value="train">train</option>
              <option value="test">test</option>
            </select>
            <label className="check">
              <input
                type="checkbox"
                checked={e.kept_only}
                onChange={(x) => setExport(i, { ...e, kept_only: x.target.checked })}
              />
              kept clips only
            </label>
            <button
              type="button"
              className="btn btn-small btn-quiet"
              aria-label={`Remove export ${i + 1}`}
              onClick={() =>
                set(
                  'exports',
                  value.exports.filter((_, j) => j !== i),
                )
              }
            >
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn-small"
          onClick={() => set('exports', [...value.exports, { format: 'nemo', kept_only: true }])}
        >
          + Export
        </button>
      </section>
    </div>
  );
}
