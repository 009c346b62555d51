/**
 * One browser per run; one fresh context per audited site, so no cookie or storage crosses
 * from one site to another.
 *
 * Chromium connects to nothing by itself: every context of a site goes through that site's
 * egress proxy (its egress gate decides), and the browser-wide proxy is a sink that refuses
 * everything, so what reaches it is the browser's own traffic (component updates and the
 * like), refused and listed, never counted as a site's.
 */
import { chromium, type Browser, type BrowserContext, type BrowserServer } from 'playwright-core';
import type { EgressGate } from './egress-gate.js';
import { startEgressProxy, type EgressProxy } from './egress-proxy.js';
import { desktopArgs, desktopContextOptions } from './desktop.js';
import { createBrowserHome, type BrowserHome } from './browser-home.js';
import { limiter, type Limiter } from '../util/limit.js';
import { UsageError } from '../errors.js';
import { withTimeout } from './timeout.js';
import type { ExtraTrust } from '../contracts/settings.js';

export interface BrowserOptions {
  executablePath: string;
  trust: ExtraTrust;
  locale: string;
  /** Pages loading at once in this browser, all sites together (BROWSER_PAGES_AT_ONCE or more). */
  pagesAtOnce: number;
}

/**
 * Chromium sends loopback addresses past any proxy unless told `<-loopback>`. Playwright adds it
 * by default, but an environment variable turns that off: said here, it holds whatever the
 * environment says, so loopback never reaches a socket without the gate.
 */
const PROXY_LOOPBACK_TOO = '<-loopback>';

/**
 * Chromium's own traffic (updates, sync, safe browsing) is not the site's and would reach
 * real hosts: switched off.
 */
const QUIET_BROWSER_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
];

/**
 * Nothing leaves the browser except through its proxies: WebRTC may not send UDP of its own
 * (STUN to any address), and the browser resolves no name itself (the gate does, once), so a
 * path that would bypass the proxy finds no address. QUIC is off above (it is UDP too).
 */
export const WEBRTC_PROXIED_ONLY: readonly string[] = [
  // Chromium reads the first (a preference set from the command line); headless-shell builds the second.
  '--webrtc-ip-handling-policy=disable_non_proxied_udp',
  '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
];
const NO_NAME_RESOLUTION = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';

/**
 * Renderers an auditor never uses. Each Chromium process adds ~100 MiB to the tree's summed RSS
 * (Chromium's shared code counted once more) and ~20 MiB to its PSS:
 * - SpareRendererForSitePerProcess: a renderer kept warm for the next tab;
 * - WebUIOmniboxPopup, WebUIOmniboxAimPopup: the address bar's suggestion popup, one WebUI
 *   renderer per window, which a headless page never shows.
 * Nothing merges the renderers of pages (site isolation is kept: two audited sites never share
 * one), and the GPU and network service stay processes of their own, which Chromium restarts
 * when a hostile page crashes them (in the browser process, such a crash would end every site
 * in flight).
 */
