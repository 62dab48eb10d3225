// Opening a 2-hour recording in the Player, in browser mode (charkha serve +
// Debian's Chromium). A deterministic speech-like 16 kHz mono 16-bit WAV is
// imported into a fresh project through the real CLI (which computes the
// cached peaks once, timed separately); then, 5 times on a fresh page, the
// app is loaded at #/library, the recording's row is clicked as soon as it
// appears, and the time from that click (the user opening the recording) until
// the waveform is drawn (ink on its canvases) AND the media element can play
// (`canplay`) is taken. Gate: every run (max) < 2 s. The time from navigation
// start (loading the app itself, then opening) is recorded beside it.
// Usage: npx tsx bench/player-open.bench.ts [--runs 5] [--minutes 120] [--keep]
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { recordBench } from './record.js';
import {
  VIEWPORT,
  launchChromium,
  load,
  niceness,
  round,
  serve,
  summary,
  timedCharkha,
} from './browser.js';
import { numberArg } from './args.js';

const RUNS = numberArg('--runs', 5);
const MINUTES = numberArg('--minutes', 120);
const GATE_MS = 2000;
const RATE = 16_000;

/** mulberry32: a tiny deterministic PRNG, so every run writes the same file. */
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

function wavHeader(frames: number): Buffer {
  const dataBytes = frames * 2;
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'ascii');
  h.writeUInt32LE(36 + dataBytes, 4);
  h.write('WAVE', 8, 'ascii');
  h.write('fmt ', 12, 'ascii');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20); // PCM
  h.writeUInt16LE(1, 22); // mono
  h.writeUInt32LE(RATE, 24);
  h.writeUInt32LE(RATE * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'ascii');
  h.writeUInt32LE(dataBytes, 40);
  return h;
}

/**
 * Writes the WAV header and then the samples a minute at a time: the whole
 * signal as Float32 would be 460 MB, which encodeWav would need in one piece.
 * The signal: "syllables" of low-passed noise under a 3–6 Hz envelope, in
 * words of 0.3–1.5 s, separated by pauses of 0.1–0.9 s, at varying loudness.
 */
