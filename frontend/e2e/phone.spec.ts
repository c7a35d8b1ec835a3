/*
 * A phone (390 px): every main page fits the screen, with no sideways scrolling,
 * and the first screen shows content rather than chrome. Screenshots of each page
 * land in e2e/screenshots/ (phone-*.png) to be looked at.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { fillLogin, serveJitsiStandIn, person, postByApi, publishedWebinarByApi, shot, signUpByApi, webinarIdByApi, type Person } from './helpers';

test.describe.configure({ mode: 'serial' });

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function fits(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  await shot(page, `phone-${name}`);
  await shot(page, `phone-${name}-first-screen`, { firstScreen: true });
  // On a phone, content wider than the screen also widens the layout viewport (innerWidth): compare with both.
  expect(scrollWidth, `${name} is wider than the screen`).toBeLessThanOrEqual(Math.min(innerWidth, PHONE.viewport.width));
}

async function phoneAs(browser: Browser, who: Person | null, next: string): Promise<Page> {
  const context = await browser.newContext(PHONE);
  await serveJitsiStandIn(context);
  const page = await context.newPage();
  if (who) {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await fillLogin(page, who);
  } else {
    await page.goto(next);
  }
  return page;
}

test('every main page fits a 390 px screen', async ({ browser, request }) => {
  const organizer = person('phil', 'Phil Phoneholder-Organizer');
  const attendee = person('tess', 'Tess Touchscreen');
  const hostAccess = await signUpByApi(request, organizer);
  const slug = await publishedWebinarByApi(request, hostAccess, `A webinar with a rather long title to wrap ${Date.now().toString(36)}`);
  const id = await webinarIdByApi(request, slug);
  const attendeeAccess = await signUpByApi(request, attendee);
  await postByApi(request, attendeeAccess, `/api/webinars/${id}/register/`);
  for (const n of [1, 2]) {
    await postByApi(request, await signUpByApi(request, person(`reg${n}`, `Registrant Number ${n}`)), `/api/webinars/${id}/register/`);
  }

  const visitor = await phoneAs(browser, null, '/');
  await expect(visitor.getByRole('heading', { name: 'Upcoming webinars' })).toBeVisible();
  // The filters stay folded, so the first screen shows webinars.
  await expect(visitor.getByRole('link', { name: /A webinar with a rather long title/ }).first()).toBeInViewport();
  await fits(visitor, 'list');
  await visitor.goto(`/w/${slug}`);
  await expect(visitor.getByRole('link', { name: 'Log in to register' })).toBeVisible();
  await fits(visitor, 'event-visitor');
  await visitor.goto('/login');
  await fits(visitor, 'login');
  await visitor.goto('/signup');
  await fits(visitor, 'signup');

  const guest = await phoneAs(browser, attendee, `/w/${slug}`);
  await expect(guest.getByText('Your registration is awaiting approval from the hosts.')).toBeVisible();
  await fits(guest, 'event-attendee');
  await guest.goto('/me');
  await expect(guest.getByRole('heading', { level: 1 })).toBeVisible();
  await fits(guest, 'my-webinars');

  const host = await phoneAs(browser, organizer, `/webinars/${id}/manage`);
  await expect(host.getByRole('button', { name: 'Approve Tess Touchscreen' })).toBeVisible();
  await fits(host, 'dashboard');
  await host.goto('/webinars/new');
  await fits(host, 'new-webinar');

  // The green room, then live: the room page with its host controls.
  await postByApi(request, hostAccess, `/api/webinars/${id}/live/start/`, { practice: false });
  await host.goto(`/webinars/${id}/manage`);
  await expect(host.getByRole('heading', { name: /In the room now/ })).toBeVisible();
  await fits(host, 'dashboard-live');
  await host.getByRole('heading', { name: 'Registrants' }).scrollIntoViewIfNeeded();
  await shot(host, 'phone-dashboard-registrants', { firstScreen: true });
  await host.getByRole('heading', { name: 'Attendance' }).scrollIntoViewIfNeeded();
  await shot(host, 'phone-dashboard-attendance', { firstScreen: true });
  await host.goto(`/w/${slug}/live`);
  await expect(host.getByTestId('jitsi-stand-in')).toBeVisible();
  await expect(host.getByRole('toolbar', { name: 'Host controls' })).toBeVisible();
  await fits(host, 'room-host');
});
