import { describe, expect, it } from 'vitest';
import type { PageIncident } from '../../src/contracts/evidence.js';
import { evidence, page } from '../support/evidence.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://chaton.example.org/';
const incident = (kind: PageIncident['kind'], detail: string, url?: string, count = 1): PageIncident => ({
  kind,
  page: T,
  detail,
  count,
  ...(url ? { url } : {}),
});

ruleTester('page-behaviour', {
  valid: [
    { name: 'a quiet page', evidence: evidence(T, [page(T)], [], { incidents: [] }) },
    {
      name: 'a refused private address is another rule',
      evidence: evidence(T, [page(T)], [], { incidents: [incident('privateAddress', '10.0.0.1', 'http://10.0.0.1/')] }),
    },
  ],
  invalid: [
    {
      name: 'an alert on load',
      evidence: evidence(T, [page(T)], [], { incidents: [incident('dialog', 'alert: Bienvenue !')] }),
      codes: ['dialog'],
    },
    {
      name: 'a window.open storm, one finding with its count',
      evidence: evidence(T, [page(T)], [], { incidents: [incident('popup', 'window.open', 'https://ads.example/', 40)] }),
      codes: ['popup'],
    },
    {
      name: 'a download on load',
      evidence: evidence(T, [page(T)], [], { incidents: [incident('download', 'tarifs.zip', `${T}tarifs.zip`)] }),
      codes: ['download'],
    },
    {
      name: 'leaving by itself',
      evidence: evidence(T, [page(T)], [], { incidents: [incident('navigatedAway', T, 'https://elsewhere.example/')] }),
      codes: ['navigatedAway'],
    },
    {
      name: 'a PDF portal',
      evidence: evidence(T, [page(T)], [], { incidents: [incident('notHtml', 'application/pdf', T)] }),
      codes: ['notHtml'],
    },
    {
      name: 'a body that never ends',
      evidence: evidence(T, [page(T)], [], { incidents: [incident('loadIncomplete', 'page.goto: Timeout', T)] }),
      codes: ['loadIncomplete'],
    },
    {
      name: 'a 50 MB page',
      evidence: evidence(T, [page(T)], [], { incidents: [incident('htmlTruncated', '52428800 characters', T)] }),
      codes: ['htmlTruncated'],
    },
  ],
});

describe('page-behaviour', () => {
  it('says what happened, with the count', () => {
    const result = ruleResult(
      'page-behaviour',
      evidence(T, [page(T)], [], { incidents: [incident('popup', 'window.open', 'https://ads.example/', 40)] }),
    );
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
