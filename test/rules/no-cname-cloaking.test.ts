import { describe, expect, it } from 'vitest';
import type { TrackerMatch } from '../../src/contracts/result.js';
import { judge } from '../../src/judge/judge.js';
import { derive } from '../../src/judge/derived.js';
import { evaluateRules } from '../../src/judge/engine.js';
import { dns, evidence, page, request } from '../support/evidence.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult, ruleSet } from '../support/rules.js';

const T = 'https://services.example.org/';
const script = (host: string) => request(`https://${host}/m.js`, 'script', T);
const cloaked = evidence(T, [page(T)], [script('stats.example.org')], {
  dns: [dns('example.org'), dns('stats.example.org', { cname: ['example-org.trk.metricsfox.example', 'edge.metricsfox.example'] })],
});

ruleTester('no-cname-cloaking', {
  valid: [
    {
      name: 'CNAME inside the own domains',
      evidence: evidence(T, [page(T)], [script('static.example.org')], {
        dns: [dns('static.example.org', { cname: ['web1.example.org'] })],
      }),
    },
    {
      name: 'CNAME to another own domain',
      evidence: evidence(T, [page(T)], [script('cdn.example.org')], {
        dns: [dns('cdn.example.org', { cname: ['cdn.example.net'] })],
        options: { ownDomains: ['example.net'], candidate: false },
      }),
    },
    {
      name: 'third-party host with a CNAME is not cloaking (already third party)',
      evidence: evidence(T, [page(T)], [script('cdn.other.example')], {
        dns: [dns('cdn.other.example', { cname: ['x.cloudfront.net'] })],
      }),
    },
    {
      name: 'NXDOMAIN is a definite answer',
      evidence: evidence(T, [page(T)], [script('none.example.org')], {
        dns: [dns('none.example.org', { addresses: [], status: 'nxdomain', error: 'none.example.org: NXDOMAIN' })],
      }),
    },
    {
      name: 'the audited page’s own host on a CDN is hosting, not cloaking (gafam-infrastructure)',
      evidence: evidence(T, [page(T)], [request(T, 'document', T), request(`${T}app.js`, 'script', T)], {
        dns: [dns('services.example.org', { cname: ['example-org.netlify.app'] })],
      }),
    },
  ],
  invalid: [
    { name: 'first-party name aliased to a third party', evidence: cloaked, codes: ['cloaked'], hosts: ['stats.example.org'] },
    {
      name: 'dangling CNAME leaving the own domains still leaks',
      evidence: evidence(T, [page(T)], [script('old.example.org')], {
        dns: [
          dns('old.example.org', {
            cname: ['gone.herokuapp.example'],
            addresses: [],
            status: 'nxdomain',
            error: 'gone.herokuapp.example: NXDOMAIN (dangling CNAME)',
          }),
        ],
      }),
      codes: ['cloaked'],
      hosts: ['old.example.org'],
    },
    {
      name: 'DNS timeout on a first-party host',
      evidence: evidence(T, [page(T)], [script('slow.example.org')], {
        dns: [dns('slow.example.org', { addresses: [], status: 'timeout', error: 'slow.example.org: no answer within 2000 ms' })],
      }),
      outcome: 'needs-review',
      codes: [],
    },
    {
      name: 'SERVFAIL and loop on first-party hosts',
      evidence: evidence(T, [page(T)], [script('broken.example.org'), script('loop.example.org')], {
        dns: [
          dns('broken.example.org', { addresses: [], status: 'servfail', error: 'broken.example.org: SERVFAIL' }),
          dns('loop.example.org', { addresses: [], cname: ['loop2.example.org', 'loop.example.org'], status: 'loop', error: 'CNAME loop' }),
        ],
      }),
      outcome: 'needs-review',
      codes: [],
    },
    {
      name: 'evidence without DNS (older version)',
      evidence: evidence(T, [page(T)], [script('stats.example.org')]),
      outcome: 'needs-review',
      codes: [],
    },
  ],
});

describe('no-cname-cloaking', () => {
  it('shows host → chain → final', () => {
    const [finding] = ruleResult('no-cname-cloaking', cloaked).findings;
    expect(finding?.code).toBe('cloaked');
    expect(finding?.args.chain).toBe('stats.example.org → example-org.trk.metricsfox.example → edge.metricsfox.example');
    expect(finding?.subject).toBe('edge.metricsfox.example');
  });

  it('names the tracker behind the final name through the trackerForHost seam', () => {
    const tracker: TrackerMatch = {
      name: 'MetricsFox',
      organization: 'MetricsFox SAS',
      category: 'analytics',
      rule: '||metricsfox.example^',
    };
    const derived = { ...derive(cloaked), trackerForHost: (h: string) => (h.endsWith('metricsfox.example') ? tracker : undefined) };
    const only = { ...ruleSet, rules: ruleSet.rules.filter((r) => r.id === 'no-cname-cloaking') };
    const [result] = evaluateRules(cloaked, derived, only, { lang: 'fr', levels: {} });
    expect(result?.findings[0]?.code).toBe('cloakedTracker');
    expect(result?.findings[0]?.message).toContain('MetricsFox (MetricsFox SAS)');
  });

  it('names the tracker from the shipped tracker knowledge (AdGuard CNAME-tracker vendors)', () => {
    const atInternet = evidence(T, [page(T)], [script('mesure.example.org')], {
      dns: [dns('example.org'), dns('mesure.example.org', { cname: ['example-org.at-o.net'] })],
    });
    const [finding] = ruleResult('no-cname-cloaking', atInternet, 'en').findings;
    expect(finding?.code).toBe('cloakedTracker');
    expect(finding?.message).toMatch(
      /^mesure\.example\.org hides the tracker .*AT Internet.* behind a CNAME: mesure\.example\.org → example-org\.at-o\.net/,
    );
    expect(ruleResult('no-cname-cloaking', cloaked, 'en').findings[0]?.code).toBe('cloaked');
  });

  it('makes the cloaked requests third party for every rule and in the result', () => {
    const result = judge(cloaked, ruleSet, { lang: 'en', levels: {} });
    expect(result.requests[0]).toMatchObject({
      host: 'stats.example.org',
      party: 'third',
      cname: ['example-org.trk.metricsfox.example', 'edge.metricsfox.example'],
    });
    expect(result.rules.find((r) => r.id === 'no-third-party-requests')?.outcome).toBe('fail');
    expect(result.dns.find((d) => d.host === 'stats.example.org')?.status).toBe('ok');
  });
});
