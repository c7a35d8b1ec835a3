/*
 * Recordings (issue 13): a host starts and stops a recording in the room through the external API,
 * the test plays Jibri (a file in the inbox, then the finalize script's announcement), the host
 * publishes it from the dashboard, and a registrant watches it on the event page after the webinar.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { fillLogin, hostAndGuest, person, postByApi, shot, signUpByApi, standIn } from './helpers';

/** The test-only secret e2e/start-backend.sh gives the backend. */
const RECORDINGS_SECRET = 'e2e-test-only-recordings-secret-0123456789abcdef';

/** A minimal MP4 as Jibri would leave it: an ftyp box, then moov with a movie header of 5 s. */
function tinyMp4(): Buffer {
  const box = (type: string, payload: Buffer) => {
    const header = Buffer.alloc(8);
    header.writeUInt32BE(8 + payload.length);
    header.write(type, 4, 'latin1');
    return Buffer.concat([header, payload]);
  };
  const mvhd = Buffer.alloc(100); // version 0: flags, times, timescale, duration, rate, volume, matrix...
  mvhd.writeUInt32BE(1000, 12); // timescale
  mvhd.writeUInt32BE(5000, 16); // duration: 5 s
  mvhd.writeUInt32BE(0x00010000, 20); // rate 1.0
  return Buffer.concat([box('ftyp', Buffer.from('isom\0\0\u0002\0isom', 'latin1')), box('moov', box('mvhd', mvhd))]);
}

test('a host records in the room and publishes it; a registrant watches it after the webinar', async ({ browser }) => {
  const { host, guest, close } = await hostAndGuest(browser);
  const request = host.context().request;
  const organizer = person('rita', 'Rita Recorder');
  const hostAccess = await signUpByApi(request, organizer);
  const instant = (await postByApi(request, hostAccess, '/api/webinars/instant/', { title: 'Recorded talk' })) as {
    webinar: { id: number; slug: string };
  };
  const { id, slug } = instant.webinar;
  const attendee = person('vic', 'Vic Viewer');
  await postByApi(guest.context().request, await signUpByApi(guest.context().request, attendee), `/api/webinars/by-slug/${slug}/register/`);

  // The host, in the room, starts and stops a recording.
  await host.goto(`/login?next=${encodeURIComponent(`/w/${slug}/live`)}`);
  await fillLogin(host, organizer);
  await expect(host.getByTestId('jitsi-stand-in')).toBeVisible();
  await host.getByRole('button', { name: 'Start recording' }).click();
  const stop = host.getByRole('button', { name: 'Stop recording' });
  await expect(stop).toBeEnabled();
  await expect(stop).toHaveAttribute('aria-pressed', 'true');
  await expect(host.getByText('● REC')).toBeVisible();
  await shot(host, '15-recording-in-room');
  await stop.click();
  const start = host.getByRole('button', { name: 'Start recording' });
  await expect(start).toBeEnabled();
  await expect(start).toHaveAttribute('aria-pressed', 'false');
  const record = (await standIn(host))!;
  expect(record.commands).toEqual([['startRecording', { mode: 'file' }], ['stopRecording', 'file']]);

  // Jibri writes the file, then its finalize script announces it for the room it recorded.
  const room = record.constructed.at(-1)!.roomName;
  const inbox = process.env.E2E_RECORDINGS_INBOX!;
  mkdirSync(path.join(inbox, 'session-1'), { recursive: true });
  writeFileSync(path.join(inbox, 'session-1', `${room}_2030-01-01-10-00-00.mp4`), tinyMp4());
  const announced = await request.post('/api/jitsi/recordings', {
    headers: { Authorization: `Bearer ${RECORDINGS_SECRET}` },
    data: { room, path: `session-1/${room}_2030-01-01-10-00-00.mp4` },
  });
  expect(announced.status(), await announced.text()).toBe(202);

  // The host ends the webinar and publishes the recording from the dashboard.
  await host.getByRole('button', { name: 'End for all' }).click();
  await host.getByRole('button', { name: 'Yes, end for all' }).click();
  await expect(host.getByRole('heading', { name: 'This session has ended' })).toBeVisible();
  await host.goto(`/webinars/${id}/manage`);
  const recordings = host.getByRole('region', { name: 'Recordings' });
  await expect(recordings.getByRole('cell', { name: '0:05' })).toBeVisible();
  await recordings.getByRole('button', { name: /^Publish recording of / }).click();
  await expect(recordings.getByRole('button', { name: /^Unpublish recording of / })).toBeVisible();
  await expect(recordings).toContainText('Published');
  await shot(host, '16-recordings-dashboard');
  await host.setViewportSize({ width: 390, height: 844 });
  await shot(host, 'phone-recordings-dashboard');

  // The registrant finds the player on the event page.
  await guest.goto(`/login?next=${encodeURIComponent(`/w/${slug}`)}`);
  await fillLogin(guest, attendee);
  const player = guest.getByRole('region', { name: 'Recording' });
  await expect(player).toBeVisible();
  const video = player.locator('video');
  await expect(video).toHaveAttribute('src', /\/api\/webinars\/\d+\/recordings\/\d+\/download\//);
  await expect(player.getByRole('link', { name: 'Download' })).toBeVisible();
  await shot(guest, '17-recording-player');
  await guest.setViewportSize({ width: 390, height: 844 });
  await shot(guest, 'phone-recording-player');
  await close();
});