function writeSpeechLikeWav(path: string, seconds: number): void {
  const frames = seconds * RATE;
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, wavHeader(frames));
    const rand = rng(20260101);
    const chunk = Buffer.alloc(RATE * 60 * 2);
    let inWord = false;
    let left = 0; // samples left in the current word or pause
    let gain = 0;
    let syll = 4; // syllable rate, Hz
    let lp = 0;
    let phase = 0;
    for (let done = 0; done < frames;) {
      const n = Math.min(RATE * 60, frames - done);
      for (let i = 0; i < n; i++) {
        if (left <= 0) {
          inWord = !inWord;
          left = Math.floor((inWord ? 0.3 + rand() * 1.2 : 0.1 + rand() * 0.8) * RATE);
          gain = inWord ? 0.15 + rand() * 0.6 : 0.004;
          syll = 3 + rand() * 3;
          phase = 0;
        }
        left--;
        phase += syll / RATE;
        const env = inWord ? Math.abs(Math.sin(Math.PI * phase)) : 1;
        lp += 0.35 * (rand() * 2 - 1 - lp); // one-pole low-pass: a darker, voice-like noise
        const s = Math.max(-1, Math.min(1, lp * 2.2 * gain * env));
        chunk.writeInt16LE(Math.round(s * 32767), i * 2);
      }
      writeSync(fd, chunk, 0, n * 2);
      done += n;
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Installed before the app's scripts: records every audio/video element the
 * page creates (wavesurfer's MediaElement backend makes its own <audio>, not
 * in the DOM) with the times of its first loadedmetadata and canplay; clicks
 * the first library row with a recording as soon as it appears; then each
 * frame checks the waveform's canvases for ink, like the e2e `waveformInk`.
 * Every time is performance.now(), i.e. ms since navigation start.
 */
const INIT = `(() => {
  const b = (window.__bench = { media: [], rowAt: null, inkAt: null, ink: 0, done: false });
  const create = Document.prototype.createElement;
  Document.prototype.createElement = function (tag, opts) {
    const el = create.call(this, tag, opts);
    const t = String(tag).toLowerCase();
    if (t === 'audio' || t === 'video') {
      const m = { el, metaAt: null, canplayAt: null };
      b.media.push(m);
      el.addEventListener('loadedmetadata', () => { if (m.metaAt === null) m.metaAt = performance.now(); });
      el.addEventListener('canplay', () => { if (m.canplayAt === null) m.canplayAt = performance.now(); });
    }
    return el;
  };
  const ink = () => {
    const host = document.querySelector('[data-testid="waveform"]');
    const root = host?.firstElementChild?.shadowRoot ?? host?.shadowRoot ?? null;
    const canvases = [...(root?.querySelectorAll('canvas') ?? []), ...(host?.querySelectorAll('canvas') ?? [])];
    let n = 0;
    for (const c of canvases) {
      if (c.width === 0 || c.height === 0) continue;
      const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
      if (!d) continue;
      for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
    }
    return n;
  };
  const tick = () => {
    if (b.rowAt === null) {
      const cell = document.querySelector('.vrow [data-utterance-id]');
      if (cell) {
        b.rowAt = performance.now();
        cell.closest('.vrow').click();
      }
    } else if (b.inkAt === null) {
      const n = ink();
      if (n > 500) { b.inkAt = performance.now(); b.ink = n; }
    }
    // The minimap plugin makes a second, src-less <audio>: the player's is the one that plays.
    const m = b.media.find((x) => x.canplayAt !== null);
    if (b.inkAt !== null && m) { b.done = true; return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

interface Bench {
  rowAt: number;
  inkAt: number;
  ink: number;
  metaAt: number | null;
  canplayAt: number | null;
  readyState: number;
  mediaCount: number;
  responseEnd: number;
  fcp: number | null;
  resources: { name: string; start: number; end: number; bytes: number }[];
}

async function openOnce(
  page: Page,
  url: string,
): Promise<Bench & { peaksBytes: number; peaksEncoding: string | null; peaksMs: number | null }> {
  let peaksBytes = 0;
  let peaksEncoding: string | null = null;
  let peaksMs: number | null = null;
  const peaksDone = new Promise<void>((resolve) => {
    page.on('response', (r) => {
      // The Player fetches binary peaks from the media route (the JSON call is
      // what it used before); the first response is the fitted view's level.
      if (!r.url().includes('/media/peaks/') && !r.url().includes('/api/audio.peaks')) return;
      peaksEncoding = r.headers()['content-encoding'] ?? null;
      void r
        .body()
        .then((b) => {
          peaksBytes = b.length;
          const t = r.request().timing();
          peaksMs = t.responseEnd >= 0 ? t.responseEnd : null;
        })
        .finally(resolve);
    });
  });
  await page.addInitScript({ content: INIT });
  await page.goto(`${url}#/library`);
  // A function, not a string: the app's CSP forbids eval, which a string predicate needs.
  await page
    .waitForFunction(
      () => (globalThis as unknown as { __bench?: { done: boolean } }).__bench?.done === true,
      null,
      { timeout: 60_000 },
    )
    .catch(async (e: unknown) => {
      // Say how far it got: which of row, ink, metadata, canplay never came.
      const state = await page.evaluate(() => {
        const b = (
          globalThis as unknown as {
            __bench?: Record<string, unknown> & {
              media: {
                el: { readyState: number; src: string; preload: string };
                metaAt: unknown;
                canplayAt: unknown;
              }[];
            };
          }
        ).__bench;
        return JSON.stringify({
          ...b,
          media: b?.media.map((m) => ({
            readyState: m.el.readyState,
            src: m.el.src,
            preload: m.el.preload,
            metaAt: m.metaAt,
            canplayAt: m.canplayAt,
          })),
        });
      });
      throw new Error(`the Player did not become ready: ${state}`, { cause: e });
    });
  await peaksDone;
  const b = (await page.evaluate(`(() => {
    const b = window.__bench;
    const m = b.media.find((x) => x.canplayAt !== null);
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { rowAt: b.rowAt, inkAt: b.inkAt, ink: b.ink, metaAt: m.metaAt, canplayAt: m.canplayAt,
      readyState: m.el.readyState, mediaCount: b.media.length, responseEnd: nav ? nav.responseEnd : 0,
      fcp: fcp ? fcp.startTime : null,
      // The engine calls and media requests, relative to navigation start: where the time goes.
      resources: performance.getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/') || e.name.includes('/media/'))
        .map((e) => ({ name: new URL(e.name).pathname, start: Math.round(e.startTime), end: Math.round(e.responseEnd), bytes: e.encodedBodySize })) };
  })()`)) as Bench;
  return { ...b, peaksBytes, peaksEncoding, peaksMs };
}

