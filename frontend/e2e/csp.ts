import { test, type Browser, type BrowserContext } from '@playwright/test';

/**
 * The app runs under the backend's Content-Security-Policy in these tests, as in production.
 * Every browser context a test uses is watched: Chromium logs each blocked load or script as a
 * console error starting "Refused to …", and pages report a `securitypolicyviolation` event.
 * Any violation fails the test that caused it (see `watchCspInEveryTest`).
 */
const violations: string[] = [];
const watched = new WeakSet<BrowserContext>();

export async function watchCsp(context: BrowserContext): Promise<void> {
  if (watched.has(context)) return;
  watched.add(context);
  context.on('console', (message) => {
    const text = message.text();
    if (text.includes('Refused to') || text.startsWith('CSP violation:')) violations.push(text);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'}`);
    });
  });
}

/** Contexts that tests open themselves (`browser.newContext()`) are watched as well. */
function watchNewContexts(browser: Browser): void {
  const marked = browser as Browser & { __cspWatched?: boolean };
  if (marked.__cspWatched) return;
  marked.__cspWatched = true;
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
    const context = await newContext(...args);
    await watchCsp(context);
    return context;
  };
}

/** Register, once per test file, hooks that watch every context and fail a test on any violation. */
export function watchCspInEveryTest(): void {
  test.beforeEach(async ({ browser, context }) => {
    violations.length = 0;
    watchNewContexts(browser);
    await watchCsp(context);
  });
  test.afterEach(() => {
    const found = violations.splice(0);
    if (found.length > 0) throw new Error(`Content-Security-Policy violations:\n${found.join('\n')}`);
  });
}
