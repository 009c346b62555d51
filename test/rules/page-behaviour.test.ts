import { describe, expect, it } from 'vitest';
import type { PageIncident } from '../../src/contracts/evidence.js';
import { evidence, page } from '../support/evidence.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://chaton.example.org/';
const incident = (kind: PageIncident['kind'], detail: string, url?: string, count = 1): PageIncident =>
  ({ kind, page: T, detail, count, ...(url ? { url } : {}) });

describe('page-behaviour', () => {
  it.each([
    ['a quiet page', [], 'pass', []],
    ['an alert on load', [incident('dialog', 'alert: Bienvenue !')], 'fail', ['dialog']],
    ['a window.open storm, one finding with its count', [incident('popup', 'window.open', 'https://ads.example/', 40)], 'fail', ['popup']],
    ['a download on load', [incident('download', 'tarifs.zip', `${T}tarifs.zip`)], 'fail', ['download']],
    ['leaving by itself', [incident('navigatedAway', T, 'https://elsewhere.example/')], 'fail', ['navigatedAway']],
    ['a PDF portal', [incident('notHtml', 'application/pdf', T)], 'fail', ['notHtml']],
    ['a body that never ends', [incident('loadIncomplete', 'page.goto: Timeout', T)], 'fail', ['loadIncomplete']],
    ['a 50 MB page', [incident('htmlTruncated', '52428800 characters', T)], 'fail', ['htmlTruncated']],
    ['a refused private address is another rule', [incident('privateAddress', '10.0.0.1', 'http://10.0.0.1/')], 'pass', []],
  ] as const)('%s → %s', (_name, incidents, outcome, codes) => {
    const result = ruleResult('page-behaviour', evidence(T, [page(T)], [], { incidents: [...incidents] }));
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => f.code)).toEqual(codes);
  });

  it('says what happened, with the count', () => {
    const result = ruleResult('page-behaviour', evidence(T, [page(T)], [], { incidents: [incident('popup', 'window.open', 'https://ads.example/', 40)] }));
    expect(result.findings[0]).toMatchObject({ count: 40, url: 'https://ads.example/', pageRole: 'portal' });
    expect(result.findings[0]?.message).toContain('https://ads.example/');
    expect(result.findings[0]?.message).toContain('40');
  });

  it('needs review when no page answered, and reads evidence saved before incidents existed', () => {
    const down = evidence(T, [page(T, 'portal', { status: null, error: 'net::ERR_CONNECTION_RESET' })]);
    expect(ruleResult('page-behaviour', down).outcome).toBe('needs-review');
    const old = evidence(T, [page(T)]);
    delete old.incidents;
    expect(ruleResult('page-behaviour', old).outcome).toBe('pass');
  });
});
