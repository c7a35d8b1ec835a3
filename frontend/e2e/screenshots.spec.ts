/*
 * Screenshots of every page, on a desktop and a phone, in the dark and the
 * high-contrast themes, written to e2e/screenshots/pages/ (git-ignored) to be
 * looked at. Each page is also checked for what would be wrong in any theme:
 * no sideways scroll, and its main heading visible.
 */
import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import {
  fillLogin,
  person,
  postByApi,
  publishedWebinarByApi,
  serveJitsiStandIn,
  shot,
  signUpByApi,
  webinarIdByApi,
  type Person,
} from './helpers';

test.describe.configure({ mode: 'serial' });

const VARIANTS: Record<string, BrowserContextOptions> = {
  desktop: {},
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  dark: { colorScheme: 'dark' },
  contrast: { contrast: 'more' },
};

async function open(browser: Browser, options: BrowserContextOptions, who: Person | null): Promise<Page> {
  const context = await browser.newContext(options);
  await serveJitsiStandIn(context);
  const page = await context.newPage();
  if (who) {
    await page.goto('/login');
    await fillLogin(page, who);
  }
  return page;
}

async function capture(page: Page, variant: string, name: string, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  await shot(page, `pages/${variant}/${name}`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `${variant} ${name} scrolls sideways`).toBeLessThanOrEqual(page.viewportSize()!.width);
}

test('every page in every theme and size', async ({ browser, request }) => {
  test.setTimeout(600_000); // 60 pages; slow on a shared 2-core machine
  const organizer = person('sonia', 'Sonia Screens');
  const attendee = person('andre', 'André Attendee');
  const hostAccess = await signUpByApi(request, organizer);
  const slug = await publishedWebinarByApi(request, hostAccess, `Screenshots tour ${Date.now().toString(36)}`);
  const id = await webinarIdByApi(request, slug);
  const attendeeAccess = await signUpByApi(request, attendee);
  const mine = (await postByApi(request, attendeeAccess, `/api/webinars/${id}/register/`)) as { id: number };
  await postByApi(request, hostAccess, `/api/webinars/${id}/registrations/${mine.id}/approve/`);
  await postByApi(request, await signUpByApi(request, person('pia', 'Pia Pending')), `/api/webinars/${id}/register/`);
  // Co-hosts: the attendee has an invitation to answer (My webinars, the edit page's pending list); Cole accepted his.
  await postByApi(request, hostAccess, `/api/webinars/${id}/co-hosts/invite/`, { username: attendee.username });
  const coHost = person('cole', 'Cole Cohost');
  const coHostAccess = await signUpByApi(request, coHost);
  const invitation = (await postByApi(request, hostAccess, `/api/webinars/${id}/co-hosts/invite/`, { username: coHost.username })) as { id: number };
  await postByApi(request, coHostAccess, `/api/co-host-invitations/${invitation.id}/accept/`);
  const live = (await postByApi(request, hostAccess, '/api/webinars/instant/', { title: 'Live right now' })) as {
    webinar: { id: number; slug: string };
  };

  for (const [variant, options] of Object.entries(VARIANTS)) {
    const visitor = await open(browser, options, null);
    await capture(visitor, variant, '01-list', '/');
    await capture(visitor, variant, '02-event-visitor', `/w/${slug}`);
    await capture(visitor, variant, '03-login', '/login');
    await capture(visitor, variant, '04-signup', '/signup');
    await capture(visitor, variant, '05-not-found', '/no-such-page');
    await visitor.context().close();

    const guest = await open(browser, options, attendee);
    await capture(guest, variant, '06-event-attendee', `/w/${slug}`);
    await capture(guest, variant, '07-my-webinars-attendee', '/me');
    await capture(guest, variant, '08-waiting-room', `/w/${slug}/live`);
    await guest.context().close();

    const host = await open(browser, options, organizer);
    await capture(host, variant, '09-my-webinars-host', '/me');
    await capture(host, variant, '10-dashboard', `/webinars/${id}/manage`);
    await capture(host, variant, '11-edit', `/webinars/${id}/edit`);
    await capture(host, variant, '12-new-webinar', '/webinars/new');
    await capture(host, variant, '13-dashboard-live', `/webinars/${live.webinar.id}/manage`);
    await capture(host, variant, '14-room-host', `/w/${live.webinar.slug}/live`);
    await expect(host.getByTestId('jitsi-stand-in')).toBeVisible();
    await shot(host, `pages/${variant}/14-room-host`);
    await host.context().close();

    const colleague = await open(browser, options, coHost);
    await capture(colleague, variant, '15-dashboard-co-host', `/webinars/${id}/manage`);
    await colleague.context().close();
  }
});
