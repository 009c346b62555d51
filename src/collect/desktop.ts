/**
 * How the audit's Chromium presents itself to a page: a desktop Chromium in the audit's locale,
 * not an automated or headless one. Pages that load their trackers only for humans check these
 * signals (navigator.webdriver, languages against Accept-Language, window against screen); a
 * reviewer's browser passes them, so the audit's must too. Each signal has a fixture test
 * (test/e2e/visitor.test.ts). Headless Chromium already has the PDF viewer plugins, the
 * notification permission a fresh profile has ("default" / "prompt") and no "HeadlessChrome"
 * once the user agent is set (browser-session.ts).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { VIEWPORT } from './visitor.js';

/** A common desktop screen, larger than the window as on a reviewer's laptop. */
const SCREEN = { width: 1920, height: 1080 } as const;
/** The window around the viewport: tab strip and toolbar above it, as in desktop Chromium. */
const WINDOW_FRAME_HEIGHT = 85;

/** `fr-FR` → ['fr-FR', 'fr']: the language and its base, as Chromium's settings list them. */
function acceptLanguages(locale: string): string[] {
  const base = locale.split('-')[0] ?? locale;
  return base && base !== locale ? [locale, base] : [locale];
}

/**
 * Chromium switches: no `navigator.webdriver` (Blink's AutomationControlled feature is what
 * sets it under DevTools control), and the languages a French desktop Chromium sends
 * (Chromium itself appends its interface language, en-US, to both lists).
 */
export function desktopArgs(locale: string): string[] {
  return ['--disable-blink-features=AutomationControlled', `--accept-lang=${acceptLanguages(locale).join(',')}`];
}

/**
 * Context options. No Playwright `locale`: it would override Accept-Language and
 * navigator.languages with the locale alone; the languages come from --accept-lang and the
 * Intl locale from localizePage.
 */
export function desktopContextOptions(userAgent: string): { userAgent: string; viewport: typeof VIEWPORT; screen: typeof SCREEN } {
  return { userAgent, viewport: VIEWPORT, screen: SCREEN };
}

/**
 * Headless windows have no frame: outerHeight equals innerHeight, a well-known headless sign.
 * Every frame of the context sees a window with a desktop frame around the viewport.
 */
export async function presentAsDesktop(context: BrowserContext): Promise<void> {
  await context.addInitScript(
    ({ width, height }: { width: number; height: number }) => {
      Object.defineProperty(window, 'outerWidth', { configurable: true, get: () => width });
      Object.defineProperty(window, 'outerHeight', { configurable: true, get: () => height });
    },
    { width: VIEWPORT.width, height: VIEWPORT.height + WINDOW_FRAME_HEIGHT },
  );
}

/**
 * The page's Intl locale (dates, numbers), as the interface language of a French Chromium.
 * The session stays attached: Chromium drops a session's overrides when it detaches; it ends
 * with the page. (Frames of other sites, in processes of their own, keep Chromium's.)
 */
export async function localizePage(context: BrowserContext, page: Page, locale: string): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setLocaleOverride', { locale });
}
