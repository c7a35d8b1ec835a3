/*
 * Clear words: every sign-up problem at once, times with their zone, and a
 * countdown before the start (event page and waiting room).
 */
import { expect, test } from '@playwright/test';
import { fillLogin, person, postByApi, publishedWebinarByApi, signUpByApi, webinarIdByApi } from './helpers';

test.describe.configure({ mode: 'serial' });

test('sign-up names every field at fault at once', async ({ page, request }) => {
  const taken = person('tina', 'Tina Taken');
  await signUpByApi(request, taken);
  await page.goto('/signup');
  await page.getByLabel('Display name').fill('Someone Else');
  await page.getByLabel('Username').fill(taken.username.toUpperCase());
  await page.getByLabel('Email').fill(taken.email);
  await page.getByLabel('Password').fill('12345678');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByLabel('Username')).toHaveAccessibleDescription(/This username is taken\./);
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription(/An account with this email already exists\./);
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/too common|entirely numeric/);
});

test('times carry their zone, and a countdown runs before the start', async ({ browser, request }) => {
  const organizer = person('cole', 'Cole Countdown');
  const attendee = person('cara', 'Cara Calendar');
  const hostAccess = await signUpByApi(request, organizer);
  const slug = await publishedWebinarByApi(request, hostAccess, `Soon ${Date.now().toString(36)}`, 'open');
  await postByApi(request, await signUpByApi(request, attendee), `/api/webinars/${await webinarIdByApi(request, slug)}/register/`);

  const context = await browser.newContext({ timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await page.goto(`/login?next=${encodeURIComponent(`/w/${slug}`)}`);
  await fillLogin(page, attendee);
  await expect(page.getByTestId('countdown')).toHaveText(/^Starts in (1 day|23 hours \d+ minutes?)/);
  await expect(page.getByText(/GMT\+1|CET/).first()).toBeVisible();

  await page.getByRole('link', { name: 'Go to the waiting room' }).click();
  await expect(page.getByTestId('waiting-room')).toBeVisible();
  await expect(page.getByTestId('countdown')).toHaveText(/^Starts in /);
  await context.close();
});

test('after registering with the keyboard, focus lands on the news, not on the page body', async ({ page, request }) => {
  const attendee = person('kira', 'Kira Keyboard');
  const slug = await publishedWebinarByApi(request, await signUpByApi(request, person('kent', 'Kent Keys')), `Keys ${Date.now().toString(36)}`, 'open');
  await signUpByApi(request, attendee);
  await page.goto(`/login?next=${encodeURIComponent(`/w/${slug}`)}`);
  await fillLogin(page, attendee);
  await page.getByRole('button', { name: 'Register', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator(':focus')).toContainText('You are registered.');

  await page.getByRole('button', { name: 'Cancel registration' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Yes, cancel it' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Register', exact: true })).toBeVisible();
  await expect(page.locator(':focus')).toContainText('You cancelled your registration.');
});
