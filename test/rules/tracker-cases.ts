/** Shared evidence for the tracker rules (no-known-trackers, no-ads, consent-free-analytics). */
import type { CookieEvidence } from '../../src/contracts/evidence.js';
import { evidence, page, request } from '../support/evidence.js';

export const T = 'https://services.example.org/';
export const LEGAL = 'https://services.example.org/mentions-legales';

function cookie(name: string, domain: string, lifetimeDays: number, over: Partial<CookieEvidence> = {}): CookieEvidence {
  return {
    name,
    domain,
    path: '/',
    expires: lifetimeDays > 0 ? 1_800_000_000 : -1,
    lifetimeDays,
    httpOnly: false,
    secure: true,
    sameSite: 'Lax',
    ...over,
  };
}

const banner = '<html><body><div id="tarteaucitronRoot"></div><p>Bienvenue</p></body></html>';

export const ga4 = evidence(
  T,
  [page(T), page(LEGAL, 'legal')],
  [
    request(T, 'document', T),
    request('https://www.googletagmanager.com/gtag/js?id=G-ABC123', 'script', T),
    request('https://region1.google-analytics.com/g/collect?v=2&tid=G-ABC123&en=page_view', 'ping', T),
    request('https://www.googletagmanager.com/gtag/js?id=G-ABC123', 'script', LEGAL),
    request('https://region1.google-analytics.com/g/collect?v=2&tid=G-ABC123&en=page_view', 'ping', LEGAL),
    request('https://fonts.googleapis.com/css2?family=Roboto', 'stylesheet', T),
  ],
);
export const ga4WithBanner = evidence(
  T,
  [
    page(T, 'portal', {
      html: banner,
      cookies: [
        cookie('_ga', '.services.example.org', 400, { setBy: 'script', source: 'https://www.googletagmanager.com/gtag/js?id=G-ABC123' }),
      ],
    }),
  ],
  [
    request('https://www.googletagmanager.com/gtag/js?id=G-ABC123', 'script', T),
    request('https://region1.google-analytics.com/g/collect?v=2&tid=G-ABC123', 'ping', T),
  ],
);
export const facebookPixel = evidence(
  T,
  [page(T)],
  [
    request('https://connect.facebook.net/en_US/fbevents.js', 'script', T),
    request('https://www.facebook.com/tr?id=123&ev=PageView&noscript=1', 'image', T),
  ],
);
export const adNetwork = evidence(T, [page(T)], [request('https://securepubads.g.doubleclick.net/tag/js/gpt.js', 'script', T)]);
export const selfHostedMatomo = evidence(
  T,
  [page(T, 'portal', { cookies: [] })],
  [
    request('https://services.example.org/matomo/matomo.js', 'script', T),
    request('https://services.example.org/matomo/matomo.php?idsite=1&rec=1', 'ping', T),
  ],
);
export const selfHostedMatomoCookies = evidence(
  T,
  [
    page(T, 'portal', {
      cookies: [cookie('_pk_id.1.abcd', 'services.example.org', 393), cookie('_pk_ses.1.abcd', 'services.example.org', 0.02)],
    }),
  ],
  [request('https://stats.example.org/matomo.js', 'script', T)],
);
export const matomoLongCookie = evidence(
  T,
  [page(T, 'portal', { cookies: [cookie('_pk_id.1.abcd', 'services.example.org', 730)] })],
  [request('https://services.example.org/matomo.js', 'script', T)],
);
export const matomoCloud = evidence(
  T,
  [page(T, 'portal', { cookies: [] })],
  [
    request('https://cdn.matomo.cloud/bonchaton.matomo.cloud/matomo.js', 'script', T),
    request('https://bonchaton.matomo.cloud/matomo.php?idsite=1&rec=1', 'ping', T),
  ],
);
export const bannerOnly = evidence(
  T,
  [page(T, 'portal', { html: banner, cookies: [] })],
  [request('https://services.example.org/tarteaucitron/tarteaucitron.js', 'script', T)],
);
export const bannerWithPhrase = evidence(T, [
  page(T, 'portal', {
    html: '<html><body><div>Nous utilisons des cookies. <button>Tout accepter</button></div></body></html>',
    cookies: [],
  }),
]);
export const thirdPartyCookie = evidence(T, [
  page(T, 'portal', { cookies: [cookie('IDE', '.doubleclick.net', 390, { setBy: 'http', source: 'https://ad.doubleclick.net/x' })] }),
]);
export const quiet = evidence(
  T,
  [page(T, 'portal', { cookies: [] })],
  [request('https://services.example.org/css/site.css', 'stylesheet', T)],
);
export const oldEvidenceMatomo = evidence(T, [page(T)], [request('https://services.example.org/matomo.js', 'script', T)]);
export const nothingLoaded = evidence(T, [page(T, 'portal', { status: null, error: 'net::ERR_CONNECTION_REFUSED' })]);
