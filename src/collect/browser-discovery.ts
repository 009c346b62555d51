/**
 * Which Chromium to drive: --browser, then CHATONS_AUDIT_BROWSER, then a Playwright-managed
 * browser (a developer's laptop), then the system's. Nothing is ever downloaded.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';
import { UsageError } from '../errors.js';

const SYSTEM_PATHS: Readonly<Record<string, readonly string[]>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'],
};
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function playwrightManaged(): string | null {
  try {
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function onPath(env: Readonly<Record<string, string | undefined>>): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of PATH_NAMES) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

export function findBrowser(explicit: string | undefined, env: Readonly<Record<string, string | undefined>>): string {
  const chosen = explicit ?? env.CHATONS_AUDIT_BROWSER;
  if (chosen) {
    if (!isExecutable(chosen)) throw new UsageError('error.browserNotExecutable', { path: chosen });
    return chosen;
  }
  const found = playwrightManaged() ?? (SYSTEM_PATHS[process.platform] ?? []).find(isExecutable) ?? onPath(env);
  if (!found) throw new UsageError('error.noBrowser');
  return found;
}
