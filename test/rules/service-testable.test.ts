import { describe, expect, it } from 'vitest';
import { evidence, page } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';
import { fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const portal = (links: string) => htmlPage(T, `<html><body>${links}</body></html>`);
const svc = (url: string, over = {}) => page(url, 'service', over);
const PAD = 'https://pad.example.org/';
const CLOUD = 'https://cloud.example.org/';

ruleTester('service-testable', {
  valid: [
    {
      name: 'two services, both answer',
      evidence: evidence(T, [portal(`<a href="${PAD}">Pad</a><a href="${CLOUD}">Cloud</a>`), svc(PAD), svc(CLOUD)]),
      codes: ['serviceUp', 'serviceUp'],
    },
    {
      name: 'one of two answers',
      evidence: evidence(T, [portal(`<a href="${PAD}">Pad</a><a href="${CLOUD}">Cloud</a>`), svc(PAD, { status: 502 }), svc(CLOUD)]),
      codes: ['serviceDown', 'serviceUp'],
    },
    {
      name: 'an --own-domain host is a service',
      evidence: evidence(T, [portal('<a href="https://pad.other-own.example/">Pad</a>'), svc('https://pad.other-own.example/')], [], {
        options: { ownDomains: ['other-own.example'], candidate: false },
      }),
      codes: ['serviceUp'],
    },
  ],
  invalid: [
    {
      name: 'none answers',
      evidence: evidence(T, [portal(`<a href="${PAD}">Pad</a>`), svc(PAD, { status: null, error: 'net::ERR_NAME_NOT_RESOLVED' })]),
      codes: ['serviceDown'],
    },
    {
      name: 'linked but not visited (page budget)',
      evidence: evidence(T, [portal(`<a href="${PAD}">Pad</a>`)]),
      outcome: 'needs-review',
      codes: ['serviceNotVisited'],
    },
    // Negatives: third-party hosts, the parent domain and www are not the site's services
    {
      name: 'only third-party "services"',
      evidence: evidence(T, [portal('<a href="https://framapad.org/">Pad</a><a href="https://github.com/x">Code</a>')]),
      codes: ['noServiceLink'],
    },
    {
      name: 'only parent and www links',
      evidence: evidence(T, [portal('<a href="https://example.org/">Association</a><a href="https://www.example.org/">Blog</a>')]),
      codes: ['noServiceLink'],
    },
    { name: 'only links to the portal itself', evidence: evidence(T, [portal(`<a href="${T}cgu">CGU</a>`)]), codes: ['noServiceLink'] },
  ],
});

describe('service-testable', () => {
  it('lists each service with its status', () => {
    const result = ruleResult('service-testable', fixtureSite('bonchaton'));
    expect(result.outcome).toBe('pass');
    expect(result.findings.map((f) => [f.subject, f.args.status])).toEqual([
      ['pad.bonchaton.example', 200],
      ['cloud.bonchaton.example', 200],
    ]);
  });
});
