// Scrolling the Library through 100k utterances in browser mode (charkha
// serve + Debian's Chromium). A deterministic JSONL of 100k hi/te/ta rows
// with entity spans is imported through the real `charkha import corpus`
// (timed); then a requestAnimationFrame loop in the page records every
// frame's duration while the list is scrolled: wheel events of 120 px, one
// per frame, for ~10 s; keyboard PageDown/End/Home; jumps to far positions
// as a scrollbar drag makes them. Gate: p99 frame < 50 ms.
// Usage: npx tsx bench/library-scroll.bench.ts [--n 100000] [--wheel-s 10] [--reuse]
//   --reuse keeps the imported project under the temp folder and uses it next time.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { recordBench } from './record.js';
import {
  VIEWPORT,
  byPhase,
  frameRecorder,
  launchChromium,
  load,
  markFrames,
  nextFrame,
  niceness,
  round,
  serve,
  startFrames,
  stopFrames,
  summary,
  timedCharkha,
  type FrameLog,
} from './browser.js';
import { numberArg } from './args.js';

const N = numberArg('--n', 100_000);
const WHEEL_S = numberArg('--wheel-s', 10);
const REUSE = process.argv.includes('--reuse');
const GATE_MS = 50;
/** --css RULES: extra CSS injected before the app runs, for trying a fix without a rebuild (recorded). */
const cssAt = process.argv.indexOf('--css');
const EXTRA_CSS = cssAt >= 0 ? process.argv[cssAt + 1] : null;

/** mulberry32: a tiny deterministic PRNG, so every run imports the same corpus. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Lang = 'hi' | 'te' | 'ta';

/** Words of a few everyday sentences per language: fillers between the entities. */
const WORDS: Record<Lang, string[]> = {
  hi: 'मेरा नंबर है कृपया पैसे भेजो आज शाम तक मेरे घर का पता लिखो बैंक खाते में जमा करो दुकान से सामान लाना है कल सुबह मिलते हैं'.split(
    ' ',
  ),
  te: 'నా ఫోన్ నంబర్ ఇది దయచేసి డబ్బు పంపండి ఈ రోజు సాయంత్రం మా ఇంటి చిరునామా రాయండి బ్యాంకు ఖాతాలో జమ చేయండి రేపు ఉదయం కలుద్దాం'.split(
    ' ',
  ),
  ta: 'என் தொலைபேசி எண் இது தயவுசெய்து பணம் அனுப்புங்கள் இன்று மாலை எங்கள் வீட்டு முகவரி எழுதுங்கள் வங்கி கணக்கில் செலுத்துங்கள் நாளை காலை சந்திப்போம்'.split(
    ' ',
  ),
};
const PLACES: Record<Lang, string[]> = {
  hi: ['दिल्ली', 'मुंबई', 'लखनऊ', 'पटना', 'जयपुर'],
  te: ['హైదరాబాద్', 'విజయవాడ', 'వరంగల్', 'నిజామాబాద్'],
  ta: ['சென்னை', 'மதுரை', 'கோயம்புத்தூர்', 'திருச்சி'],
};
const PEOPLE: Record<Lang, string[]> = {
  hi: ['राहुल', 'सुनीता', 'अमित', 'प्रिया'],
  te: ['రాము', 'లక్ష్మి', 'శ్రీనివాస్', 'సీత'],
  ta: ['முருகன்', 'கவிதா', 'செல்வம்', 'மீனா'],
};
const BRANDS = ['Paytm', 'Flipkart', 'Swiggy', 'Zomato', 'PhonePe', 'Amazon'];
const CLASS_OF: Record<string, string> = {
  phone: 'digits',
  pincode: 'addresses',
  amount: 'currency',
  digit_run: 'digits',
  brand: 'brands',
  place: 'proper_nouns',
  proper_noun: 'proper_nouns',
  date: 'dates_times',
};

