import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, serve } from './fixtures/charkha-cli.js';
import { snap } from './fixtures/page-helpers.js';
import { expect, test } from './fixtures/test.js';

const FIXTURES = join(repoRoot, 'tests/fixtures/models');

/**
 * The Models screen over its own empty model folder ($CHARKHA_MODELS) and a
 * hub address nothing answers on (so "offline" is certain, and quick).
 */
test('imports a fixture model folder, verifies it, benchmarks it, flags a corrupt one, refuses to download offline, removes', async ({
  page,
  projectDir,
}) => {
  // The benchmark loads espeak-ng and the model: slow on a busy 2-core machine.
  test.setTimeout(300_000);
  const home = mkdtempSync(join(tmpdir(), 'charkha-e2e-models-'));
  const saved = { models: process.env.CHARKHA_MODELS, hub: process.env.CHARKHA_HF_ENDPOINT };
  process.env.CHARKHA_MODELS = home;
  process.env.CHARKHA_HF_ENDPOINT = 'http://127.0.0.1:9';
  const server = await serve(projectDir);
  try {
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Models' }).click();
    await expect(page.getByRole('heading', { name: 'Models', level: 1 })).toBeVisible();
    const installed = page.getByTestId('installed-models');
    // The bundled Telugu model is listed, with where it lives.
    await expect(installed.locator('tr[data-model-id="charkha-ctc-te"]')).toContainText('bundled');

    // Import a fixture folder by typing its path.
    const input = page.getByLabel('Folder or archive');
    await input.fill(join(FIXTURES, 'piper-tiny'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByText(/Imported piper-tiny \(\d+ files\)/)).toBeVisible();
    const piper = installed.locator('tr[data-model-id="piper-tiny"]');
    await expect(piper).toContainText('TTS');
    await expect(piper).toContainText('piper');
    await expect(piper).toContainText(join(home, 'piper-tiny'));

    // Verify: every file's checksum, then the ONNX tensors against the family.
    await piper.getByRole('button', { name: 'Verify' }).click();
    const verified = page.getByTestId('verify-result').first();
    await expect(verified).toContainText('✓ Verified');
    await expect(verified).toContainText('hi_IN-tiny-x_low.onnx');
    await expect(verified).toContainText('tensors');

    // Benchmark: the real-time factor on this machine, as a job.
    await piper.getByRole('button', { name: 'Benchmark' }).click();
    await expect(page.getByTestId('bench-result')).toContainText(/RTF \d+\.\d{3}/, {
      timeout: 180_000,
    });

    // A second import, chosen with the folder browser, then corrupted on disk: verify names the file.
    await input.fill(FIXTURES);
    await page.getByRole('button', { name: 'Browse…' }).click();
    const picker = page.getByTestId('model-picker');
    await picker.getByRole('button', { name: /wav2vec2-ctc-tiny/ }).click();
    await picker.getByRole('button', { name: 'Choose this folder' }).click();
    await expect(input).toHaveValue(join(FIXTURES, 'wav2vec2-ctc-tiny'));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByText(/Imported wav2vec2-ctc-tiny/)).toBeVisible();
    const onnx = join(home, 'wav2vec2-ctc-tiny', 'onnx', 'model.onnx');
    const bytes = readFileSync(onnx);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(onnx, bytes);
    const w2v = installed.locator('tr[data-model-id="wav2vec2-ctc-tiny"]');
    await w2v.getByRole('button', { name: 'Verify' }).click();
    const failed = page.locator('[data-testid="verify-result"].bad');
    await expect(failed).toContainText('✗ Verification failed');
    await expect(failed.locator('li.bad')).toContainText('onnx/model.onnx');
    await expect(failed.locator('li.bad')).toContainText('sha256');
    await expect(picker).toHaveCount(0);

    // Download: this machine cannot reach the hub, so it says so at once.
    const catalog = page.getByTestId('catalog-models');
    const row = catalog.locator('tr[data-catalog-id="whisper-tiny"]');
    await expect(catalog.locator('tr[data-catalog-id="mms-tts-hin"]')).toContainText(
      'non-commercial',
    );
    await row.getByRole('button', { name: 'Download' }).click();
    await expect(row.getByRole('alert')).toContainText('offline', { timeout: 15_000 });
    await expect(row.getByRole('alert')).toContainText('Import');

    await piper.scrollIntoViewIfNeeded();
    await snap(page, 'models');

    // Remove asks first.
    page.once('dialog', (d) => void d.accept());
    await w2v.getByRole('button', { name: 'Remove' }).click();
    await expect(w2v).toHaveCount(0);
  } finally {
    await server.stop();
    process.env.CHARKHA_MODELS = saved.models;
    process.env.CHARKHA_HF_ENDPOINT = saved.hub;
    if (saved.models === undefined) delete process.env.CHARKHA_MODELS;
    if (saved.hub === undefined) delete process.env.CHARKHA_HF_ENDPOINT;
    rmSync(home, { recursive: true, force: true });
  }
});
