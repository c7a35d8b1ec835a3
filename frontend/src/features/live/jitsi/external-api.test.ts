import { afterEach, describe, expect, it } from 'vitest';
import { externalApiUrl, isValidJitsiDomain, loadExternalApi, resetExternalApiCache } from './external-api';

afterEach(() => {
  resetExternalApiCache();
  document.head.querySelectorAll('script[data-jitsi-domain]').forEach((s) => s.remove());
  delete window.JitsiMeetExternalAPI;
});

describe('loading the Jitsi external API', () => {
  it('loads external_api.js from the domain in the join answer, once', async () => {
    const first = loadExternalApi('meet.example.test');
    const second = loadExternalApi('meet.example.test');
    const scripts = document.head.querySelectorAll<HTMLScriptElement>('script[data-jitsi-domain]');
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.src).toBe('https://meet.example.test/external_api.js');
    class Api {}
    window.JitsiMeetExternalAPI = Api as never;
    scripts[0]!.dispatchEvent(new Event('load'));
    expect(await first).toBe(Api);
    expect(second).toBe(first);
  });

  it('reports a script that fails to load, and allows a retry', async () => {
    const attempt = loadExternalApi('down.example.test');
    document.head.querySelector('script[data-jitsi-domain]')!.dispatchEvent(new Event('error'));
    await expect(attempt).rejects.toThrow(/Could not load the video room from down.example.test/);
    expect(document.head.querySelectorAll('script[data-jitsi-domain]')).toHaveLength(0);
  });

  it('refuses anything but a host name', async () => {
    expect(isValidJitsiDomain('meet.example.org')).toBe(true);
    expect(isValidJitsiDomain('localhost:8443')).toBe(true);
    expect(isValidJitsiDomain('evil.test/x.js?')).toBe(false);
    expect(isValidJitsiDomain('a"onload=')).toBe(false);
    await expect(loadExternalApi('x/y')).rejects.toThrow(/Invalid/);
    expect(externalApiUrl('meet.jit.si')).toBe('https://meet.jit.si/external_api.js');
  });
});
