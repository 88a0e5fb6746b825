// A real browser for the web console's tests: Debian's chromium driven by playwright-core (no
// download of Playwright's own build). Where /usr/bin/chromium is missing the browser tests skip
// and say so; `.ci/run` installs it. Each launch gets a fresh temporary profile from Playwright.
import { mkdirSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
export const SCREENSHOTS = join(import.meta.dirname, '../../test-output/screenshots');

export function noticeIfNoBrowser(suite: string): void {
  if (!hasChromium)
    console.warn(
      `NOTICE: ${suite} skipped — no ${CHROMIUM}. Install it with: apt-get install -y chromium fonts-noto-cjk fonts-noto-color-emoji`,
    );
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--headless',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Page errors (a script that does not parse or throws) and console errors (CSP refusals, 404s). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
