import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { decodeWav, encodeWav } from '../../native/audio/wav.js';
import { saveEnv } from '../helpers/env.js';
import { charkha, repoRoot, serve, type Served } from './fixtures/charkha-cli.js';
import { snap } from './fixtures/page-helpers.js';
import { expect, MANIFEST, test } from './fixtures/test.js';

const ASR_FIXTURE = join(repoRoot, 'tests/fixtures/models/wav2vec2-ctc-tiny');
const MODEL = 'wav2vec2-ctc-tiny';
const RATE = 16_000;

/**
 * A recording nobody has annotated: two native Telugu utterances with a
 * second of silence before, between and after (new bytes, so a new
 * recording with no utterances; the engine reads its language as Hindi,
 * which the fixture model covers).
 */
function unsegmentedRecording(out: string): void {
  const dir = dirname(MANIFEST);
  const speech = ['01.wav', '02.wav'].map((f) => decodeWav(readFileSync(join(dir, f))).channels[0]);
  const gap = RATE;
  const all = new Float32Array(speech.reduce((n, s) => n + s.length + gap, gap));
  let at = gap;
  for (const s of speech) {
    all.set(s, at);
    at += s.length + gap;
  }
  writeFileSync(out, encodeWav([all], RATE));
}

/** One service call over the server's HTTP API, as the renderer makes it. */
async function api<T>(server: Served, method: string, req: unknown): Promise<T> {
  const r = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Charkha-Token': server.token },
    body: JSON.stringify(req),
  });
  const body = (await r.json()) as { ok: boolean; result: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.result;
}

/** The waveform's visible window in seconds, read from wavesurfer's own scroll container. */
function visibleWindow(page: Page, duration: number): Promise<{ start: number; end: number }> {
  return page.evaluate((dur) => {
    const host = document.querySelector('[data-testid="waveform"]');
    const root = host?.firstElementChild?.shadowRoot;
    const scroll = root?.querySelector<HTMLElement>('.scroll');
    const wrapper = root?.querySelector<HTMLElement>('.wrapper');
    if (!scroll || !wrapper) return { start: -1, end: -1 };
    const perPx = dur / wrapper.scrollWidth;
    return {
      start: scroll.scrollLeft * perPx,
      end: Math.min(dur, (scroll.scrollLeft + scroll.clientWidth) * perPx),
    };
  }, duration);
}

async function drawnWindow(page: Page) {
  // One read of all four: read one by one, a draw landing in between mixes two windows.
  return page.getByTestId('spectrogram').evaluate((el) => {
    const d = (el as HTMLElement).dataset;
    return {
      start: Number(d.start),
      end: Number(d.end),
      draws: Number(d.draws),
      bytes: Number(d.bytes),
    };
  });
}

/** Pixels of the spectrogram canvas that differ from its first pixel (a blank canvas has none). */
function spectrogramInk(page: Page): Promise<number> {
  return page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid="spectrogram"] canvas');
    const d = c?.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    if (!d) return 0;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4)
      if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) ink++;
    return ink;
  });
}

