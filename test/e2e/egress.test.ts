/**
 * The egress gate against hostile sites (real Chromium, real proxy): each fixture under
 * *.egress.hostile.example tries one way out of the browser (or makes the auditor's own probes
 * and ChatonsInfos reader try one) towards the auditor's machine, where canary servers listen
 * on 127.0.0.1, 127.0.0.2 and ::1, TCP and UDP. No hit may arrive, and each attempt is a
 * private-addresses finding naming the URL, the address and who tried it.
 *
 * --map-host names only the fixture hosts (as a user mapping a staging server would): every
 * other name goes through the audit's resolver (the fixture DNS, fixtures/dns/egress.yaml).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Auditor } from '../../src/audit/auditor.js';
import { findBrowser } from '../../src/collect/browser-discovery.js';
import { parseHostMapping } from '../../src/collect/map-host.js';
import { loadExtraTrust } from '../../src/collect/trust.js';
import type { Evidence } from '../../src/contracts/evidence.js';
import type { AuditResult, Finding } from '../../src/contracts/result.js';
import { parseDnsServer } from '../../src/collect/dns/servers.js';
import { startCanaries, type Canaries } from '../../src/fixture-internet/canaries.js';
import { EGRESS_HOSTS } from '../../src/fixture-internet/dynamic-hosts.js';
import { startFixtureInternet, type FixtureInternet } from '../../src/fixture-internet/server.js';
import { startFixtureDns, type FixtureDns } from '../../src/fixture-internet/dns-server.js';
import { startFixtureWorld, type FixtureWorld } from '../support/fixture-audit.js';
import { ruleSet } from '../support/rules.js';

const TIMING = { timeoutMs: 12_000, settleCapMs: 5_000, quietMs: 700 };

let canaries: Canaries;
let internet: FixtureInternet;
let dns: FixtureDns;
const audits = new Map<string, { result: AuditResult; evidence: Evidence; hits: string[] }>();

beforeAll(async () => {
  canaries = await startCanaries();
  internet = await startFixtureInternet({ canaryPort: canaries.port });
  dns = await startFixtureDns();
  const to = `127.0.0.1:${internet.port}`;
  const auditor = await Auditor.start(
    {
      lang: 'en',
      candidate: false,
      ownDomains: [],
      mappings: ['*.egress.hostile.example', '*.egress-other.example', '*.egress-third.example', 'www.egress-probe.example'].map(
        (pattern) => parseHostMapping(`${pattern}=${to}`),
      ),
      timing: TIMING,
      maxPages: 4,
      browserPath: findBrowser(undefined, process.env),
      trust: loadExtraTrust([internet.caCertFile]),
      levels: {},
      locale: 'fr-FR',
      dnsServers: [parseDnsServer(dns.server)],
    },
    ruleSet,
  );
  try {
    for (const host of EGRESS_HOSTS.filter((h) => h.endsWith('.egress.hostile.example') || h === 'www.egress-probe.example')) {
      const before = canaries.hits.length;
      const { result, evidence } = await auditor.audit(new URL(`https://${host}/`));
      // Late attempts (a worker, a retry) land within the next moment, on this site's account.
      await new Promise((resolve) => setTimeout(resolve, 300));
      audits.set(host, { result, evidence, hits: canaries.hits.slice(before) });
    }
  } finally {
    await auditor.close();
  }
}, 300_000);
afterAll(async () => {
  await internet?.close();
  await dns?.close();
  await canaries?.close();
});

const C = (): number => canaries.port;
const findings = (host: string): Finding[] => audits.get(host)?.result.rules.find((r) => r.id === 'private-addresses')?.findings ?? [];
const refused = (host: string): string[] => findings(host).map((f) => `${f.code} ${f.url ?? ''} ${f.subject ?? ''}`);

describe("egress gate: hostile paths towards the auditor's machine (canaries on loopback)", () => {
  it('the canaries listen, and none of them received anything from any site', () => {
    expect(canaries.listening).toEqual(expect.arrayContaining([`127.0.0.1:${C()}/tcp`, `127.0.0.2:${C()}/tcp`, `127.0.0.1:${C()}/udp`]));
    for (const [host, audit] of audits) expect(audit.hits, host).toEqual([]);
    expect(canaries.hits).toEqual([]);
  });

  it('cross-site frame and a frame nested in it', () => {
    const found = refused('frames.egress.hostile.example');
    expect(found).toContain(`privateAddressFrame http://127.0.0.1:${C()}/frame-image 127.0.0.1`);
    expect(found).toContain(`privateAddressFrame http://127.0.0.2:${C()}/nested-frame-image 127.0.0.2`);
    expect(found).toContain(`privateAddressFrame http://127.0.0.1:${C()}/nested-frame-fetch 127.0.0.1`);
  });

  it('dedicated, shared and service workers', () => {
    const urls = findings('workers.egress.hostile.example').map((f) => f.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        `http://127.0.0.1:${C()}/dedicated-worker`,
        `http://127.0.0.1:${C()}/shared-worker`,
        `http://127.0.0.1:${C()}/service-worker`,
      ]),
    );
  });

  it('WebSocket (plain and TLS), EventSource and beacon', () => {
    const urls = findings('sockets.egress.hostile.example').map((f) => f.url);
    expect(urls).toEqual(expect.arrayContaining([`http://127.0.0.1:${C()}/event-source`, `http://127.0.0.1:${C()}/beacon`]));
    // WebSockets go through CONNECT: the gate sees host and port, the page's record the URL.
    expect(
      urls.some(
        (u) => u?.includes(`127.0.0.1:${C()}`) && /^(ws|https?):/.test(u ?? '') && (u?.includes('websocket') || u?.endsWith(`:${C()}/`)),
      ),
    ).toBe(true);
    expect(urls.some((u) => u?.includes(`127.0.0.2:${C()}`))).toBe(true);
  });

  it('prefetch, preconnect and preload', () => {
    const urls = findings('hints.egress.hostile.example').map((f) => f.url);
    expect(urls).toEqual(expect.arrayContaining([`http://127.0.0.1:${C()}/prefetch`, `http://127.0.0.1:${C()}/preload.png`]));
  });

  it('CSS @import, @font-face and url()', () => {
    const urls = findings('css.egress.hostile.example').map((f) => f.url);
    expect(urls).toEqual(
      expect.arrayContaining([
        `http://127.0.0.1:${C()}/import.css`,
        `http://127.0.0.1:${C()}/font.woff2`,
        `http://127.0.0.2:${C()}/background.png`,
      ]),
    );
  });

  it("a redirect chain and a meta refresh into the auditor's machine: refused; the portal refused fails site-online", () => {
    expect(refused('redirects.egress.hostile.example')).toContain(`privateAddress http://127.0.0.1:${C()}/redirect-target 127.0.0.1`);
    expect(
      audits
        .get('redirects.egress.hostile.example')
        ?.result.rules.find((r) => r.id === 'site-online')
        ?.findings.map((f) => f.code),
    ).toEqual(['unreachable']);
    expect(audits.get('redirects.egress.hostile.example')?.result.pages[0]?.error).toContain('private address 127.0.0.1, not visited');
    expect(refused('meta-refresh.egress.hostile.example')).toContain(`privateAddress http://127.0.0.1:${C()}/meta-refresh 127.0.0.1`);
  });

  it('every literal spelling of a loopback address, and localhost names', () => {
    const subjects = findings('spellings.egress.hostile.example').map((f) => f.subject);
    for (const address of ['127.0.0.1', '127.0.0.2', '::1', '::ffff:7f00:1', '::ffff:7f00:2', 'localhost', 'admin.localhost', '0.0.0.0']) {
      expect(subjects, address).toContain(address);
    }
  });

  it("names that resolve to loopback (the audit's resolver answers)", () => {
    expect(refused('dns.egress.hostile.example')).toEqual(
      expect.arrayContaining([
        // An image on an HTTPS page is upgraded to HTTPS by Chromium (mixed content).
        `privateAddress https://intranet.egress-dns.example:${C()}/resolved-loopback 127.0.0.1`,
        `privateAddress https://second.egress-dns.example:${C()}/resolved-second-loopback 127.0.0.2`,
      ]),
    );
  });

  it('WebRTC: no STUN or TURN packet leaves the browser', () => {
    expect(audits.get('webrtc.egress.hostile.example')?.hits).toEqual([]);
    expect(audits.get('webrtc.egress.hostile.example')?.result.pages[0]?.status).toBe(200);
  });

  it("the auditor's own probes of parent and service hosts that resolve into its machine: refused, never connected", () => {
    const found = refused('www.egress-probe.example');
    expect(found).toEqual(
      expect.arrayContaining([
        'privateAddressProbe https://egress-probe.example/ 127.0.0.1',
        'privateAddressProbe http://egress-probe.example/ 127.0.0.1',
        'privateAddressProbe https://cloud.egress-probe.example/ 127.0.0.2',
      ]),
    );
    const tls = audits.get('www.egress-probe.example')?.evidence.tls?.find((t) => t.host === 'egress-probe.example');
    expect(tls).toMatchObject({ authorized: false, protocol: null, error: 'refused private address 127.0.0.1' });
  });

  it("ChatonsInfos subs.* and the addresses they name, into the auditor's machine: refused", () => {
    const found = refused('infos.egress.hostile.example');
    expect(found).toEqual(
      expect.arrayContaining([
        `privateAddressChatonsInfos http://127.0.0.1:${C()}/service.properties 127.0.0.1`,
        `privateAddressChatonsInfos https://intranet.egress-dns.example:${C()}/service.properties 127.0.0.1`,
        `privateAddressChatonsInfos http://127.0.0.2:${C()}/website 127.0.0.2`,
      ]),
    );
  });
});

describe('egress gate: nothing but what the audit asked for', () => {
  let world: FixtureWorld;
  let audit: { result: AuditResult; evidence: Evidence };
  beforeAll(async () => {
    // --map-host '*' sends every name to the fixture server: whatever the browser asked for
    // itself (component updates and the like) would land there, as it would reach Google otherwise.
    world = await startFixtureWorld({
      timing: { timeoutMs: 15_000, settleCapMs: 5_000, quietMs: 1_000 },
      evidenceDir: mkdtempSync(join(tmpdir(), 'chatons-egress-')),
    });
    audit = await world.auditor.audit(new URL('https://services.bonchaton.example/'));
  }, 120_000);
  afterAll(async () => world?.close());

  it('the fixture servers receive no request for a host that no audited page and no check of the auditor asked for', () => {
    const { evidence } = audit;
    const hostOfUrl = (url: string | null | undefined): string[] => {
      try {
        return url ? [new URL(url).hostname] : [];
      } catch {
        return [];
      }
    };
    const asked = new Set<string>([
      ...evidence.requests.map((r) => r.host),
      ...evidence.pages.flatMap((p) => [...hostOfUrl(p.url), ...hostOfUrl(p.finalUrl)]),
      ...(evidence.tls ?? []).map((t) => t.host),
      ...(evidence.httpProbes ?? []).map((p) => p.host),
      ...(evidence.chatonsinfos?.probed ?? []).flatMap((p) => hostOfUrl(p.url)),
      ...(evidence.chatonsinfos?.files ?? []).flatMap((f) => hostOfUrl(f.url)),
      ...(evidence.chatonsinfos?.checks ?? []).flatMap((c) => hostOfUrl(c.url)),
    ]);
    expect(evidence.pages.length).toBeGreaterThan(3);
    expect(world.internet.served.length).toBeGreaterThan(10);
    expect([...new Set(world.internet.served.map((s) => s.host))].filter((h) => !asked.has(h))).toEqual([]);
  });

  it("lists what the browser tried for itself in the evidence and provenance: refused, never among the site's requests", () => {
    const own = audit.evidence.browserOwnTraffic ?? [];
    const served = new Set(world.internet.served.map((s) => s.host));
    for (const url of own) {
      expect(audit.evidence.requests.map((r) => r.url)).not.toContain(url);
      expect(served.has(new URL(url).hostname), url).toBe(false);
    }
    const pack = audit.evidence.pack;
    if (!pack) throw new Error('no evidence pack');
    const provenance = JSON.parse(readFileSync(join(pack.dir, pack.provenance), 'utf8')) as { browserOwnTraffic: string[] };
    expect(provenance.browserOwnTraffic).toEqual(own);
  });
});
