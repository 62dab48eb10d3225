import { expect, test } from './fixtures/test.js';
import { playerTime, snap, waveformInk } from './fixtures/page-helpers.js';

test('opens the run, its per-entity table, and plays a row', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.getByRole('link', { name: 'Runs' }).click();
  const runs = page.getByTestId('runs-table');
  await expect(runs).toContainText('fixture-edit-run');
  await expect(runs).toContainText('stt-flywheel/native-te');
  await snap(page, 'runs');

  await runs.getByRole('link', { name: 'fixture-edit-run' }).click();
  await expect(page.getByRole('heading', { name: 'fixture-edit-run' })).toBeVisible();
  await expect(page.getByRole('img', { name: /Entity hit rate by entity type/ })).toBeVisible();
  const table = page.getByTestId('run-entities');
  // 31 tagged spans; the scorer joins two adjacent fragments into one entity (spec §3).
  await expect(table.locator('tbody tr')).toHaveCount(30);

  // Only the misses.
  await page.getByLabel('Outcome', { exact: true }).selectOption('miss');
  const misses = table.locator('tbody tr');
  await expect(misses.first()).toContainText('Miss');
  const n = await misses.count();
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThan(30);
  await snap(page, 'run-detail');

  const row = misses.first();
  const utteranceId = await row.getAttribute('data-utterance-id');
  const surface = (await row.locator('td').nth(2).innerText()).trim();
  await row.click();
  await expect(page.getByTestId('player')).toBeVisible();
  await expect(page.getByTestId('player-text').locator('mark.entity').first()).toBeVisible();
  await expect(page.getByTestId('player-text')).toContainText(surface);
  await expect.poll(() => waveformInk(page)).toBeGreaterThan(500);
  // Clicking a row plays that utterance: the clock advances without pressing Play.
  await expect.poll(() => playerTime(page), { timeout: 15_000 }).toBeGreaterThan(0.3);
  await expect(row).toHaveClass(/is-playing/);
  expect(utteranceId).not.toBeNull();
  await snap(page, 'run-player');
});
