/*
 * People rarely navigate inside the app: they reload, open a link from an email,
 * or come back from the login page. Every one of those is a full page load, where
 * the session is restored from the refresh cookie while the page already renders.
 */
import { expect, test, type Page } from '@playwright/test';
import { fillLogin, person, publishedWebinarByApi, registerByApi, signUpByApi } from './helpers';

test.describe.configure({ mode: 'serial' });

async function expectRegisteredAttendee(page: Page): Promise<void> {
  await expect(page.getByText('You are registered.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to the waiting room' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Register/ })).toHaveCount(0);
}

async function expectHost(page: Page): Promise<void> {
  await expect(page.getByRole('link', { name: 'Host dashboard' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Register/ })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Log in to register' })).toHaveCount(0);
}

test('a registered attendee sees their seat after the login redirect, a reload and a deep link', async ({ browser, request }) => {
  const organizer = person('hana', 'Hana Host');
  const attendee = person('abel', 'Abel Attendee');
  const hostAccess = await signUpByApi(request, organizer);
  const slug = await publishedWebinarByApi(request, hostAccess, `Reloads ${Date.now().toString(36)}`, 'open');
  await registerByApi(request, await signUpByApi(request, attendee), slug);

  const context = await browser.newContext();
  const page = await context.newPage();
  // A deep link, signed out: log in from the event page and come back to it.
  await page.goto(`/w/${slug}`);
  await page.getByRole('link', { name: 'Log in to register' }).click();
  await expect(page).toHaveURL(/\/login\?next=/);
  await fillLogin(page, attendee);
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));
  await expectRegisteredAttendee(page);

  await page.reload();
  await expectRegisteredAttendee(page);

  // The link from the confirmation email, opened in a new tab of the same browser.
  const tab = await context.newPage();
  await tab.goto(`/w/${slug}`);
  await expectRegisteredAttendee(tab);
  await context.close();
});

test('the organizer sees the host links after the login redirect, a reload and a deep link', async ({ browser, request }) => {
  const organizer = person('omar', 'Omar Organizer');
  const slug = await publishedWebinarByApi(request, await signUpByApi(request, organizer), `Host reloads ${Date.now().toString(36)}`);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/login?next=${encodeURIComponent(`/w/${slug}`)}`);
  await fillLogin(page, organizer);
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));
  await expectHost(page);

  await page.reload();
  await expectHost(page);

  const tab = await context.newPage();
  await tab.goto(`/w/${slug}`);
  await expectHost(tab);

  // After signing out, the same page (back in history, from the cache) is a visitor's again.
  await tab.getByRole('button', { name: 'Log out' }).click();
  await expect(tab.getByRole('link', { name: 'Log in' })).toBeVisible();
  await tab.goBack();
  await expect(tab.getByRole('link', { name: 'Log in to register' })).toBeVisible();
  await expect(tab.getByRole('link', { name: 'Host dashboard' })).toHaveCount(0);
  await context.close();
});

test('an anonymous visit logs nothing red: no session is an answer, not an error', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Upcoming webinars' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('link', { name: 'Log in' })).toBeVisible();
  expect(problems).toEqual([]);
});
