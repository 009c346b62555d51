/**
 * consent-free-analytics: audience measurement, if any, must be exempt from consent under the
 * CNIL's conditions (délibération 2020-091, art. 82 of the loi Informatique et Libertés; see
 * https://www.cnil.fr/fr/cookies-et-autres-traceurs/regles/cookies-solutions-pour-les-outils-de-mesure-daudience).
 * Checked from evidence: measurement is self-hosted on the own domains (no third party receives
 * the data), no third-party cookie, no known cross-site identifier, first-party measurement
 * cookies live at most 13 months. Left to a human (said in the rule's help): the purpose is
 * strictly audience measurement, statistics are anonymous and not cross-referenced, IP addresses
 * are truncated, data kept at most 25 months, users are informed and can object, the cookie
 * lifetime is not extended on each visit.
 * A consent banner on a site with no tracker is reported as unnecessary.
 */
import { load } from 'cheerio';
import type { CookieEvidence, PageEvidence, RequestEvidence } from '../../contracts/evidence.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';
import { byOrganization, organizationFinding, type NamedRequest } from './known-trackers.js';
import type { RuleData } from '../../contracts/rule.js';

interface Params {
  measurement: string;
  banners: string;
}

interface MeasurementData {
  tools: { name: string; paths: string[]; cookies: string[] }[];
  thirdPartyCookies: string[];
  maxCookieDays: number;
}

interface BannerData {
  scripts: string[];
  selectors: string[];
  phrases: string[];
}

const ANALYTICS_CATEGORIES = new Set(['analytics', 'session-replay', 'tag-manager']);
/** A banner is unnecessary only where nothing needing consent was seen. */
const NEEDS_CONSENT_CATEGORIES = new Set([
  'analytics',
  'session-replay',
  'tag-manager',
  'advertising',
  'social',
  'tracking',
  'marketing',
  'video',
  'customer-success',
]);

function measurementData(data: RuleData, name: string): MeasurementData | null {
  const doc = data.document(name) as Partial<MeasurementData> | null;
  return doc && Array.isArray(doc.tools) && Array.isArray(doc.thirdPartyCookies) && typeof doc.maxCookieDays === 'number'
    ? (doc as MeasurementData)
    : null;
}

function bannerData(data: RuleData, name: string): BannerData | null {
  const doc = data.document(name) as Partial<BannerData> | null;
  return doc && Array.isArray(doc.scripts) && Array.isArray(doc.selectors) && Array.isArray(doc.phrases) ? (doc as BannerData) : null;
}

/** The page shows a consent banner: a consent library loaded, its container, or its wording. */
function bannerSign(page: PageEvidence, requests: readonly RequestEvidence[], banners: BannerData): string | null {
  const script = requests.find((r) => r.page === page.url && banners.scripts.some((s) => r.url.toLowerCase().includes(s)));
  if (script) return script.url;
  if (!page.html) return null;
  const $ = load(page.html);
  for (const selector of banners.selectors) {
    try {
      if ($(selector).length > 0) return selector;
    } catch {
      // A selector cheerio cannot parse is skipped.
    }
  }
  const text = $('body').text().replace(/\s+/g, ' ').toLowerCase();
  return banners.phrases.find((p) => text.includes(p)) ?? null;
}

function uniqueCookies(pages: readonly PageEvidence[]): CookieEvidence[] {
  const seen = new Map<string, CookieEvidence>();
  for (const p of pages) for (const c of p.cookies ?? []) seen.set(`${c.name}\u0000${c.domain}\u0000${c.path}`, c);
  return [...seen.values()];
}