test('asks the annotator name once, pre-annotates an unsegmented recording with an installed ASR model, and draws the spectrogram of the visible window only', async ({
  page,
  projectDir,
}) => {
  // Imports, a model install and an ASR pass: minutes on a loaded 2-core machine.
  test.setTimeout(300_000);
  const scratch = mkdtempSync(join(tmpdir(), 'charkha-e2e-preannotate-'));
  const restoreEnv = saveEnv('CHARKHA_MODELS', 'CHARKHA_CONFIG_DIR');
  // Its own model folder and a fresh installation: no annotator name set yet.
  process.env.CHARKHA_MODELS = join(scratch, 'models');
  process.env.CHARKHA_CONFIG_DIR = join(scratch, 'config');
  let server: Served | null = null;
  try {
    const wav = join(scratch, 'two-utterances.wav');
    unsegmentedRecording(wav);
    const imported = JSON.parse(charkha(['import', 'audio', '-p', projectDir, wav, '--json'])) as {
      imported: { audioId: number }[];
    };
    const audioId = imported.imported[0].audioId;
    charkha(['models', 'import', ASR_FIXTURE, '--json']);
    server = await serve(projectDir);
    const duration = (await api<{ durationSec: number }>(server, 'audio.get', { audioId }))
      .durationSec;

    await page.goto(`${server.url}#/annotate/${audioId}`);
    await expect(page.getByTestId('annotate')).toBeVisible();
    await expect(page.getByTestId('segment-count')).toHaveText('0 segments');

    // The installation has no annotator yet: the screen asks once, and then shows the name.
    const prompt = page.getByTestId('annotator-prompt');
    await expect(prompt).toContainText('Who is annotating?');
    await snap(page, 'annotate-name-prompt');
    await prompt.getByLabel('Annotator name').fill('Lakshmi');
    await prompt.getByRole('button', { name: 'Save name' }).click();
    await expect(page.getByTestId('annotator')).toHaveText('Lakshmi');
    await expect(prompt).toHaveCount(0);
    expect(
      JSON.parse(readFileSync(join(scratch, 'config', 'settings.json'), 'utf8')),
    ).toMatchObject({ annotator: 'Lakshmi' });

    // Pre-annotate with the installed fixture model: speech found, then transcribed by the model.
    const pre = page.getByTestId('preannotate');
    await pre.getByLabel('ASR model for pre-annotation').selectOption(MODEL);
    await pre.getByRole('button', { name: 'Pre-annotate' }).click();
    const result = page.getByTestId('preannotate-result');
    await expect(result).toContainText(/[1-9]\d* segments found · [1-9]\d* transcribed/, {
      timeout: 240_000,
    });
    const found = Number((await result.textContent())?.match(/(\d+) segments found/)?.[1]);
    expect(found).toBeGreaterThanOrEqual(2);
    const rows = page.locator('.seg-row');
    await expect(rows).toHaveCount(found);
    await expect(page.getByTestId('segment-count')).toHaveText(`${found} segments`);
    // Every segment is marked as machine output.
    await expect(rows.locator('.machine-tag')).toHaveCount(found);
    await expect(rows.locator('.machine-tag').first()).toHaveText('ASR');

    // A person edits the first one: its mark clears, the others keep theirs.
    await rows.first().click();
    const editor = page.getByTestId('segment-editor');
    await expect(editor.locator('.machine-tag')).toHaveText('machine output');
    const field = page.getByTestId('segment-text');
    await field.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('namaste');
    await expect(field).toHaveValue('नमस्ते');
    await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
    await expect(editor.locator('.machine-tag')).toHaveCount(0);
    await expect(rows.first().locator('.machine-tag')).toHaveCount(0);
    await expect(rows.locator('.machine-tag')).toHaveCount(found - 1);

    // In the project: the person's edit is Lakshmi's, the model's text is the model's.
    const ws = await api<{ tiers: { id: number; kind: string }[] }>(server, 'annotations.tiers', {
      audioId,
    });
    const tierId = ws.tiers.find((t) => t.kind === 'transcript')!.id;
    const segs = await api<{ text: string; machine: boolean; author: string }[]>(
      server,
      'annotations.segments',
      { tierId },
    );
    expect(segs[0]).toMatchObject({ text: 'नमस्ते', machine: false, author: 'Lakshmi' });
    for (const s of segs.slice(1))
      expect(s).toMatchObject({ machine: true, author: `asr:${MODEL}` });
    await snap(page, 'annotate-preannotate');

    // The spectrogram: zoomed in, it draws only the waveform's visible window, and follows a scroll.
    await page.getByLabel('Spectrogram (visible window)').check();
    await page.locator('main').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('=');
    const spectro = page.getByTestId('spectrogram');
    const matchesView = async () => {
      const [drawn, view] = [await drawnWindow(page), await visibleWindow(page, duration)];
      const tolerance = 0.02 * (view.end - view.start);
      return (
        drawn.draws > 0 &&
        view.end - view.start < duration / 2 &&
        Math.abs(drawn.start - view.start) <= tolerance &&
        Math.abs(drawn.end - view.end) <= tolerance
      );
    };
    await expect.poll(matchesView, { timeout: 30_000 }).toBe(true);
    const first = await drawnWindow(page);
    // Only the window's samples were fetched (32-bit float at 16 kHz), not the recording.
    expect(first.bytes).toBeLessThanOrEqual(Math.ceil((first.end - first.start) * RATE + 1) * 4);
    expect(first.bytes).toBeLessThan(duration * RATE * 4 * 0.5);
    await expect.poll(() => spectrogramInk(page)).toBeGreaterThan(1000);

    // Scroll the waveform to the middle (or, if the zoom left the view there,
    // back to the start): the spectrogram redraws for the new window.
    const before = await drawnWindow(page);
    await page.evaluate(() => {
      const root = document.querySelector('[data-testid="waveform"]')?.firstElementChild
        ?.shadowRoot;
      const scroll = root?.querySelector<HTMLElement>('.scroll');
      if (!scroll) return;
      const middle = (scroll.scrollWidth - scroll.clientWidth) / 2;
      scroll.scrollLeft = Math.abs(scroll.scrollLeft - middle) > scroll.clientWidth ? middle : 0;
    });
    const width = before.end - before.start;
    await expect
      .poll(async () => Math.abs((await drawnWindow(page)).start - before.start), {
        timeout: 30_000,
      })
      .toBeGreaterThan(width / 2);
    await expect.poll(matchesView, { timeout: 30_000 }).toBe(true);
    const second = await drawnWindow(page);
    expect(second.draws).toBeGreaterThan(before.draws);
    expect(second.end - second.start).toBeCloseTo(first.end - first.start, 1);
    await expect(spectro.locator('canvas')).toBeVisible();
    await snap(page, 'annotate-spectrogram');
  } finally {
    await server?.stop();
    restoreEnv();
    rmSync(scratch, { recursive: true, force: true });
  }
});