function makeRow(i: number, rand: () => number): string {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];
  const lang = (['hi', 'te', 'ta'] as const)[i % 3];
  const entity = (): { surface: string; type: string } => {
    const k = Math.floor(rand() * 8);
    const digits = (n: number) =>
      Array.from({ length: n }, (_, j) =>
        String(Math.floor(rand() * (j ? 10 : 9)) + (j ? 0 : 1)),
      ).join('');
    switch (k) {
      case 0:
        return { surface: `9${digits(9)}`, type: 'phone' };
      case 1:
        return { surface: digits(6), type: 'pincode' };
      case 2:
        return { surface: `₹${Math.floor(rand() * 99_000) + 10}`, type: 'amount' };
      case 3:
        return { surface: digits(4 + Math.floor(rand() * 5)), type: 'digit_run' };
      case 4:
        return { surface: pick(BRANDS), type: 'brand' };
      case 5:
        return { surface: pick(PLACES[lang]), type: 'place' };
      case 6:
        return { surface: pick(PEOPLE[lang]), type: 'proper_noun' };
      default:
        return {
          surface: `${1 + Math.floor(rand() * 28)}/${1 + Math.floor(rand() * 12)}/20${20 + Math.floor(rand() * 9)}`,
          type: 'date',
        };
    }
  };
  const nWords = 4 + Math.floor(rand() * 12);
  const nEnt = 1 + Math.floor(rand() * 3);
  const slots = new Set<number>();
  while (slots.size < nEnt) slots.add(Math.floor(rand() * (nWords + 1)));
  const parts: string[] = [];
  const spans: { surface: string; start: number; end: number; type: string }[] = [];
  let at = 0; // code points so far: the corpus format's offsets are code points
  for (let w = 0; w <= nWords; w++) {
    const tokens: { s: string; e?: string }[] = [];
    if (slots.has(w)) {
      const e = entity();
      tokens.push({ s: e.surface, e: e.type });
    }
    if (w < nWords) tokens.push({ s: pick(WORDS[lang]) });
    for (const t of tokens) {
      if (parts.length) at += 1;
      const len = Array.from(t.s).length;
      if (t.e) spans.push({ surface: t.s, start: at, end: at + len, type: t.e });
      parts.push(t.s);
      at += len;
    }
  }
  const r = rand();
  return JSON.stringify({
    id: `bench_${lang}_${String(i).padStart(6, '0')}`,
    lang,
    entity_class: CLASS_OF[spans[0].type],
    text: parts.join(' '),
    entity_tokens: spans,
    split: r < 0.8 ? 'train' : r < 0.9 ? 'dev' : 'test',
    source: 'bench',
  });
}

function writeCorpus(path: string, n: number): void {
  const rand = rng(1000 + n);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(makeRow(i, rand));
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/**
 * Installed before the app's scripts: besides each frame's duration, the
 * rows in the DOM and the placeholder rows (pages not loaded yet), so a slow
 * frame can be told from a slow page fetch.
 */
const INIT = frameRecorder({
  rows: `document.querySelectorAll('.vrow').length`,
  blank: `document.querySelectorAll('.vrow .placeholder').length`,
});

const scrollTop = async (page: Page) =>
  Number(await page.evaluate(`document.querySelector('.vlist').scrollTop`));

function frameStats(deltas: number[]): Record<string, number> {
  const s = summary(deltas);
  const over = deltas.filter((d) => d > GATE_MS).length;
  return { ...s, over50: over, over50Share: round(over / Math.max(1, deltas.length), 4) };
}

/** Waits until every row in view is filled (no placeholders), returning how long that took. */
async function fillTime(page: Page): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const blank = Number(
      await page.evaluate(`document.querySelectorAll('.vrow .placeholder').length`),
    );
    if (blank === 0) return performance.now() - t0;
    if (performance.now() - t0 > 10_000) return Number.NaN;
    await page.waitForTimeout(10);
  }
}

