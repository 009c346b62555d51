/**
 * The browser's home for one run: Chromium writes crash-report settings, dconf and font caches
 * under HOME and the XDG folders, so they point into a temporary directory removed when the
 * browser closes (or, at the latest, when the process exits). Nothing lands in the user's home.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BrowserHome {
  /** The environment of the browser process. */
  env: Record<string, string>;
  remove(): void;
}

export function createBrowserHome(base: NodeJS.ProcessEnv = process.env): BrowserHome {
  const dir = mkdtempSync(join(tmpdir(), 'chatons-audit-browser-'));
  const xdg = { XDG_CONFIG_HOME: 'config', XDG_CACHE_HOME: 'cache', XDG_DATA_HOME: 'data', XDG_STATE_HOME: 'state' };
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(base)) if (value !== undefined) env[key] = value;
  env.HOME = dir;
  for (const [key, sub] of Object.entries(xdg)) {
    env[key] = join(dir, sub);
    mkdirSync(env[key], { recursive: true });
  }
  const remove = (): void => {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    process.off('exit', remove);
  };
  process.on('exit', remove);
  return { env, remove };
}
