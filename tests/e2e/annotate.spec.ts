import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, test, manifestRows } from './fixtures/test.js';
import { playerTime, snap, waveformInk } from './fixtures/page-helpers.js';

/** Latin keys, in ITRANS, for the native Telugu sentence of pushpak_te_09. */
const TYPED = 'niluvugA jIesTI iravai lakSha rUpAyala AdhAraMpai';
const AMOUNT = 'ఇరవై లక్ష రూపాయల';

/**
 * ELAN-style segmentation: plays the recording at half speed and presses
 * Enter `presses` times, `gapMs` apart, as a listener would. The gaps are
 * wall-clock on purpose: the keys are timed by the person, not the page.
 */
async function segmentWhilePlaying(page: Page, presses: number, gapMs: number): Promise<void> {
  await page.getByLabel('Speed').selectOption('0.5');
  await page.locator('main').focus();
  await page.keyboard.press('Space');
  await expect.poll(() => playerTime(page), { intervals: [25] }).toBeGreaterThan(0.3);
  for (let i = 0; i < presses; i++) {
    // A fixed pause, not a wait for the page: the spacing between keystrokes is the input.
    if (i > 0) await page.waitForTimeout(gapMs);
    await page.keyboard.press('Enter');
    if (i === 0) await expect(page.getByTestId('open-mark')).toBeVisible();
  }
  await page.keyboard.press('Space');
}

