/*
 * The whole story, in a real browser against the real backend:
 * an organizer creates and publishes a webinar, an attendee registers and
 * waits, the organizer goes live, and the attendee's waiting page turns into
 * the room by itself.
 *
 * No Jitsi server runs here: https://meet.e2e.test/external_api.js is
 * intercepted and answered with a local stand-in (e2e/fixtures/external_api.js)
 * that records the JitsiMeetExternalAPI constructor's arguments on
 * window.__jitsiStandIn and fires the events the app listens to
 * (videoConferenceJoined, videoConferenceLeft, readyToClose).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import {
  fillLogin,
  hostAndGuest,
  JITSI_DOMAIN,
  jwtPayload,
  localInput,
  person,
  publishedWebinarByApi,
  shot,
  signUp,
  signUpByApi,
  standIn,
} from './helpers';

test.describe.configure({ mode: 'serial' });

// The browser may recover from a server error on retry; the backend must not have had one.
// (This is how a SQLite "database is locked" 500 on live/end was caught.)
test.afterAll(() => {
  const log = readFileSync(process.env.E2E_BACKEND_LOG ?? 'e2e/logs/backend.log', 'utf8');
  expect(log, 'the backend answered 500 during the run; see e2e/logs/backend.log').not.toContain('Internal Server Error');
});

test('organizer goes live and the waiting attendee lands in the room by itself', async ({ browser }) => {
  const organizer = person('olga', 'Olga Organizer');
  const attendee = person('alice', 'Alice Attendee');
  const title = `Launch party ${Date.now().toString(36)}`;

  const { host, guest, close } = await hostAndGuest(browser);

  // --- The organizer signs up, creates a draft and publishes it. ---
  await signUp(host, organizer);
  await host.getByRole('link', { name: 'New webinar' }).click();
  await host.getByLabel('Title').fill(title);
  await host.getByLabel('Description').fill('We show the new release, live, and take questions.');
  await host.getByLabel('Starts').fill(localInput(60));
  await host.getByLabel('Ends').fill(localInput(120));
  await host.getByLabel('Capacity').fill('25');
  await host.getByLabel('Tags').fill('launch, demo');
  await host.getByRole('button', { name: 'Create draft' }).click();
  await expect(host.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(host.getByRole('heading', { level: 1 })).toContainText('Draft');
  await host.getByRole('button', { name: 'Publish' }).click();
  await expect(host.getByText('Published: people can now find and register for it.')).toBeVisible();
  await expect(host.getByRole('heading', { level: 1 })).toContainText('Scheduled');
  const dashboardUrl = host.url();
  const eventLink = await host.getByLabel('Share the event page').inputValue();
  const slug = new URL(eventLink).pathname.split('/')[2]!;
  expect(slug).toBeTruthy();

  // --- The attendee finds it in the public list, signs up and registers. ---
  await guest.goto('/');
  await guest.getByLabel('Search').fill(title);
  await guest.getByRole('button', { name: 'Apply filters' }).click();
  await expect(guest.getByRole('link', { name: title })).toBeVisible();
  await shot(guest, '01-webinar-list');
  await signUp(guest, attendee);
  await guest.goto(`/w/${slug}`);
  await expect(guest.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(guest.getByTestId('live-status')).toContainText('Not started yet.');
  await guest.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(guest.getByText('You are registered.')).toBeVisible();
  await expect(guest.getByRole('link', { name: 'Go to the waiting room' })).toBeVisible();
  await shot(guest, '02-event-page');

  // --- The attendee goes to the waiting room: the session is not open, so they wait. ---
  await guest.getByRole('link', { name: 'Go to the waiting room' }).click();
  await expect(guest.getByTestId('waiting-room')).toBeVisible();
  await expect(guest.getByText(/you will join automatically when it starts/i)).toBeVisible();
  await shot(guest, '03-waiting-room');
  expect(await standIn(guest)).toBeUndefined();

  // --- The organizer goes live. The attendee's page must turn into the room on its own. ---
  const joinAnswer = guest.waitForResponse((r) => r.url().endsWith('/live/join/') && r.request().method() === 'POST' && r.status() === 200, {
    timeout: 30_000,
  });
  await host.goto(dashboardUrl);
  await host.getByRole('button', { name: 'Go Live' }).click();
  await expect(host.getByText('You are live: registered attendees can join now.')).toBeVisible();
  await shot(host, '05-host-dashboard-live');

  const join = (await (await joinAnswer).json()) as { domain: string; room: string; jwt: string; display_name: string; moderator: boolean };
  await expect(guest.getByTestId('room')).toBeVisible();
  await expect(guest.getByTestId('jitsi-stand-in')).toContainText('Alice Attendee');
  await shot(guest, '04-room-attendee');

  // The stand-in external API was built with the domain, room and token from the join answer.
  const record = await standIn(guest);
  expect(record?.constructed).toHaveLength(1);
  const built = record!.constructed[0]!;
  expect(join.domain).toBe(JITSI_DOMAIN);
  expect(built.domain).toBe(JITSI_DOMAIN);
  expect(built.roomName).toBe(join.room);
  expect(built.jwt).toBe(join.jwt);
  expect(built.displayName).toBe('Alice Attendee');
  expect(join.display_name).toBe('Alice Attendee');
  expect(built.parentNodeIsElement).toBe(true);
  expect(built.parentTestId).toBe('jitsi-container');
  expect(join.moderator).toBe(false);
  // The token names this room and this person, and an attendee is never a moderator.
  const claims = jwtPayload(join.jwt);
  expect(claims.room).toBe(join.room);
  expect((claims.context as { user: { name: string; moderator: unknown } }).user.name).toBe('Alice Attendee');
  expect(String((claims.context as { user: { moderator: unknown } }).user.moderator)).toBe('false');
  // Attendees get no host controls.
  await expect(guest.getByRole('toolbar', { name: 'Host controls' })).toHaveCount(0);

  // The host sees the attendee in the room (after the join is recorded).
  await expect(host.getByRole('heading', { name: /In the room now/ })).toBeVisible();

  // --- The attendee hangs up: the leave is reported and the meeting disposed. Rejoin gets a fresh token. ---
  const leave = guest.waitForRequest((r) => r.url().endsWith('/live/leave/') && r.method() === 'POST');
  await guest.getByRole('button', { name: 'Leave meeting (stand-in)' }).click();
  await leave;
  await expect(guest.getByRole('heading', { name: 'You left the room' })).toBeVisible();
  expect((await standIn(guest))?.disposed).toBe(1);
  await guest.getByRole('button', { name: 'Rejoin' }).click();
  await expect(guest.getByTestId('jitsi-stand-in')).toBeVisible();
  const rejoined = (await standIn(guest))!.constructed;
  expect(rejoined).toHaveLength(2);
  expect(rejoined[1]!.roomName).toBe(join.room);

  // --- The organizer enters the room as a host, mutes everyone and ends it for all. ---
  await host.getByRole('link', { name: 'Enter the room' }).click();
  await expect(host.getByRole('toolbar', { name: 'Host controls' })).toBeVisible();
  await expect(host.getByTestId('jitsi-stand-in')).toContainText('Olga Organizer');
  await host.getByRole('button', { name: 'Mute everyone' }).click();
  await expect(host.getByRole('button', { name: /lobby/i })).toHaveCount(0);
  await shot(host, '06-room-host');
  const ended = host.waitForResponse((r) => r.url().endsWith('/live/end/') && r.status() === 200);
  await host.getByRole('button', { name: 'End for all' }).click();
  await host.getByRole('button', { name: 'Yes, end for all' }).click();
  await ended;
  await expect(host.getByRole('heading', { name: 'This session has ended' })).toBeVisible();
  expect((await standIn(host))?.commands).toEqual([['muteEveryone'], ['endConference']]);

  // The attendee's room notices the end by itself.
  await expect(guest.getByRole('heading', { name: 'This session has ended' })).toBeVisible({ timeout: 20_000 });

  // --- After the session: the attendance report with its chart. ---
  await host.goto(dashboardUrl);
  await expect(host.getByRole('heading', { name: 'Attendance' })).toBeVisible();
  await expect(host.getByRole('row', { name: /Alice Attendee/ }).first()).toBeVisible();
  await shot(host, '07-host-dashboard-attendance');

  await close();
});

test('an instant webinar: one click to go live, one click for a guest to register and join', async ({ browser }) => {
  const { host, guest, close } = await hostAndGuest(browser);

  await signUp(host, person('ivan', 'Ivan Instant'));
  await host.getByRole('link', { name: 'My webinars' }).click();
  await host.getByRole('button', { name: 'Start an instant webinar' }).click();
  const link = await host.getByLabel('Event link').inputValue();
  expect(new URL(link).pathname).toMatch(/^\/w\/[-\w]+$/);
  await shot(host, '10-instant-webinar');

  // The guest opens the shared link, signs up, and registers-and-joins in one click.
  await signUp(guest, person('gina', 'Gina Guest'));
  await guest.goto(new URL(link).pathname);
  await expect(guest.getByTestId('live-status')).toContainText('Live now!');
  await guest.getByRole('button', { name: 'Register and join' }).click();
  await expect(guest.getByTestId('jitsi-stand-in')).toContainText('Gina Guest');
  const built = (await standIn(guest))!.constructed[0]!;
  expect(built.domain).toBe(JITSI_DOMAIN);
  expect(built.displayName).toBe('Gina Guest');

  // Our own Leave button hangs up through the API, which reports the leave.
  const leave = guest.waitForRequest((r) => r.url().endsWith('/live/leave/') && r.method() === 'POST');
  await guest.getByRole('button', { name: 'Leave', exact: true }).click();
  await leave;
  await expect(guest.getByRole('heading', { name: 'You left the room' })).toBeVisible();
  expect((await standIn(guest))!.commands).toEqual([['hangup']]);

  await close();
});

test('an organizer invites a co-host by username; the invitee accepts, manages, and can stop co-hosting', async ({ browser }) => {
  const { host: page, guest: invitee, close } = await hostAndGuest(browser);
  // The invitee exists (set up through the API); the organizer signs up in the page.
  const coHost = person('cora', 'Cora Cohost');
  await signUpByApi(invitee.context().request, coHost);
  await signUp(page, person('oren', 'Oren Organizer'));
  await page.goto('/webinars/new');
  const title = `Co-hosted ${Date.now().toString(36)}`;
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('Starts').fill(localInput(60));
  await page.getByLabel('Ends').fill(localInput(120));
  // Nobody can be invited to a webinar that does not exist yet: the form says when.
  await expect(page.getByText(/invited by username once the draft is saved/)).toBeVisible();
  await page.getByRole('button', { name: 'Create draft' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Draft');
  await page.getByRole('link', { name: 'Edit', exact: true }).click();

  const username = page.getByLabel('Invite a co-host by username');
  await username.fill(`nobody-${coHost.username}`);
  await page.getByRole('button', { name: 'Invite', exact: true }).click();
  await expect(username).toHaveAccessibleDescription(/No active account has this username\./);
  // Exact username in any case; Enter invites without submitting the form.
  await username.fill(coHost.username.toUpperCase());
  await username.press('Enter');
  const invited = page.getByRole('list', { name: 'Invited, not answered yet' });
  await expect(invited.getByRole('listitem')).toHaveText([`Cora Cohost @${coHost.username} · invitedWithdraw`]);
  await expect(page).toHaveURL(/\/edit$/);
  await shot(page, '12-co-host-invited');

  // The invitee, in a browser of their own, accepts from My webinars and manages the webinar.
  await invitee.goto('/login?next=/me');
  await fillLogin(invitee, coHost);
  await expect(invitee.getByRole('heading', { name: 'Invitations to co-host' })).toBeVisible();
  await shot(invitee, '13-co-host-invitation');
  await invitee.getByRole('button', { name: `Accept co-hosting ${title}` }).click();
  await expect(invitee.getByRole('heading', { name: 'Invitations to co-host' })).toBeHidden();
  await invitee.getByRole('link', { name: `Manage ${title}` }).click();
  await expect(invitee.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(invitee.getByRole('heading', { name: 'Registrants' })).toBeVisible();

  // The organizer's edit page now lists them as a current co-host.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Remove Cora Cohost' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Invited, not answered yet' })).toBeHidden();

  // The co-host steps down and is back on My webinars, without the webinar.
  await invitee.getByRole('button', { name: 'Stop co-hosting' }).click();
  await invitee.getByRole('button', { name: 'Yes, stop co-hosting' }).click();
  await expect(invitee).toHaveURL(/\/me$/);
  await expect(invitee.getByRole('link', { name: `Manage ${title}` })).toBeHidden();
  await close();
});

test('the list and event page follow the dark and high-contrast themes', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  // Set-up through the API: an organizer with a published, approval-only webinar.
  const access = await signUpByApi(context.request, person('tara', 'Tara Themes'));
  const title = `Product tour ${Date.now().toString(36)}`;
  const slug = await publishedWebinarByApi(context.request, access, title);

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Upcoming webinars' })).toBeVisible();
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  expect(await background(page)).toBe('rgb(15, 17, 23)');
  await shot(page, '08-dark-mode');

  // Switch to high contrast by hand; the choice survives a reload.
  await page.goto(`/w/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByLabel('Theme').selectOption('contrast');
  await page.reload();
  await expect(page.getByLabel('Theme')).toHaveValue('contrast');
  expect(await background(page)).toBe('rgb(0, 0, 0)');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await shot(page, '09-high-contrast-event');
  await context.close();
});

test('keyboard users get a skip link and visible focus', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Upcoming webinars' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  // After skipping, focus is inside the main content (the search form).
  expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
});

function background(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
}