async function scrollSession(page: Page): Promise<{
  frames: FrameLog;
  wheel: Record<string, number>;
  gesture: Record<string, number>;
  jumpFillMs: number[];
  mainThread: Record<string, Record<string, number>>;
}> {
  const box = await page.locator('.vlist').boundingBox();
  if (!box) throw new Error('the utterance list is not on screen');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const cdp = await page.context().newCDPSession(page);
  // Main-thread busy time per phase (Performance.getMetrics): tells frames lost to the
  // page's own work from frames lost to a CPU shared with other jobs.
  await cdp.send('Performance.enable');
  const busy: { name: string; metrics: Record<string, number> }[] = [];
  const snapshot = async () =>
    Object.fromEntries(
      (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
    ) as Record<string, number>;
  // CPU time actually consumed by the renderer processes (not wall time, which on a
  // loaded machine includes time the thread waited to be scheduled).
  const browserCdp = await page.context().browser()!.newBrowserCDPSession();
  const rendererCpu = async () => {
    const info = (await browserCdp.send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; cpuTime: number }[];
    };
    return info.processInfo.filter((p) => p.type === 'renderer').reduce((a, p) => a + p.cpuTime, 0);
  };
  const mark = async (name: string) => {
    await markFrames(page, name);
    busy.push({ name, metrics: { ...(await snapshot()), RendererCpu: await rendererCpu() } });
  };
  await startFrames(page);

  // 1. Wheel: 120 px per frame (a notch per frame: a fast, sustained flick) for WHEEL_S seconds.
  await mark('wheel');
  const wheelStart = performance.now();
  let wheels = 0;
  while (performance.now() - wheelStart < WHEEL_S * 1000) {
    await page.mouse.wheel(0, 120);
    wheels++;
    await nextFrame(page);
  }
  const wheelMs = performance.now() - wheelStart;
  const wheeled = await scrollTop(page);

  // 1b. The same speed as one continuous gesture that Chromium itself synthesizes
  // (CDP Input.synthesizeScrollGesture): from Node, each wheel above is a
  // round trip, which on a loaded 2-core machine can be slower than a frame.
  await mark('gesture');
  const gestureFrom = await scrollTop(page);
  const gestureStart = performance.now();
  await cdp.send('Input.synthesizeScrollGesture', {
    x: Math.round(box.x + box.width / 2),
    y: Math.round(box.y + box.height / 2),
    yDistance: -120 * 60 * WHEEL_S,
    speed: 120 * 60,
    gestureSourceType: 'mouse',
    preventFling: true,
  });
  const gestureMs = performance.now() - gestureStart;
  const gesturePx = (await scrollTop(page)) - gestureFrom;

  // 2. Keyboard: PageDown a screen at a time, then End, Home, End (100k rows away).
  await mark('keyboard');
  await page.evaluate(`document.querySelector('.vlist').focus()`);
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press('PageDown');
    await nextFrame(page);
  }
  for (const key of ['End', 'Home', 'End']) {
    await page.keyboard.press(key);
    await fillTime(page);
    await page.waitForTimeout(200);
  }

  // 3. Jumps, as dragging the scrollbar thumb makes them: far positions in one frame each.
  await mark('jumps');
  const jumpFillMs: number[] = [];
  for (const at of [0.5, 0.1, 0.9, 0.33, 0.66, 0.05, 0.95, 0.25, 0.75, 0]) {
    await page.evaluate(
      `(() => { const el = document.querySelector('.vlist'); el.scrollTop = ${at} * (el.scrollHeight - el.clientHeight); })()`,
    );
    jumpFillMs.push(await fillTime(page));
    await page.waitForTimeout(150);
  }

  // 4. The thumb itself, dragged top to bottom with the mouse, where the scrollbar takes space.
  const bar = (await page.evaluate(
    `(() => { const el = document.querySelector('.vlist'); return el.offsetWidth - el.clientWidth; })()`,
  )) as number;
  if (bar > 0) {
    await mark('thumb-drag');
    const x = box.x + box.width - bar / 2;
    await page.mouse.move(x, box.y + 3);
    await page.mouse.down();
    for (let s = 1; s <= 60; s++) {
      await page.mouse.move(x, box.y + 3 + ((box.height - 6) * s) / 60);
      await nextFrame(page);
    }
    await page.mouse.up();
    await fillTime(page);
  }
  const frames = await stopFrames(page);
  busy.push({ name: 'end', metrics: { ...(await snapshot()), RendererCpu: await rendererCpu() } });
  await cdp.detach();
  await browserCdp.detach();
  const mainThread: Record<string, Record<string, number>> = {};
  for (let i = 0; i < busy.length - 1; i++) {
    const a = busy[i].metrics;
    const b = busy[i + 1].metrics;
    const wall = b.Timestamp - a.Timestamp;
    mainThread[busy[i].name] = {
      wallS: round(wall, 2),
      taskS: round(b.TaskDuration - a.TaskDuration, 2),
      scriptS: round(b.ScriptDuration - a.ScriptDuration, 2),
      layoutS: round(b.LayoutDuration - a.LayoutDuration, 2),
      styleS: round(b.RecalcStyleDuration - a.RecalcStyleDuration, 2),
      busyShare: round((b.TaskDuration - a.TaskDuration) / wall, 3),
      rendererCpuS: round(b.RendererCpu - a.RendererCpu, 2),
    };
  }
  return {
    frames,
    wheel: {
      events: wheels,
      ms: Math.round(wheelMs),
      px: wheeled,
      pxPerEvent: round(wheeled / Math.max(1, wheels)),
    },
    gesture: {
      ms: Math.round(gestureMs),
      px: gesturePx,
      pxPerSecond: Math.round(gesturePx / (gestureMs / 1000)),
    },
    jumpFillMs,
    mainThread,
  };
}