async function main(): Promise<void> {
  const cacheDir = join(tmpdir(), 'charkha-bench-player');
  mkdirSync(cacheDir, { recursive: true });
  const wav = join(cacheDir, `speech-${MINUTES}min.wav`);
  const expectBytes = 44 + MINUTES * 60 * RATE * 2;
  let wavMs = 0;
  // The file is deterministic, so a previous run's copy is reused (saves ~230 MB of writing).
  if (!existsSync(wav) || statSync(wav).size !== expectBytes) {
    const t0 = performance.now();
    writeSpeechLikeWav(wav, MINUTES * 60);
    wavMs = performance.now() - t0;
  }
  const manifest = join(cacheDir, 'manifest.jsonl');
  const text = 'दो घंटे की रिकॉर्डिंग, जिसमें पिन 530001 और ₹2,500 हैं';
  // Offsets are in code points, as the corpus format has them.
  const pinAt = Array.from(text.slice(0, text.indexOf('530001'))).length;
  writeFileSync(
    manifest,
    `${JSON.stringify({
      id: 'long_2h',
      lang: 'hi',
      text,
      entity_class: 'mixed',
      entity_tokens: [{ surface: '530001', start: pinAt, end: pinAt + 6, type: 'pincode' }],
      audio_path: `speech-${MINUTES}min.wav`,
    })}\n`,
  );

  const root = mkdtempSync(join(tmpdir(), 'charkha-bench-player-'));
  const project = join(root, 'p');
  const loadBeforeImport = load();
  timedCharkha(['project', 'init', project, '--json']);
  const imported = timedCharkha(['import', 'corpus', '-p', project, manifest, '--json']);
  process.stdout.write(
    `import corpus (1 row, ${MINUTES} min audio): ${(imported.ms / 1000).toFixed(1)} s\n`,
  );

  const server = await serve(project);
  const browser = await launchChromium();
  const runs: Awaited<ReturnType<typeof openOnce>>[] = [];
  const loads: number[][] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      // A fresh context per run: no HTTP cache, no media cache, nothing warm in the page.
      const context = await browser.newContext({ viewport: VIEWPORT });
      const page = await context.newPage();
      loads.push(load());
      const r = await openOnce(page, server.url);
      const readyAt = Math.max(r.inkAt, r.canplayAt ?? Number.POSITIVE_INFINITY);
      process.stdout.write(
        `run ${i + 1}: ready ${readyAt.toFixed(0)} ms (row ${r.rowAt.toFixed(0)}, ink ${r.inkAt.toFixed(0)}, ` +
          `metadata ${r.metaAt?.toFixed(0)}, canplay ${r.canplayAt?.toFixed(0)}; peaks ${r.peaksBytes} B) load ${loads[i].join(' ')}\n`,
      );
      runs.push(r);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }

  const ready = runs.map((r) => Math.max(r.inkAt, r.canplayAt ?? Number.POSITIVE_INFINITY));
  const readySummary = summary(ready);
  const openSummary = summary(runs.map((r, i) => ready[i] - r.rowAt));
  const pass = openSummary.max < GATE_MS;
  const importJson = JSON.parse(imported.stdout) as unknown;
  recordBench('player-open', {
    gate: `click on the recording → waveform drawn AND media canplay: every run (max) < ${GATE_MS} ms`,
    pass,
    audio: {
      minutes: MINUTES,
      sampleRate: RATE,
      bitsPerSample: 16,
      channels: 1,
      bytes: expectBytes,
      writeMs: Math.round(wavMs),
    },
    importCorpusMs: Math.round(imported.ms),
    importCorpusOutput: importJson,
    loadBeforeImport,
    runs: RUNS,
    openToReadyMs: openSummary,
    navigationToReadyMs: readySummary,
    phasesMs: {
      firstRowClickable: summary(runs.map((r) => r.rowAt)),
      firstContentfulPaint: summary(runs.map((r) => r.fcp ?? Number.NaN)),
      peaksRequestDuration: summary(runs.map((r) => r.peaksMs ?? Number.NaN)),
      waveformInk: summary(runs.map((r) => r.inkAt)),
      mediaLoadedMetadata: summary(runs.map((r) => r.metaAt ?? Number.NaN)),
      mediaCanPlay: summary(runs.map((r) => r.canplayAt ?? Number.NaN)),
    },
    perRun: runs.map((r, i) => ({
      openToReadyMs: round(ready[i] - r.rowAt),
      navigationToReadyMs: round(ready[i]),
      rowClickedMs: round(r.rowAt),
      inkMs: round(r.inkAt),
      inkPixels: r.ink,
      metadataMs: r.metaAt === null ? null : round(r.metaAt),
      canplayMs: r.canplayAt === null ? null : round(r.canplayAt),
      readyState: r.readyState,
      requests: r.resources,
      loadavg: loads[i],
    })),
    peaksPayload: {
      bytes: runs[0]?.peaksBytes ?? 0,
      contentEncoding: runs[0]?.peaksEncoding ?? null,
    },
    niceness: niceness(),
    loadavgAfter: load(),
  });
  process.stdout.write(
    `open → ready median ${openSummary.median} ms, max ${openSummary.max} ms (gate < ${GATE_MS} ms): ${pass ? 'PASS' : 'FAIL'}; ` +
      `navigation → ready median ${readySummary.median} ms, max ${readySummary.max} ms\n`,
  );
  if (!process.argv.includes('--keep')) rmSync(root, { recursive: true, force: true });
  else process.stdout.write(`project kept at ${project}\n`);
  if (!pass) process.exitCode = 1;
}

await main();
