/** Shared evidence for the three rules that use the third-party-resources evaluator. */
import { evidence, page, request } from '../support/evidence.js';

const T = 'https://services.example.org/';
const LEGAL = 'https://services.example.org/mentions-legales';

export const googleFonts = evidence(
  T,
  [page(T)],
  [
    request(T, 'document', T),
    request('https://fonts.googleapis.com/css2?family=Roboto', 'stylesheet', T),
    request('https://fonts.gstatic.com/s/roboto/a.woff2', 'font', T),
    request('https://fonts.gstatic.com/s/roboto/b.woff2', 'font', T),
  ],
);
export const selfHostedFont = evidence(
  T,
  [page(T)],
  [
    request('https://services.example.org/fonts/inter.woff2', 'font', T),
    request('https://static.example.org/fonts/inter.woff2', 'font', T),
  ],
);
export const gravatar = evidence(T, [page(T)], [request('https://secure.gravatar.com/avatar/abc', 'image', T)]);
export const cdnScript = evidence(T, [page(T)], [request('https://cdn.jsdelivr.net/npm/x.js', 'script', T)]);
export const ownDomainImage = evidence(T, [page(T)], [request('https://media.example.net/logo.png', 'image', T)], {
  options: { ownDomains: ['example.net'], candidate: false },
});
export const twoPages = evidence(
  T,
  [page(T), page(LEGAL, 'legal')],
  [request('https://secure.gravatar.com/avatar/abc', 'image', T), request('https://secure.gravatar.com/avatar/def', 'image', LEGAL)],
);
export const nothingLoaded = evidence(T, [page(T, 'portal', { status: null, error: 'net::ERR_CONNECTION_REFUSED' })]);
