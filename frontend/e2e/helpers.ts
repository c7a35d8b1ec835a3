import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { watchCsp, watchCspInEveryTest } from './csp';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SCREENSHOTS = path.join(here, 'screenshots');
export const JITSI_DOMAIN = 'meet.e2e.test';

// Every spec imports these helpers: each of its tests fails on a Content-Security-Policy violation.
watchCspInEveryTest();

/**
 * No Jitsi server runs in CI: every request for the external API script on the
 * (fake) Jitsi domain is answered with our local stand-in (fixtures/external_api.js),
 * which records the constructor's arguments and fires the events the app listens to.
 */
export async function serveJitsiStandIn(context: BrowserContext): Promise<void> {
  await context.route(`https://${JITSI_DOMAIN}/external_api.js`, (route) =>
    route.fulfill({ path: path.join(here, 'fixtures', 'external_api.js'), contentType: 'application/javascript' }),
  );
  // Anything else on the fake domain (the stand-in never asks) would hang on DNS: refuse it fast.
  await context.route(`https://${JITSI_DOMAIN}/**`, (route) =>
    route.request().url().endsWith('/external_api.js') ? route.fallback() : route.abort(),
  );
}

/** A host and a guest, each in a browser context of their own that gets the Jitsi stand-in; `close` ends both. */
export async function hostAndGuest(browser: Browser): Promise<{ host: Page; guest: Page; close: () => Promise<void> }> {
  const hostContext = await browser.newContext();
  const guestContext = await browser.newContext();
  await watchCsp(hostContext);
  await watchCsp(guestContext);
  await serveJitsiStandIn(hostContext);
  await serveJitsiStandIn(guestContext);
  return {
    host: await hostContext.newPage(),
    guest: await guestContext.newPage(),
    close: async () => {
      await hostContext.close();
      await guestContext.close();
    },
  };
}

/** A full-page screenshot under e2e/screenshots/ (git-ignored), to be looked at; `firstScreen` keeps only the viewport. */
export async function shot(page: Page, name: string, { firstScreen = false } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: !firstScreen });
}

export interface Person {
  username: string;
  password: string;
  email: string;
  displayName: string;
}

export function person(prefix: string, displayName: string): Person {
  const id = `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
  return { username: id, password: 'correct-horse-battery-9', email: `${id}@example.test`, displayName };
}

/** Sign up through the UI; the app logs the new person in and goes home. */
export async function signUp(page: Page, who: Person): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Display name').fill(who.displayName);
  await page.getByLabel('Username').fill(who.username);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
}

/** `<input type="datetime-local">` value, `minutes` from now. */
export function localInput(minutesFromNow: number): string {
  const d = new Date(Date.now() + minutesFromNow * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Decode a JWT's payload (no verification: the backend's tests check the signature). */
export function jwtPayload(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1] ?? '';
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export interface StandInRecord {
  constructed: { domain: string; roomName: string; jwt: string; displayName: string; parentNodeIsElement: boolean; parentTestId: string }[];
  commands: unknown[][];
  disposed: number;
}

/** Make the stand-in do what a real Jitsi does on its own (see fixtures/external_api.js). */
export function standInDoes(page: Page, what: 'moveToBreakout' | 'failConnection' | 'leaveSilently'): Promise<void> {
  return page.evaluate((name) => {
    (window as unknown as { __jitsiStandIn: Record<string, () => void> }).__jitsiStandIn[name]!();
  }, what);
}

export function standIn(page: Page): Promise<StandInRecord | undefined> {
  return page.evaluate(() => (window as unknown as { __jitsiStandIn?: StandInRecord }).__jitsiStandIn);
}

/** Sign up and log in through the API (for set-up that is not the point of a test). Returns an access token. */
export async function signUpByApi(request: APIRequestContext, who: Person): Promise<string> {
  const created = await request.post('/api/auth/register/', {
    data: { username: who.username, email: who.email, password: who.password, display_name: who.displayName },
  });
  expect(created.status(), await created.text()).toBe(201);
  const tokens = await request.post('/api/auth/token/', { data: { username: who.username, password: who.password } });
  expect(tokens.ok()).toBe(true);
  return ((await tokens.json()) as { access: string }).access;
}

/** Create and publish a public webinar through the API; returns its slug. */
export async function publishedWebinarByApi(
  request: APIRequestContext,
  access: string,
  title: string,
  policy: 'open' | 'approval' = 'approval',
): Promise<string> {
  const headers = { Authorization: `Bearer ${access}` };
  const start = new Date(Date.now() + 24 * 3600_000);
  const created = await request.post('/api/webinars/', {
    headers,
    data: {
      title,
      description: 'A tour of the product for new teams, with time for questions at the end.',
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + 3600_000).toISOString(),
      capacity: 100,
      registration_policy: policy,
      visibility: 'public',
      tags: ['onboarding'],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const webinar = (await created.json()) as { id: number; slug: string };
  const published = await request.post(`/api/webinars/${webinar.id}/publish/`, { headers, data: {} });
  expect(published.ok(), await published.text()).toBe(true);
  return webinar.slug;
}

/** Register for a webinar through the API (set-up, not the point of a test). */
export async function registerByApi(request: APIRequestContext, access: string, slug: string): Promise<void> {
  const headers = { Authorization: `Bearer ${access}` };
  const registered = await request.post(`/api/webinars/by-slug/${slug}/register/`, { headers, data: {} });
  expect(registered.status(), await registered.text()).toBe(201);
}

/** Fill the login form the page is on (the app then follows `?next=`). */
export async function fillLogin(page: Page, who: Person): Promise<void> {
  await page.getByLabel('Username').fill(who.username);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible();
}

/** POST to the API as someone (set-up); fails the test on an error answer. */
export async function postByApi(request: APIRequestContext, access: string, path: string, data: object = {}): Promise<unknown> {
  const response = await request.post(path, { headers: { Authorization: `Bearer ${access}` }, data });
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true);
  return response.status() === 204 ? undefined : response.json();
}

export async function webinarIdByApi(request: APIRequestContext, slug: string): Promise<number> {
  return ((await (await request.get(`/api/webinars/by-slug/${slug}/`)).json()) as { id: number }).id;
}