export const consentFreeAnalytics = defineEvaluator<Params, 'pages' | 'requests'>({
  id: 'consent-free-analytics',
  requires: ['pages', 'requests'],
  params: { measurement: { type: 'string', required: true }, banners: { type: 'string', required: true } },
  codes: [
    'thirdPartyAnalytics',
    'thirdPartyCookie',
    'trackingCookie',
    'longLivedCookie',
    'unnecessaryBanner',
    'exemptAnalytics',
    'noAnalytics',
    'cookiesNotCollected',
  ],
  check(params, data) {
    if (!measurementData(data, params.measurement))
      return `rules/data/${params.measurement}.yaml needs tools, thirdPartyCookies and maxCookieDays`;
    if (!bannerData(data, params.banners)) return `rules/data/${params.banners}.yaml needs scripts, selectors and phrases`;
    return null;
  },
  evaluate({ evidence, params, derived, data }) {
    const measurement = measurementData(data, params.measurement) as MeasurementData;
    const banners = bannerData(data, params.banners) as BannerData;
    const loaded = evidence.pages.filter((p) => p.status !== null);
    if (loaded.length === 0) return { outcome: 'needs-review', findings: [], reason: { code: 'noPageLoaded' } };
    const pages = new Map(evidence.pages.map((p) => [p.url, p]));
    const findings: FindingDraft[] = [];

    // 1. Measurement by a third party: never exempt, consent banner or not.
    const thirdParty: NamedRequest[] = [];
    let needsConsent = false;
    for (const request of evidence.requests) {
      if (!request.host || !derived.party.isThirdParty(request.host)) continue;
      const tracker = derived.trackerOf(request);
      if (!tracker) continue;
      if (NEEDS_CONSENT_CATEGORIES.has(tracker.category)) needsConsent = true;
      if (ANALYTICS_CATEGORIES.has(tracker.category)) thirdParty.push({ request, tracker });
    }
    for (const [org, group] of byOrganization(thirdParty)) findings.push(organizationFinding('thirdPartyAnalytics', org, group, pages));

    // 2. Self-hosted measurement, recognised by its URLs on the own domains.
    const selfHosted = new Map<string, RequestEvidence[]>();
    for (const request of evidence.requests) {
      if (!request.host || derived.party.isThirdParty(request.host)) continue;
      const path = request.url.slice(request.url.indexOf(request.host) + request.host.length).toLowerCase();
      const tool = measurement.tools.find((t) => t.paths.some((p) => path.includes(p.toLowerCase())));
      if (tool) selfHosted.set(tool.name, [...(selfHosted.get(tool.name) ?? []), request]);
    }

    // 3. Cookies set before consent.
    const collected = loaded.some((p) => p.cookies !== undefined);
    const cookies = uniqueCookies(loaded);
    const toolCookies = new Set(measurement.tools.filter((t) => selfHosted.has(t.name)).flatMap((t) => t.cookies));
    const portal = derived.portal ?? loaded[0] ?? null;
    for (const c of cookies) {
      const host = c.domain.replace(/^\./, '');
      const args = { name: c.name, domain: c.domain, days: Math.round(c.lifetimeDays), source: c.source ?? '?' };
      if (derived.party.isThirdParty(host)) {
        needsConsent = true;
        findings.push({ code: 'thirdPartyCookie', page: portal, host, subject: c.name, urls: c.source ? [c.source] : [], args });
      } else if (measurement.thirdPartyCookies.includes(c.name) || measurement.thirdPartyCookies.some((p) => c.name.startsWith(`${p}_`))) {
        needsConsent = true;
        findings.push({ code: 'trackingCookie', page: portal, host, subject: c.name, urls: c.source ? [c.source] : [], args });
      } else if (toolCookies.has(c.name) || [...toolCookies].some((p) => c.name.startsWith(`${p}.`))) {
        if (c.lifetimeDays > measurement.maxCookieDays) {
          findings.push({
            code: 'longLivedCookie',
            page: portal,
            host,
            subject: c.name,
            urls: c.source ? [c.source] : [],
            args: { ...args, max: measurement.maxCookieDays },
          });
        }
      }
    }
    if (findings.length > 0) return { outcome: 'fail', findings };

    // 4. A banner where nothing needs consent.
    const bannerPage = loaded.find((p) => bannerSign(p, evidence.requests, banners) !== null);
    if (bannerPage && !needsConsent) {
      const sign = bannerSign(bannerPage, evidence.requests, banners) as string;
      return { outcome: 'fail', findings: [{ code: 'unnecessaryBanner', page: bannerPage, subject: 'consent-banner', args: { sign } }] };
    }
    if (selfHosted.size === 0) return { outcome: 'not-applicable', findings: [], reason: { code: 'noAnalytics' } };
    if (!collected) return { outcome: 'needs-review', findings: [], reason: { code: 'cookiesNotCollected' } };
    const exempt: FindingDraft[] = [...selfHosted].map(([tool, requests]) => {
      const first = requests[0] as RequestEvidence;
      const own = [...toolCookies].filter((name) => cookies.some((c) => c.name === name || c.name.startsWith(`${name}.`)));
      return {
        code: 'exemptAnalytics',
        page: pages.get(first.page) ?? null,
        host: first.host,
        subject: tool,
        urls: requests.map((r) => r.url),
        count: requests.length,
        args: { tool, count: requests.length, cookies: own.length > 0 ? own.join(', ') : '-' },
      };
    });
    return { outcome: 'pass', findings: exempt };
  },
});
