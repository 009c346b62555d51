/**
 * Cookies-and-storage gatherer: cookies and storage written before any consent (nothing is clicked during the visit): every
 * cookie in the context once the page settled, which response (Set-Cookie) or script
 * (document.cookie) set it when seen, and the localStorage / sessionStorage keys and IndexedDB
 * names of each frame. Reads names and lifetimes, never values: identifiers are personal data.
 */
import type { BrowserContext, Page, Response } from 'playwright-core';
import type { CookieEvidence, StorageEvidence } from '../../contracts/evidence.js';
import { withTimeout } from '../timeout.js';
import type { PageGatherer } from './gatherer.js';

const MAX_COOKIES = 500;
const MAX_KEYS = 200;

interface CookieWrite {
  name: string;
  script: string | null;
}

/** Runs in every frame before its scripts: notes which script writes which cookie. */
function cookieWriteSpy(): void {
  const proto = Document.prototype;
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'cookie');
  if (!descriptor?.set || !descriptor.get) return;
  const writes: CookieWrite[] = [];
  Object.defineProperty(window, '__chatonsAuditCookieWrites', { value: writes, enumerable: false });
  const { get, set } = descriptor;
  Object.defineProperty(proto, 'cookie', {
    configurable: true,
    enumerable: descriptor.enumerable ?? true,
    get(this: Document) {
      return get.call(this) as string;
    },
    set(this: Document, value: string) {
      try {
        const name = String(value).split(';')[0]?.split('=')[0]?.trim() ?? '';
        // The first stack frame outside this spy is the script that wrote the cookie.
        const urls = (new Error().stack ?? '').match(/(https?:\/\/[^\s)]+?)(?::\d+){1,2}\)?$/gm) ?? [];
        const script = urls.map((u) => u.replace(/(?::\d+){1,2}\)?$/, '')).find(Boolean) ?? null;
        if (name && writes.length < 500) writes.push({ name, script });
      } catch {
        // Never break the page.
      }
      set.call(this, value);
    },
  });
}

/** Runs in a frame: storage keys and IndexedDB names (no values). */
async function readStorage(maxKeys: number): Promise<Omit<StorageEvidence, 'origin'> & { origin: string; writes: CookieWrite[] }> {
  const keys = (storage: () => Storage): string[] => {
    try {
      const s = storage();
      return Array.from({ length: Math.min(s.length, maxKeys) }, (_, i) => s.key(i) ?? '').filter(Boolean);
    } catch {
      return [];
    }
  };
  let indexedDB: string[] = [];
  try {
    const dbs = await window.indexedDB.databases();
    indexedDB = dbs
      .map((d) => d.name ?? '')
      .filter(Boolean)
      .slice(0, maxKeys);
  } catch {
    indexedDB = [];
  }
  const writes = ((window as unknown as { __chatonsAuditCookieWrites?: CookieWrite[] }).__chatonsAuditCookieWrites ?? []).slice();
  return {
    origin: location.origin,
    localStorage: keys(() => window.localStorage),
    sessionStorage: keys(() => window.sessionStorage),
    indexedDB,
    writes,
  };
}

export interface CookieStorageWatch {
  /** After the page settled: cookies of the context and storage of every frame. */
  collect(context: BrowserContext, timeoutMs: number): Promise<{ cookies: CookieEvidence[]; storage: StorageEvidence[] }>;
}

/** Once per site context, before its pages: the spy then runs in every frame of every page. */
export async function spyOnCookieWrites(context: BrowserContext): Promise<void> {
  await context.addInitScript(cookieWriteSpy);
}

/** Per page (the context's cookie-write spy is installed by spyOnCookieWrites). */
export function watchCookiesAndStorage(page: Page): CookieStorageWatch {
  const httpSetters = new Map<string, string>();
  const pending: Promise<void>[] = [];
  const onResponse = (response: Response): void => {
    pending.push(
      response
        .headersArray()
        .then((headers) => {
          for (const h of headers) {
            if (h.name.toLowerCase() !== 'set-cookie') continue;
            for (const line of h.value.split('\n')) {
              const name = line.split(';')[0]?.split('=')[0]?.trim();
              if (name && !httpSetters.has(name)) httpSetters.set(name, response.url());
            }
          }
        })
        .catch(() => undefined),
    );
  };
  page.on('response', onResponse);

  return {
    async collect(context, timeoutMs) {
      page.off('response', onResponse);
      await withTimeout(Promise.all(pending), timeoutMs, 'set-cookie headers').catch(() => undefined);
      // One round trip per frame, all at once, with the cookie read: each costs a CDP exchange.
      const frames = page.frames().filter((f) => /^https?:/.test(f.url()));
      const [reads, raw] = await Promise.all([
        Promise.all(frames.map((f) => withTimeout(f.evaluate(readStorage, MAX_KEYS), timeoutMs, 'storage').catch(() => null))),
        withTimeout(context.cookies(), timeoutMs, 'cookies').catch(() => []),
      ]);
      const scriptSetters = new Map<string, string | null>();
      const storage: StorageEvidence[] = [];
      for (const read of reads) {
        if (!read) continue;
        for (const w of read.writes) if (!scriptSetters.has(w.name)) scriptSetters.set(w.name, w.script);
        const { writes: _writes, ...entry } = read;
        if (!storage.some((s) => s.origin === entry.origin)) storage.push(entry);
      }
      const now = Date.now() / 1000;
      const cookies = raw.slice(0, MAX_COOKIES).map((c): CookieEvidence => {
        const cookie: CookieEvidence = {
          name: c.name,
          domain: c.domain,
          path: c.path,
          expires: c.expires,
          lifetimeDays: c.expires > 0 ? Math.round(((c.expires - now) / 86_400) * 10) / 10 : 0,
          httpOnly: c.httpOnly,
          secure: c.secure,
          sameSite: c.sameSite,
        };
        const script = scriptSetters.get(c.name);
        const response = httpSetters.get(c.name);
        if (scriptSetters.has(c.name)) {
          cookie.setBy = 'script';
          if (script) cookie.source = script;
        } else if (response) {
          cookie.setBy = 'http';
          cookie.source = response;
        }
        return cookie;
      });
      return { cookies, storage };
    },
  };
}

/** Set-Cookie headers watched from before the navigation; cookies and storage read once settled. */
export const cookiesStorageGatherer: PageGatherer = {
  id: 'cookies-storage',
  instrumentContext: spyOnCookieWrites,
  beforeNavigation(visit) {
    const watch = watchCookiesAndStorage(visit.page);
    return {
      async beforeLeaving() {
        Object.assign(
          visit.evidence,
          await watch.collect(visit.context, Math.min(5_000, visit.remaining())).catch((error: unknown) => {
            visit.fail('extract', error);
            return {};
          }),
        );
      },
    };
  },
};
