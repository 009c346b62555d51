/**
 * What a reviewer's browser does on a page besides loading it: the visitor looks around (moves
 * the pointer, turns the wheel, tabs to the first link, scrolls to the bottom) and then leaves
 * (the tab is hidden, then the page unloads). Analytics scripts wait for exactly these moments:
 * a first gesture to load, `visibilitychange` or `pagehide` to send a beacon.
 *
 * Never done: a click, a key that submits or types, a consent given. Shared by the audit and the
 * benchmark's Chromium-alone baseline, so both visit pages alike.
 */
import type { Page } from 'playwright-core';
import { withTimeout } from './timeout.js';

/** The viewport every audited page gets (a laptop's window). */
export const VIEWPORT = { width: 1280, height: 800 } as const;

/**
 * Gestures of someone reading the page, before its quiet window: pointer moves in small steps
 * (mousemove, pointermove, mouseover), a wheel turn, Tab (keydown and focus on the first
 * focusable element; Tab submits nothing), then a scroll to the bottom so lazy content loads.
 * Each step is bounded by `ms` overall: a page whose script never yields does not hold it.
 */
export async function lookAround(page: Page, ms: number): Promise<void> {
  const gestures = async (): Promise<void> => {
    await page.mouse.move(VIEWPORT.width * 0.3, VIEWPORT.height * 0.25);
    await page.mouse.move(VIEWPORT.width * 0.55, VIEWPORT.height * 0.45, { steps: 8 });
    await page.mouse.wheel(0, VIEWPORT.height / 2);
    await page.keyboard.press('Tab');
    await page.evaluate(scrollToBottom);
  };
  await withTimeout(gestures(), ms, 'visitor gestures');
}

/** Runs in the page: step down one viewport at a time so native lazy loading triggers. */
async function scrollToBottom(): Promise<void> {
  const step = Math.max(200, window.innerHeight);
  for (let i = 0; i < 40 && window.scrollY + window.innerHeight < document.documentElement.scrollHeight; i++) {
    window.scrollBy(0, step);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * What a page may still send once left (beacons, keepalive fetches): a short quiet window within
 * a hard cap, whatever the page budget (they are sent at once, or not at all).
 */
export const LEAVE_GRACE = { quietMs: 500, capMs: 2_500 } as const;

/**
 * The visitor leaves: the tab goes to the background (`document.visibilityState` becomes
 * "hidden", `visibilitychange`), then the page is unloaded (`beforeunload`, `pagehide`,
 * `unload`), in every frame. The events are dispatched by us in the live document rather than
 * by a real unload: headless Chromium never makes a page hidden, and what a page sends from a
 * real unload (sendBeacon, keepalive fetch) leaves the browser without any DevTools event, so it
 * could not be recorded. The page stays open; the caller gives the network a short grace, then
 * closes it. Bounded by `ms`.
 */
export async function leavePage(page: Page, ms: number): Promise<void> {
  const leave = async (): Promise<void> => {
    // Parents before their frames, as a browser hides and unloads them.
    for (const frame of page.frames()) await frame.evaluate(leaveInPage).catch(() => undefined);
  };
  await withTimeout(leave(), ms, 'leaving the page');
}

/** Runs in each frame: hidden for good, then the unload events, in the browser's order. */
function leaveInPage(): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  window.dispatchEvent(new Event('beforeunload', { cancelable: true }));
  window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }));
  window.dispatchEvent(new Event('unload'));
}