test('segments a Telugu recording by keyboard, transcribes, tags and reviews it, and keeps it all over a reload', async ({
  page,
  appUrl,
}) => {
  // A long journey: on a loaded 2-core CI machine it takes 1.5 minutes or more.
  test.setTimeout(300_000);
  const row = manifestRows().find((r) => r.id === 'pushpak_te_09')!;
  await page.goto(appUrl);

  // Open the recording from the Library's Player.
  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByRole('searchbox').fill('ఇరవై');
  await expect(page.getByTestId('library-count')).toHaveText('1 utterance');
  await page.locator('.vrow [data-utterance-id]').click();
  await page.getByTestId('open-annotate').click();
  await expect(page).toHaveURL(/#\/annotate\/\d+$/);
  const annotate = page.getByTestId('annotate');
  await expect(annotate).toBeVisible();
  await expect(page.getByRole('tab')).toHaveText([
    'transcript',
    'normalised',
    'translation',
    'speaker',
  ]);
  await expect(page.getByRole('tab', { name: 'transcript' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect.poll(() => waveformInk(page)).toBeGreaterThan(500);
  await expect(page.getByTestId('typing-scheme')).toHaveValue('itrans');

  // Segmentation mode: while it plays, five boundaries by Enter make four adjacent segments.
  await segmentWhilePlaying(page, 5, 600);
  await expect(page.getByTestId('segment-count')).toHaveText('4 segments');
  const rows = page.locator('.seg-row');
  await expect(rows).toHaveCount(4);
  // Adjacent: each segment ends where the next starts; none before the first mark.
  const times = await rows.locator('.seg-times').allTextContents();
  for (let i = 1; i < times.length; i++)
    expect(times[i].split('–')[0]).toBe(times[i - 1].split('–')[1]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('open-mark')).toHaveCount(0);

  // Transcribe the first segment by typing Latin: the field shows Telugu.
  await rows.first().click();
  const field = page.getByTestId('segment-text');
  await field.click();
  await page.keyboard.type(TYPED);
  await expect(field).toHaveValue(row.text);
  await expect(rows.first().locator('.seg-text')).toHaveText(row.text);
  // Saved within a second of the last key.
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved', { timeout: 1500 });

  // Tag the amount: select it in the text, choose the type, and take the scorer's reading.
  await field.evaluate((el: HTMLTextAreaElement, amount) => {
    const at = el.value.indexOf(amount);
    el.focus();
    el.setSelectionRange(at, at + amount.length);
  }, AMOUNT);
  await expect(page.locator('.tagger-sel')).toHaveText(`“${AMOUNT}”`);
  await page.getByLabel('Entity type').selectOption('currency_amount');
  await page.getByRole('button', { name: 'Tag selection' }).click();
  const tag = page.locator('.entity-list li');
  await expect(tag).toHaveCount(1);
  await expect(tag.locator('mark.entity')).toHaveText(AMOUNT);
  await expect(tag.getByRole('textbox')).toHaveValue('2000000 INR');
  await expect(rows.first().locator('mark.entity')).toHaveText(AMOUNT);

  // Review it.
  await page.getByRole('radio', { name: 'Reviewed' }).click();
  await expect(page.getByRole('radio', { name: 'Reviewed' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(rows.first().locator('.state-badge')).toHaveText('Reviewed');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');

  // Reload: everything is still there.
  await page.reload();
  await expect(page.getByTestId('segment-count')).toHaveText('4 segments');
  await expect(rows).toHaveCount(4);
  expect(await rows.locator('.seg-times').allTextContents()).toEqual(times);
  await expect(rows.first().locator('.seg-text')).toHaveText(row.text);
  await expect(rows.first().locator('mark.entity')).toHaveText(AMOUNT);
  await expect(rows.first().locator('.state-badge')).toHaveText('Reviewed');
  await rows.first().click();
  await expect(field).toHaveValue(row.text);
  await expect(tag.getByRole('textbox')).toHaveValue('2000000 INR');
  await expect(page.getByRole('radio', { name: 'Reviewed' })).toHaveAttribute(
    'aria-checked',
    'true',
  );

  // Export for ELAN and Praat: the files carry the typed Telugu.
  for (const [format, ext] of [
    ['eaf', '.eaf'],
    ['textgrid', '.TextGrid'],
  ]) {
    await page.getByLabel('Export format').selectOption(format);
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export' }).click(),
    ]);
    expect(file.suggestedFilename()).toBe(`09${ext}`);
    const body = readFileSync(await file.path(), 'utf8');
    expect(body).toContain(row.text);
  }

  // The state filter shows the reviewed segment alone.
  await page.getByLabel('Show segments in state').selectOption('reviewed');
  await expect(rows).toHaveCount(1);
  await page.getByLabel('Show segments in state').selectOption('');
  await expect(rows).toHaveCount(4);
  await page.keyboard.press('Escape');
  await page.locator('main').focus();
  await snap(page, 'annotate');
});

test('split, merge, nudge and delete by keyboard, each undone and redone', async ({
  page,
  appUrl,
}) => {
  // A long journey: on a loaded 2-core CI machine it takes 1.5 minutes or more.
  test.setTimeout(300_000);
  await page.goto(appUrl);
  await page.getByRole('link', { name: 'Annotate' }).click();
  await page
    .getByRole('link', { name: /\.wav$/ })
    .first()
    .click();
  await expect(page.getByTestId('annotate')).toBeVisible();
  await expect.poll(() => waveformInk(page)).toBeGreaterThan(500);
  // Reaction offset 0: the boundary is where the playhead is.
  await page.getByLabel('Reaction offset in milliseconds').fill('0');
  // 3 s apart at half speed: the segment is at least 1.5 s of audio, so the
  // 1 s seek below always lands inside it, however late the keys arrive.
  await segmentWhilePlaying(page, 2, 3000);
  const rows = page.locator('.seg-row');
  const count = page.getByTestId('segment-count');
  await expect(count).toHaveText('1 segment');
  await page.getByRole('checkbox', { name: 'Auto-play' }).uncheck();
  await page.locator('main').focus();

  // Split at the playhead (seek into the segment first), then undo and redo it.
  await rows.first().click();
  await page.locator('main').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('s');
  await expect(count).toHaveText('2 segments');
  await page.keyboard.press('Control+z');
  await expect(count).toHaveText('1 segment');
  await page.keyboard.press('Control+Shift+z');
  await expect(count).toHaveText('2 segments');

  // Merge them back.
  await rows.first().click();
  await page.locator('main').focus();
  await page.keyboard.press('m');
  await expect(count).toHaveText('1 segment');

  // Nudge the end by +100 ms (Shift+'), then undo.
  const before = await rows.first().locator('.seg-times').textContent();
  await page.keyboard.press("Shift+'");
  await expect(rows.first().locator('.seg-times')).not.toHaveText(before!);
  await page.keyboard.press('Control+z');
  await expect(rows.first().locator('.seg-times')).toHaveText(before!);

  // Delete, undo (it comes back), and the undo survives a reload.
  await page.keyboard.press('Delete');
  await expect(count).toHaveText('0 segments');
  await page.keyboard.press('Control+z');
  await expect(count).toHaveText('1 segment');
  await expect(page.getByTestId('save-status')).toHaveText('All changes saved');
  await page.reload();
  await expect(count).toHaveText('1 segment');
  await expect(rows.first().locator('.seg-times')).toHaveText(before!);
});
