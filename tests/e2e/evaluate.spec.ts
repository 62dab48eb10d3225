import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, serve } from './fixtures/charkha-cli.js';
import { playerTime } from './fixtures/page-helpers.js';
import { addPhoneRuns, type PhoneRuns } from './fixtures/phone-runs.js';
import { test as base, expect } from './fixtures/test.js';

// This test's project also holds the phone test set and its two runs (made through the CLI).
const test = base.extend<{ phones: PhoneRuns }>({
  phones: [
    async ({ projectDir }, use) => {
      const work = mkdtempSync(join(tmpdir(), 'charkha-e2e-phones-'));
      try {
        await use(addPhoneRuns(projectDir, work));
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    },
    { timeout: 600_000 },
  ],
  // Its own server, started once the phone runs are stored (a replacement for the base one).
  appUrl: async ({ projectDir, phones }, use) => {
    void phones;
    const server = await serve(projectDir);
    try {
      await use(server.url);
    } finally {
      await server.stop();
    }
  },
});

test('compares two runs, finds a missed phone, plays it, fixes its reference and sees the scores change', async ({
  page,
  appUrl,
  phones,
}) => {
  test.setTimeout(600_000);
  await page.goto(appUrl);
  await page.getByRole('link', { name: 'Evaluate' }).click();
  await expect(page.getByRole('heading', { name: 'Evaluate' })).toBeVisible();

  // Compare the two runs on the phone test set.
  await page.getByRole('checkbox', { name: new RegExp(phones.runA) }).check();
  await page.getByRole('checkbox', { name: new RegExp(phones.runB) }).check();
  const compare = page.getByTestId('eval-compare');
  await expect(compare.locator('tr[data-metric]')).toHaveCount(6);
  const ehrA = compare.locator('tr[data-metric="ehr"] td').first();
  const ehrBefore = (await ehrA.innerText()).trim();
  await expect(compare.locator('tr[data-metric="ehr"]')).toContainText('pp');
  await expect(page.getByTestId('eval-ehr-chart').locator('g[data-type="phone"]')).toBeVisible();

  // Missed phones in the baseline run: only the one whose reference has a typo.
  await page.getByLabel('Entity type', { exact: true }).selectOption('phone');
  await page.getByLabel('Entity outcome', { exact: true }).selectOption('miss');
  await expect(page.getByTestId('eval-utt-count')).toHaveText('1 match these filters');
  const row = page.getByTestId('eval-utterances').locator(`[data-utterance-id]`).first();
  await expect(row).toContainText(phones.typoId);
  await row.locator('.cell-id').click();

  const detail = page.getByTestId('eval-detail');
  await expect(detail).toContainText(phones.typoId);
  await expect(
    detail.getByTestId('eval-alignment').first().locator('[data-op="sub"]'),
  ).not.toHaveCount(0);
  const phoneRow = detail.locator('tr[data-type="phone"]');
  await expect(phoneRow).toContainText('Miss');

  // Play from the entity: from where run A's word times say the number begins, not an estimate.
  const playFrom = phoneRow.getByRole('button', { name: /from/ });
  await expect(playFrom).toHaveText(`▶ from ${phones.typoPhoneSec.toFixed(1)} s`);
  await expect(phoneRow.getByTestId('entity-time-estimated')).toHaveCount(0);
  await playFrom.click();
  await expect(page.getByTestId('player')).toBeVisible();
  let startedAt = 0;
  await expect
    .poll(async () => (startedAt = await playerTime(page)), { timeout: 30_000, intervals: [50] })
    .toBeGreaterThan(0);
  expect(startedAt).toBeGreaterThanOrEqual(phones.typoPhoneSec - 0.01);
  expect(startedAt).toBeLessThan(phones.typoPhoneSec + 1);
  await expect.poll(() => playerTime(page), { timeout: 30_000 }).toBeGreaterThan(startedAt);

  // Fix the reference; every run on it is rescored.
  await detail.getByRole('button', { name: /Fix reference/ }).click();
  // The utterance has a spoken form (what the voice said): shown, editable, here left as it is.
  await expect(detail.getByLabel('Corrected spoken form')).toHaveValue(/\S/);
  await detail.getByLabel('Corrected reference').fill(phones.rightText);
  await detail.getByLabel('Your name').fill('e2e-evaluator');
  await detail.getByRole('button', { name: 'Save and rescore runs' }).click();
  const note = page.getByTestId('eval-rescored');
  await expect(note).toContainText('Rescored 2 runs');
  await expect(note).toContainText(phones.runA);
  // The Player showed the old reference: it closes.
  await expect(page.getByTestId('player')).toBeHidden();
  await expect(ehrA).not.toHaveText(ehrBefore);
  await expect(page.getByTestId('eval-detail').locator('tr[data-type="phone"]')).toContainText(
    'Hit',
  );
  await expect(page.getByTestId('eval-utt-count')).toHaveText('0 match these filters');

  // The picture an evaluator sees: every phone again, the rescored runs, the fixed utterance.
  await page.getByLabel('Entity outcome', { exact: true }).selectOption('');
  await expect(page.getByTestId('eval-utt-count')).toHaveText('7 match these filters');
  await page.setViewportSize({ width: 1440, height: 2300 });
  mkdirSync(join(repoRoot, 'tests/e2e/screenshots'), { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(repoRoot, 'tests/e2e/screenshots/evaluate.png') });
  await page.setViewportSize({ width: 1440, height: 900 });

  // A fix of the spoken form only: both runs were scored on the written text, so neither is rescored.
  const ehrFixed = (await ehrA.innerText()).trim();
  await detail.getByRole('button', { name: /Fix reference/ }).click();
  const spokenBox = detail.getByLabel('Corrected spoken form');
  await spokenBox.fill(`${await spokenBox.inputValue()} అండి`);
  await detail.getByRole('button', { name: 'Save and rescore runs' }).click();
  await expect(note).toContainText('spoken form corrected');
  await expect(note).toContainText('Rescored 0 runs');
  const kept = page.getByTestId('eval-kept');
  await expect(kept.locator('li')).toHaveCount(2);
  await expect(kept).toContainText(`${phones.runA}: not rescored, scored on the written text`);
  await expect(ehrA).toHaveText(ehrFixed);

  // The history lists both changes, newest first: who, which form, before, after.
  await page.getByRole('tab', { name: 'Reference history' }).click();
  const history = page.getByTestId('eval-history');
  await expect(history).toContainText('e2e-evaluator');
  await expect(history).toContainText(phones.typoId);
  const edits = history.locator('tbody tr');
  await expect(edits).toHaveCount(2);
  await expect(edits.nth(0).locator('[data-form="spoken"]')).toContainText('అండి');
  await expect(edits.nth(0).locator('[data-form="text"]')).toHaveCount(0);
  await expect(edits.nth(0)).toContainText(`${phones.runA}: kept (on the written text)`);
  await expect(edits.nth(1).locator('[data-form="text"]')).toContainText(phones.rightText);
  await expect(edits.nth(1).locator('[data-form="spoken"]')).toHaveCount(0);

  // The drill-down groups the other run's phone errors by pattern.
  await page.getByRole('tab', { name: 'Entity errors by pattern' }).click();
  await page.getByLabel('Run', { exact: true }).selectOption({ label: phones.runB });
  await expect(page.getByTestId('eval-patterns').locator('[data-pattern]').first()).toBeVisible();
});