async function main(): Promise<void> {
  const cache = join(tmpdir(), `charkha-bench-library-${N}`);
  const root = REUSE ? cache : mkdtempSync(join(tmpdir(), 'charkha-bench-library-'));
  mkdirSync(root, { recursive: true });
  const project = join(root, 'p');
  const sidecar = join(root, 'import.json');
  let importInfo: { ms: number; output: unknown; loadavg: number[]; reused: boolean };
  if (REUSE && existsSync(sidecar) && existsSync(project)) {
    importInfo = {
      ...(JSON.parse(readFileSync(sidecar, 'utf8')) as typeof importInfo),
      reused: true,
    };
  } else {
    rmSync(project, { recursive: true, force: true });
    const corpus = join(root, 'corpus.jsonl');
    writeCorpus(corpus, N);
    timedCharkha(['project', 'init', project, '--json']);
    const before = load();
    const r = timedCharkha([
      'import',
      'corpus',
      '-p',
      project,
      corpus,
      '--without-audio',
      '--json',
    ]);
    importInfo = {
      ms: Math.round(r.ms),
      output: JSON.parse(r.stdout) as unknown,
      loadavg: before,
      reused: false,
    };
    writeFileSync(sidecar, JSON.stringify(importInfo));
  }
  process.stdout.write(
    `import corpus (${N} rows): ${(importInfo.ms / 1000).toFixed(1)} s${importInfo.reused ? ' (earlier run)' : ''}\n`,
  );

  const server = await serve(project);
  const browser = await launchChromium();
  let result: Awaited<ReturnType<typeof scrollSession>>;
  let countText: string | null;
  let rowsAtRest: number;
  const loadBefore = load();
  try {
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    await page.addInitScript({ content: INIT });
    if (EXTRA_CSS)
      await page.addInitScript({
        content: `document.addEventListener('DOMContentLoaded', () => { const s = document.createElement('style'); s.textContent = ${JSON.stringify(EXTRA_CSS)}; document.head.append(s); });`,
      });
    await page.goto(`${server.url}#/library`);
    await page
      .getByTestId('library-count')
      .filter({ hasText: N.toLocaleString('en-US') })
      .waitFor({ timeout: 60_000 });
    countText = await page.getByTestId('library-count').textContent();
    await fillTime(page);
    rowsAtRest = await page.locator('.vrow').count();
    result = await scrollSession(page);
    await context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
  const loadAfter = load();

  const { frames } = result;
  const phases = byPhase(frames, frameStats);
  const all = frameStats(frames.deltas);
  const worst = frames.deltas.indexOf(Math.max(...frames.deltas));
  const phaseOfWorst = [...frames.marks].reverse().find(([, at]) => at <= worst)?.[0] ?? null;
  const pass = all.p99 < GATE_MS;
  recordBench('library-scroll', {
    gate: `p99 frame < ${GATE_MS} ms over the whole session`,
    pass,
    utterances: N,
    extraCss: EXTRA_CSS,
    countShown: countText,
    importCorpus: importInfo,
    frameMs: all,
    phases,
    mainThreadPerPhase: result.mainThread,
    worstFrame: { ms: round(frames.deltas[worst]), phase: phaseOfWorst, index: worst },
    longTasksMs: summary(frames.longtasks.length ? frames.longtasks : [0]),
    longTasksOver50: frames.longtasks.filter((d) => d > 50).length,
    wheel: result.wheel,
    gesture: result.gesture,
    jumpFillMs: result.jumpFillMs.map((m) => round(m)),
    domRows: {
      atRest: rowsAtRest,
      maxWhileScrolling: Math.max(...frames.samples.rows),
      framesWithPlaceholders: frames.samples.blank.filter((b) => b > 0).length,
    },
    viewport: VIEWPORT,
    loadavgBefore: loadBefore,
    niceness: niceness(),
    loadavgAfter: loadAfter,
  });
  process.stdout.write(
    `${frames.deltas.length} frames: p50 ${all.median} p95 ${all.p95} p99 ${all.p99} max ${all.max} ms, ` +
      `${(all.over50Share * 100).toFixed(2)}% over 50 ms (worst in ${phaseOfWorst}); rows in DOM ≤ ${Math.max(...frames.samples.rows)}; ` +
      `gate p99 < ${GATE_MS} ms: ${pass ? 'PASS' : 'FAIL'}; load ${loadBefore.join(' ')} → ${loadAfter.join(' ')}\n`,
  );
  for (const [name, s] of Object.entries(phases))
    process.stdout.write(
      `  ${name}: n ${s.n} p50 ${s.median} p95 ${s.p95} p99 ${s.p99} max ${s.max}; main thread ${JSON.stringify(result.mainThread[name])}\n`,
    );
  if (!REUSE) rmSync(root, { recursive: true, force: true });
  if (!pass) process.exitCode = 1;
}

await main();
