import { describe, expect, it } from 'vitest';
import { evidence, page } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleResult } from '../support/rules.js';
import { fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const portal = (links: string) => htmlPage(T, `<html><body>${links}</body></html>`);
const svc = (url: string, over = {}) => page(url, 'service', over);
const PAD = 'https://pad.example.org/';
const CLOUD = 'https://cloud.example.org/';

describe('service-testable', () => {
  it.each([
    ['two services, both answer', [portal(`<a href="${PAD}">Pad</a><a href="${CLOUD}">Cloud</a>`), svc(PAD), svc(CLOUD)], 'pass', ['serviceUp', 'serviceUp']],
    ['one of two answers', [portal(`<a href="${PAD}">Pad</a><a href="${CLOUD}">Cloud</a>`), svc(PAD, { status: 502 }), svc(CLOUD)], 'pass', ['serviceDown', 'serviceUp']],
    ['none answers', [portal(`<a href="${PAD}">Pad</a>`), svc(PAD, { status: null, error: 'net::ERR_NAME_NOT_RESOLVED' })], 'fail', ['serviceDown']],
    ['linked but not visited (page budget)', [portal(`<a href="${PAD}">Pad</a>`)], 'needs-review', ['serviceNotVisited']],
    // Negatives: third-party hosts, the parent domain and www are not the site's services
    ['only third-party "services"', [portal('<a href="https://framapad.org/">Pad</a><a href="https://github.com/x">Code</a>')], 'fail', ['noServiceLink']],
    ['only parent and www links', [portal('<a href="https://example.org/">Association</a><a href="https://www.example.org/">Blog</a>')], 'fail', ['noServiceLink']],
    ['only links to the portal itself', [portal(`<a href="${T}cgu">CGU</a>`)], 'fail', ['noServiceLink']],
  ] as const)('%s → %s', (_name, pages, outcome, codes) => {
    const result = ruleResult('service-testable', evidence(T, [...pages]));
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => f.code)).toEqual(codes);
  });

  it('lists each service with its status', () => {
    const result = ruleResult('service-testable', fixtureSite('bonchaton'));
    expect(result.outcome).toBe('pass');
    expect(result.findings.map((f) => [f.subject, f.args.status])).toEqual([['pad.bonchaton.example', 200], ['cloud.bonchaton.example', 200]]);
  });

  it('counts an --own-domain host as a service', () => {
    const ev = evidence(T, [portal('<a href="https://pad.other-own.example/">Pad</a>'), svc('https://pad.other-own.example/')], [],
      { options: { ownDomains: ['other-own.example'], candidate: false } });
    expect(ruleResult('service-testable', ev).outcome).toBe('pass');
  });
});
