/**
 * What a flywheel configuration will make, before anything runs: the first
 * rows of round 1's plan (the same pure function the runner plans with),
 * taken in turn from each language, written and spoken side by side.
 */
import type { PreviewRow } from '../contract/generate.js';
import type { FlywheelConfig } from '../flywheel/config.js';
import { planRound, type PlannedClip } from '../flywheel/plan.js';

/** Above this many rows per language the preview plans a smaller job of the same shape. */
const PREVIEW_PLAN_CAP = 400;

function spans(tokens: PlannedClip['row']['entity_tokens']): PreviewRow['textSpans'] {
  return tokens.map((t) => ({ start: t.start, end: t.end, type: t.type, value: t.value ?? null }));
}

export function previewRows(
  config: FlywheelConfig,
  n: number,
): { total: number; rows: PreviewRow[] } {
  const total = config.languages.reduce((s, l) => s + l.count, 0);
  const capped: FlywheelConfig = {
    ...config,
    languages: config.languages.map((l) => ({ ...l, count: Math.min(l.count, PREVIEW_PLAN_CAP) })),
  };
  const byLang = new Map<string, PlannedClip[]>();
  for (const c of planRound(capped, 1, null)) {
    const list = byLang.get(c.lang) ?? [];
    list.push(c);
    byLang.set(c.lang, list);
  }
  const picked: PlannedClip[] = [];
  for (let i = 0; picked.length < n; i++) {
    let any = false;
    for (const list of byLang.values()) {
      if (i < list.length && picked.length < n) {
        picked.push(list[i]);
        any = true;
      }
    }
    if (!any) break;
  }
  return {
    total,
    rows: picked.map((c) => ({
      id: c.extId,
      lang: c.lang,
      split: c.split,
      entityClass: c.row.entity_class,
      system: c.system,
      text: c.row.text,
      spoken: c.row.spoken,
      textSpans: spans(c.row.entity_tokens),
      spokenSpans: spans(c.row.spoken_tokens),
    })),
  };
}