const UNUSED_RENDERER_FEATURES = ['SpareRendererForSitePerProcess', 'WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

/**
 * The browser's own requests made inside a site's context (so through the site's proxy, where
 * they would pass for the site's): the autofill server's form-type queries.
 */
const OWN_REQUEST_FEATURES = ['AutofillServerCommunication'];

/**
 * Playwright's own --disable-features list (playwright-core 1.65, chromiumSwitches). Chromium
 * keeps only the last --disable-features, so ours repeats it; the browser-session test fails when
 * Playwright's list changes.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'msForceBrowserSignIn',
  'msEdgeUpdateLaunchServicesPreferredVersion',
];
export const DISABLED_FEATURES: readonly string[] = [...PLAYWRIGHT_DISABLED_FEATURES, ...UNUSED_RENDERER_FEATURES, ...OWN_REQUEST_FEATURES];

/**
 * Playwright switches we drop. --disable-ipc-flooding-protection lifts Chromium's rate limit on
 * history.pushState / location changes: a page looping on them then floods the browser and the
 * DevTools connection, and every other site of the batch waits behind it.
 */
export const KEPT_PROTECTIONS = ['--disable-ipc-flooding-protection'];
/** How long closing may take before Chromium is killed (a hung browser must not keep the run alive). */
const CLOSE_BOUND_MS = 5_000;

/** The switches we add to Playwright's (the proxies aside). */
export function chromiumArgs(trust: ExtraTrust): string[] {
  const args = [...QUIET_BROWSER_ARGS, `--disable-features=${DISABLED_FEATURES.join(',')}`];
  if (trust.spkiHashes.length > 0) {
    args.push(`--ignore-certificate-errors-spki-list=${trust.spkiHashes.join(',')}`);
  }
  return args;
}

/**
 * Pages loading at once in the whole browser, all sites together. A page mostly waits for its
 * quiet window, so a few overlap well on 2 cores; each is a renderer process, and memory is
 * what bounds this (npm run bench measures both).
 */
export const BROWSER_PAGES_AT_ONCE = 4;
/** Priority of a site's pages after its portal (pageSlots). */
export const FOLLOW_UP_PRIORITY = 1;

/** A connection the browser tried for itself, refused at the browser-wide sink. */
export interface BrowserOwnConnection {
  url: string;
  host: string;
  port: number;
  /** Epoch ms. */
  at: number;
}

const MAX_OWN_TRAFFIC = 1_000;

export class BrowserSession {
  /**
   * Every page visit of every site takes one of these while it runs; pages of sites already
   * under way ask with a higher priority than new portals, so started sites finish first.
   */
  readonly pageSlots: Limiter;

  private constructor(
    private readonly server: BrowserServer,
    private readonly browser: Browser,
    private readonly options: BrowserOptions,
    private readonly home: BrowserHome,
    private readonly sink: EgressProxy,
    private readonly ownTraffic: BrowserOwnConnection[],
  ) {
    this.pageSlots = limiter(options.pagesAtOnce);
  }

  static async launch(options: BrowserOptions): Promise<BrowserSession> {
    const args = [...chromiumArgs(options.trust), ...WEBRTC_PROXIED_ONLY, NO_NAME_RESOLUTION, ...desktopArgs(options.locale)];
    const ownTraffic: BrowserOwnConnection[] = [];
    const sink = await startEgressProxy(async (host, port, url) => {
      if (ownTraffic.length < MAX_OWN_TRAFFIC) ownTraffic.push({ url, host, port, at: Date.now() });
      return null;
    });
    // A browser server on loopback (unguessable path) and a client connected to it, rather than
    // chromium.launch(): when Chromium dies mid-call, the in-process client can receive messages
    // about objects it already dropped and throws them from a setImmediate (an uncaught exception
    // that ends the whole run). A connected client catches them and just closes the connection,
    // which the batch runner sees as a crash: relaunch, retry the site.
    const home = createBrowserHome();
    let server: BrowserServer;
    try {
      server = await chromium.launchServer({
        executablePath: options.executablePath,
        args,
        headless: true,
        host: '127.0.0.1',
        env: home.env,
        proxy: { server: sink.url, bypass: PROXY_LOOPBACK_TOO },
        ignoreDefaultArgs: KEPT_PROTECTIONS,
      });
    } catch (error) {
      home.remove();
      await sink.close();
      throw new UsageError('error.browserLaunch', { path: options.executablePath, detail: launchFailure(error) });
    }
    try {
      const browser = await chromium.connect(server.wsEndpoint());
      const session = new BrowserSession(server, browser, options, home, sink, ownTraffic);
      // The server's own end when the client side gives up (see above): no orphan Chromium.
      browser.on('disconnected', () => void session.close());
      return session;
    } catch (error) {
      await server.close().catch(() => undefined);
      home.remove();
      await sink.close();
      throw error;
    }
  }

  /** What the browser tried for itself (refused at the sink) since `since` (epoch ms). */
  ownConnectionsSince(since: number): BrowserOwnConnection[] {
    return this.ownTraffic.filter((c) => c.at >= since);
  }

  /** Chromium's main process (the test of our switches reads its command line and its children). */
  get process(): { pid: number | undefined; args: readonly string[] } {
    const child = this.server.process();
    return { pid: child.pid, args: child.spawnargs };
  }

  /** e.g. "Chromium 156.0.8078.79". */
  get description(): string {
    return `Chromium ${this.browser.version()}`;
  }

  get connected(): boolean {
    return this.browser.isConnected();
  }

  /** The pages' locale (their Intl locale is set per page: desktop.ts). */
  get locale(): string {
    return this.options.locale;
  }

  /**
   * A reviewer's ordinary desktop browser (no "HeadlessChrome" in the user agent: desktop.ts) whose
   * every connection, of any frame or worker, goes through `gate` (a proxy of its own, closed
   * with the context).
   */
  async newSiteContext(gate: EgressGate, recordHarPath?: string): Promise<BrowserContext> {
    const proxy = await startEgressProxy(
      async (host, port, url) => {
        const decision = await gate.decide(host, port);
        if (decision.allowed) return decision.endpoint;
        if (decision.reason === 'private') gate.record(url, host, port, decision.address, 'browser');
        return null;
      },
      (host, port, code) => gate.noteFailure(host, port, code),
    );
    try {
      const context = await this.browser.newContext({
        // Playwright's own HAR (evidence pack): written when the context closes.
        ...(recordHarPath ? { recordHar: { path: recordHarPath } } : {}),
        ...desktopContextOptions(regularUserAgent(this.browser.version())),
        acceptDownloads: false,
        serviceWorkers: 'allow',
        proxy: { server: proxy.url, bypass: PROXY_LOOPBACK_TOO },
      });
      context.on('close', () => void proxy.close());
      return context;
    } catch (error) {
      await proxy.close();
      throw error;
    }
  }

  private closing: Promise<void> | undefined;

  /** Once, however many callers: Chromium has exited (its temporary files gone) when it resolves. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await withTimeout(this.browser.close(), CLOSE_BOUND_MS, 'browser.close').catch(() => undefined);
      await withTimeout(this.server.close(), CLOSE_BOUND_MS, 'server.close')
        .catch(() => this.server.kill())
        .catch(() => undefined);
      this.home.remove();
      await this.sink.close();
    })();
    return this.closing;
  }
}

/**
 * Playwright's launch error, reduced to what tells a user something: an executable that is not
 * Chromium (`/bin/true`) ends the DevTools pipe at once ("Protocol error … Failed to launch").
 */
function launchFailure(error: unknown): string {
  const first = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
  const text = first
    .replace(/^browserType\.launchServer:\s*/, '')
    .replace(/^Protocol error \([^)]*\):\s*/, '')
    .trim();
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

export function regularUserAgent(version: string): string {
  const major = version.split('.')[0] ?? '0';
  const platform =
    process.platform === 'darwin'
      ? 'Macintosh; Intel Mac OS X 10_15_7'
      : process.platform === 'win32'
        ? 'Windows NT 10.0; Win64; x64'
        : 'X11; Linux x86_64';
  return `Mozilla/5.0 (${platform}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${major}.0.0.0 Safari/537.36`;
}
