import { expect, test, manifestRows } from './fixtures/test.js';
import { playerTime, snap, waveformInk, waveformWidth } from './fixtures/page-helpers.js';

test('finds an utterance by Telugu text, shows its entity, and plays it', async ({
  page,
  appUrl,
}) => {
  const row = manifestRows().find((r) => r.id === 'pushpak_te_05')!;
  const word = row.text.split(' ')[0]; // నిజామాబాద్
  const entity = row.entity_tokens[0];

  await page.goto(appUrl);
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByTestId('library-count')).toHaveText('20 utterances');
  await snap(page, 'library');

  await page.getByRole('searchbox').fill(word);
  await expect(page.getByTestId('library-count')).toHaveText('1 utterance');
  const hit = page.locator(`.vrow [data-utterance-id]`);
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText(row.id);
  const mark = hit.locator('mark.entity');
  await expect(mark).toHaveText(entity.surface);
  await expect(mark).toHaveAttribute('data-entity-type', 'house_number');
  await expect(mark).toHaveAttribute('title', /house number/);
  await snap(page, 'library-search');

  await hit.click();
  const player = page.getByTestId('player');
  await expect(player).toBeVisible();
  await expect(page.getByTestId('player-text')).toContainText(word);
  await expect(page.getByTestId('player-text').locator('mark.entity')).toHaveText(entity.surface);
  await expect.poll(() => waveformInk(page)).toBeGreaterThan(500);

  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect.poll(() => playerTime(page), { timeout: 15_000 }).toBeGreaterThan(0.3);
  await snap(page, 'player');

  // Space pauses; → seeks one second forward.
  await page.locator('main').focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  const paused = await playerTime(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => playerTime(page)).toBeCloseTo(paused + 1, 1);
  // + zooms in: the waveform grows wider than its box.
  const fitted = await waveformWidth(page);
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  await expect.poll(() => waveformWidth(page)).toBeGreaterThan(fitted * 1.5);
  // The speed selector takes a new rate.
  await page.getByLabel('Speed').selectOption('1.5');
  await expect(page.getByLabel('Speed')).toHaveValue('1.5');
});

test('the utterance list is windowed: only the rows in view are in the DOM', async ({
  page,
  appUrl,
}) => {
  await page.setViewportSize({ width: 1440, height: 500 });
  await page.goto(appUrl);
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByTestId('library-count')).toHaveText('20 utterances');
  const rendered = await page.locator('.vrow').count();
  expect(rendered).toBeLessThan(20);
  // Keyboard: End jumps to the last row, which is then rendered.
  await page.getByRole('rowgroup', { name: 'Utterances' }).focus();
  await page.keyboard.press('End');
  await expect(page.locator('.vrow[aria-selected="true"]')).toContainText('pushpak_te_20');
});
