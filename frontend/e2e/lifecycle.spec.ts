/*
 * Once a webinar is over, the pages offer only what the API still allows:
 * the actions come from the webinar's `allowed_actions`, the one rule both share.
 */
import { expect, test } from '@playwright/test';
import { fillLogin, person, postByApi, publishedWebinarByApi, shot, signUpByApi, webinarIdByApi } from './helpers';

test.describe.configure({ mode: 'serial' });

test('an ended webinar offers no decisions, no unregistering and no empty room card', async ({ browser, request }) => {
  const organizer = person('erin', 'Erin Ended');
  const attendee = person('amos', 'Amos Approved');
  const hostAccess = await signUpByApi(request, organizer);
  const slug = await publishedWebinarByApi(request, hostAccess, `Over ${Date.now().toString(36)}`);
  const id = await webinarIdByApi(request, slug);
  const attendeeAccess = await signUpByApi(request, attendee);
  const mine = (await postByApi(request, attendeeAccess, `/api/webinars/${id}/register/`)) as { id: number };
  await postByApi(request, hostAccess, `/api/webinars/${id}/registrations/${mine.id}/approve/`);
  await postByApi(request, await signUpByApi(request, person('pat', 'Pat Pending')), `/api/webinars/${id}/register/`);
  await postByApi(request, hostAccess, `/api/webinars/${id}/live/start/`, { practice: false });
  await postByApi(request, hostAccess, `/api/webinars/${id}/live/end/`);

  const hostContext = await browser.newContext();
  const host = await hostContext.newPage();
  await host.goto(`/login?next=${encodeURIComponent(`/webinars/${id}/manage`)}`);
  await fillLogin(host, organizer);
  await expect(host.getByRole('heading', { level: 1 })).toContainText('Ended');
  await expect(host.getByRole('table', { name: 'Registrants' }).getByRole('row', { name: /Pat Pending/ })).toBeVisible();
  await expect(host.getByRole('button', { name: /^(Approve|Reject)/ })).toHaveCount(0);
  await expect(host.getByRole('button', { name: 'Cancel webinar' })).toHaveCount(0);
  await expect(host.getByRole('link', { name: 'Edit', exact: true })).toHaveCount(0);
  await expect(host.getByRole('heading', { name: /In the room now/ })).toHaveCount(0);
  await expect(host.getByText('This webinar has ended.')).toBeVisible();
  await shot(host, '20-host-dashboard-ended');
  await hostContext.close();

  const attendeeContext = await browser.newContext();
  const page = await attendeeContext.newPage();
  await page.goto(`/login?next=${encodeURIComponent(`/w/${slug}`)}`);
  await fillLogin(page, attendee);
  await expect(page.getByText('You are registered.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel registration' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Register/ })).toHaveCount(0);
  await shot(page, '21-event-page-ended');
  await attendeeContext.close();
});
