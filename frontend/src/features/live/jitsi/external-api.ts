/**
 * Loading Jitsi's IFrame API (`https://<domain>/external_api.js`). The domain
 * comes from the join answer at run time, never from the build, so one build
 * serves any deployment. The script is loaded once per domain.
 */

export interface JitsiMeetOptions {
  roomName: string;
  jwt: string;
  parentNode: HTMLElement;
  width?: string | number;
  height?: string | number;
  userInfo?: { displayName?: string; email?: string };
  configOverwrite?: Record<string, unknown>;
  interfaceConfigOverwrite?: Record<string, unknown>;
  lang?: string;
}

export interface JitsiMeetApi {
  addListener(event: string, listener: (payload?: unknown) => void): void;
  removeListener?(event: string, listener: (payload?: unknown) => void): void;
  executeCommand(command: string, ...args: unknown[]): void;
  dispose(): void;
}

export type JitsiMeetApiConstructor = new (domain: string, options: JitsiMeetOptions) => JitsiMeetApi;

declare global {
  interface Window {
    JitsiMeetExternalAPI?: JitsiMeetApiConstructor;
  }
}

/**
 * Moving into a breakout room makes the external API emit `videoConferenceLeft` for
 * the main room, then `videoConferenceJoined` for the breakout room (jitsi-meet's
 * breakout-rooms/actions.ts); a hang-up emits `videoConferenceLeft` then `readyToClose`.
 * So a left counts as leaving only after this long without a join; the move connects
 * to another room, which takes a moment.
 */
export const LEAVE_GRACE_MS = 10_000;

/**
 * Errors (`errorOccurred`: {name, type, message, isFatal}) that a fresh token and a new
 * meeting repair: Prosody refused the token (checked on connect and on resumption, with
 * no leeway), or the connection dropped for good.
 */
export function isConnectionFailure(error: { name?: string; type?: string; isFatal?: boolean }): boolean {
  const authentication = /authenticationRequired|passwordRequired|notAllowed/i.test(error.name ?? '');
  return authentication || (error.type === 'CONNECTION' && Boolean(error.isFatal));
}

const loading = new Map<string, Promise<JitsiMeetApiConstructor>>();

/** Only a bare host name (optionally with port) may become a script URL. */
export function isValidJitsiDomain(domain: string): boolean {
  return /^[a-z0-9.-]+(:\d{1,5})?$/i.test(domain) && !domain.startsWith('.') && !domain.includes('..');
}

export function externalApiUrl(domain: string): string {
  return `https://${domain}/external_api.js`;
}

export function loadExternalApi(domain: string): Promise<JitsiMeetApiConstructor> {
  if (!isValidJitsiDomain(domain)) return Promise.reject(new Error(`Invalid video server address "${domain}".`));
  const cached = loading.get(domain);
  if (cached) return cached;
  const promise = new Promise<JitsiMeetApiConstructor>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = externalApiUrl(domain);
    script.async = true;
    script.dataset.jitsiDomain = domain;
    script.onload = () => {
      if (window.JitsiMeetExternalAPI) resolve(window.JitsiMeetExternalAPI);
      else reject(new Error('The video server did not provide its meeting API.'));
    };
    script.onerror = () => {
      loading.delete(domain);
      script.remove();
      reject(new Error(`Could not load the video room from ${domain}. Check your connection and try again.`));
    };
    document.head.append(script);
  });
  loading.set(domain, promise);
  return promise;
}

/** For tests. */
export function resetExternalApiCache(): void {
  loading.clear();
}
