import { expect, test } from './fixtures/test.js';
import { snap } from './fixtures/page-helpers.js';

test('opens the served project and shows its info', async ({ page, appUrl, projectDir }) => {
  await page.goto(appUrl);
  const info = page.getByTestId('project-info');
  await expect(info).toBeVisible();
  await expect(page.getByTestId('project-path')).toHaveText(projectDir);
  await expect(page.getByTestId('count-utterances')).toHaveText('20');
  await expect(page.getByTestId('header-path')).toHaveText(projectDir);
  // The token is taken out of the address bar once the page has it.
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  await expect(page.getByRole('heading', { name: 'Opening another project' })).toBeVisible();
  await snap(page, 'projects');
});

test('a page opened without the token says what to do', async ({ page, appUrl }) => {
  const url = new URL(appUrl);
  url.search = '';
  await page.goto(url.toString());
  const banner = page.getByTestId('error-banner');
  await expect(banner).toContainText('What happened');
  await expect(banner).toContainText('charkha serve');
});
