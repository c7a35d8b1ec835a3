/*
 * What Jitsi does by itself while someone sits in the room (issue 9): a move to a
 * breakout room is not a leave, and a refused token or a dropped connection is
 * repaired with a fresh join token, without a click. The stand-in external API
 * emits the events a real Jitsi would (fixtures/external_api.js).
 */
import { expect, test, type Page } from '@playwright/test';
import { fillLogin, hostAndGuest, JITSI_DOMAIN, person, postByApi, publishedWebinarByApi, shot, signUpByApi, standIn, standInDoes, webinarIdByApi } from './helpers';

test.describe.configure({ mode: 'serial' });

/** An instant (live, open) webinar with a registered attendee, who is logged in and in the room. */
async function attendeeInTheRoom(guest: Page): Promise<void> {
  const request = guest.context().request;
  const hostAccess = await signUpByApi(request, person('bree', 'Bree Breakout'));
  const instant = (await postByApi(request, hostAccess, '/api/webinars/instant/', { title: 'Workshop' })) as {
    webinar: { id: number; slug: string };
  };
  const attendee = person('rory', 'Rory Roomer');
  await postByApi(request, await signUpByApi(request, attendee), `/api/webinars/by-slug/${instant.webinar.slug}/register/`);
  await guest.goto(`/login?next=${encodeURIComponent(`/w/${instant.webinar.slug}/live`)}`);
  await fillLogin(guest, attendee);
  await expect(guest.getByTestId('jitsi-stand-in')).toContainText('Rory Roomer');
}

function countRequests(page: Page, suffix: string): { count: () => number } {
  let n = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith(suffix)) n += 1;
  });
  return { count: () => n };
}

test('moving to a breakout room keeps the meeting and reports no leave', async ({ browser }) => {
  const { guest, close } = await hostAndGuest(browser);
  await attendeeInTheRoom(guest);
  const leaves = countRequests(guest, '/live/leave/');

  await standInDoes(guest, 'moveToBreakout');
  // Past the breakout's join, and a while longer: still in the same meeting.
  await guest.waitForTimeout(1500);
  await expect(guest.getByTestId('jitsi-stand-in')).toBeVisible();
  await expect(guest.getByRole('heading', { name: 'You left the room' })).toHaveCount(0);
  const record = (await standIn(guest))!;
  expect(record.disposed).toBe(0);
  expect(record.constructed).toHaveLength(1);
  expect(leaves.count()).toBe(0);

  // A real hang-up from the breakout room still ends the visit, once.
  const leave = guest.waitForRequest((r) => r.url().endsWith('/live/leave/') && r.method() === 'POST');
  await guest.getByRole('button', { name: 'Leave meeting (stand-in)' }).click();
  await leave;
  await expect(guest.getByRole('heading', { name: 'You left the room' })).toBeVisible();
  expect(leaves.count()).toBe(1);
  await close();
});

test('a refused token or a dropped connection fetches a fresh token and rebuilds the meeting by itself', async ({ browser }) => {
  const { guest, close } = await hostAndGuest(browser);
  await attendeeInTheRoom(guest);
  const leaves = countRequests(guest, '/live/leave/');

  const rejoin = guest.waitForResponse((r) => r.url().endsWith('/live/join/') && r.request().method() === 'POST' && r.status() === 200);
  await standInDoes(guest, 'failConnection');
  const fresh = (await (await rejoin).json()) as { jwt: string };
  await expect.poll(async () => (await standIn(guest))!.constructed.length).toBe(2);
  const record = (await standIn(guest))!;
  expect(record.constructed[1]!.jwt).toBe(fresh.jwt);
  expect(record.disposed).toBe(1);
  await expect(guest.getByTestId('jitsi-stand-in')).toBeVisible();
  await expect(guest.getByRole('button', { name: 'Rejoin' })).toHaveCount(0);
  expect(leaves.count()).toBe(0);
  await close();
});

test('a host in the green room goes live from the room page', async ({ browser }) => {
  const { host, close } = await hostAndGuest(browser);
  const request = host.context().request;
  const organizer = person('gwen', 'Gwen Greenroom');
  const access = await signUpByApi(request, organizer);
  const slug = await publishedWebinarByApi(request, access, `Rehearsal ${Date.now().toString(36)}`);
  await postByApi(request, access, `/api/webinars/${await webinarIdByApi(request, slug)}/live/start/`, { practice: true });
  await host.goto(`/login?next=${encodeURIComponent(`/w/${slug}/live`)}`);
  await fillLogin(host, organizer);
  await expect(host.getByTestId('jitsi-stand-in')).toBeVisible();
  await expect(host.getByTestId('room')).toContainText('Green room');
  await shot(host, '13-green-room');
  await host.getByRole('button', { name: 'Go Live' }).click();
  await expect(host.getByRole('button', { name: 'Go Live' })).toHaveCount(0);
  await expect(host.getByTestId('room')).toContainText('Live');
  await close();
});

test('when the video server cannot be reached, one message says so, and a host learns what to check', async ({ browser }) => {
  const context = await browser.newContext();
  await context.route(`https://${JITSI_DOMAIN}/**`, (route) => route.abort('connectionrefused'));
  const page = await context.newPage();
  const organizer = person('uma', 'Uma Unreachable');
  const instant = (await postByApi(context.request, await signUpByApi(context.request, organizer), '/api/webinars/instant/', {})) as {
    webinar: { slug: string };
  };
  await page.goto(`/login?next=${encodeURIComponent(`/w/${instant.webinar.slug}/live`)}`);
  await fillLogin(page, organizer);
  await expect(page.getByRole('heading', { name: 'The video room is not available' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(page.getByText('JITSI_DOMAIN')).toBeVisible();
  await expect(page.getByTestId('jitsi-container')).toHaveCount(0);
  await shot(page, '14-room-unreachable');
  await context.close();
});
