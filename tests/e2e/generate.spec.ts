import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { snap } from './fixtures/page-helpers.js';
import { expect, test } from './fixtures/test.js';

/**
 * Configure a small flywheel job on the Generate screen (Telugu, 5 rows,
 * the bundled Telugu CTC model), preview it, save it as the YAML the CLI
 * reads, run it, pause and resume it, reload the page while it runs, and
 * review what it made.
 */
test('configures, previews, runs, pauses, resumes and reviews a small flywheel job', async ({
  page,
  appUrl,
  projectDir,
}) => {
  // espeak-ng synthesis and CTC transcription of a few clips, on a busy 2-core machine.
  test.setTimeout(720_000);
  await page.goto(appUrl);
  await page.getByRole('link', { name: 'Generate' }).click();
  await expect(page.getByRole('heading', { name: 'Generate', level: 1 })).toBeVisible();
  const validity = page.getByTestId('config-validity');
  await expect(validity).toHaveText('✓ Valid configuration');

  await page.locator('input[name="name"]').fill('e2e-tiny');
  // The flywheel's own schema checks the form: a test voice must be held out.
  const testVoices = page.locator('fieldset', { hasText: 'Test voices (held out)' });
  await testVoices.getByLabel('Variant').selectOption('m1');
  await expect(validity).toContainText('held out');
  await testVoices.getByLabel('Variant').selectOption('m4');
  await expect(validity).toHaveText('✓ Valid configuration');

  // A voice speaks a sample sentence.
  const play = testVoices.getByRole('button', { name: /Play a te sample/ });
  await play.click();
  await expect(play).not.toHaveAttribute('title', /Synthesise and play/, { timeout: 180_000 });

  // Twenty rows before anything runs, written and spoken, entities highlighted.
  await page.getByRole('button', { name: 'Preview 20 rows' }).click();
  const preview = page.getByTestId('generate-preview');
  await expect(preview.locator('tbody tr')).toHaveCount(20);
  await expect(preview.locator('tbody tr').first().locator('mark.entity').first()).toBeVisible();
  await page
    .getByRole('heading', { name: 'Preview', exact: true })
    .evaluate((h) => h.scrollIntoView({ block: 'start' }));
  await snap(page, 'generate-preview');

  await page.getByLabel('Rows of te').fill('5');
  await expect(validity).toHaveText('✓ Valid configuration');
  await page.getByRole('button', { name: 'Save and run' }).click();

  const panel = page.getByTestId('job-panel');
  const state = page.getByTestId('job-state');
  await expect(panel).toContainText('e2e-tiny');
  // The configuration is the YAML file the CLI reads.
  const file = join(projectDir, 'flywheel.yaml');
  expect(existsSync(file)).toBe(true);
  const saved = load(readFileSync(file, 'utf8')) as {
    name: string;
    languages: { count: number }[];
  };
  expect(saved.name).toBe('e2e-tiny');
  expect(saved.languages[0].count).toBe(5);

  // Pause while it runs (it stops after the items in flight), then resume.
  await expect(state).toHaveText(/running|finished/);
  const pause = panel.getByRole('button', { name: 'Pause' });
  if (await pause.isVisible()) {
    await pause.click();
    await expect(state).toHaveText(/paused|finished/, { timeout: 120_000 });
    if ((await state.innerText()) === 'paused') {
      await expect(panel.locator('tr[data-step="generate"]')).toContainText('/ 5');
      await panel.getByRole('button', { name: 'Resume' }).click();
      await expect(state).toHaveText(/running|finished/);
    }
  }

  // The job lives in the engine: a reload finds it where it is.
  await page.reload();
  await expect(page.getByTestId('job-panel')).toContainText('e2e-tiny');
  await expect(page.getByTestId('job-state')).toHaveText('finished', { timeout: 420_000 });
  const steps = page.getByTestId('job-steps');
  await expect(steps.locator('tr[data-step="synthesize"]')).toContainText('5 / 5');
  await expect(steps.locator('tr[data-step="transcribe"]')).toContainText('5 / 5');

  const results = page.getByTestId('job-results');
  await expect(results).toContainText('charkha-ctc-te');
  await expect(page.getByTestId('ehr-by-type').locator('tbody tr').first()).toBeVisible();
  await expect(page.getByTestId('job-exports')).toContainText(
    join(projectDir, 'exports', 'e2e-tiny-nemo-train'),
  );

  // Overrule the filter on a rejected clip, when it rejected one.
  const clips = page.getByTestId('rejected-clips');
  if (await clips.isVisible()) {
    const first = clips.locator('tbody tr').first();
    await expect(first.locator('audio')).toHaveCount(1);
    await first.getByRole('button', { name: 'Keep it' }).click();
    await expect(first).toContainText('overruled');
  }
  // The corner toasts of the finished steps go a few seconds after the job ends.
  await expect(page.locator('.toast')).toHaveCount(0, { timeout: 30_000 });
  await page.getByTestId('job-panel').evaluate((p) => p.scrollIntoView({ block: 'start' }));
  await snap(page, 'generate');
});
