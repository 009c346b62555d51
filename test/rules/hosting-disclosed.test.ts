import { describe, expect, it } from 'vitest';
import { evidence, page } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleResult } from '../support/rules.js';
import { fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const judge = (body: string) => ruleResult('hosting-disclosed', evidence(T, [htmlPage(T, `<html><body><main><p>${body}</p></main></body></html>`)]));

describe('hosting-disclosed', () => {
  it('passes with every aspect quoted', () => {
    const result = judge('Nos serveurs nous appartiennent ; ils sont hébergés chez Rezo Libre, dans un datacenter situé à Lyon, en France.');
    expect(result.outcome).toBe('pass');
    expect(result.findings.every((f) => f.code === 'passage' && String(f.args.quote).length > 0 && f.page === T)).toBe(true);
  });

  it('needs review with partial evidence, naming what is missing', () => {
    const result = judge('Le site est hébergé par Rezo Libre.');
    expect(result.outcome).toBe('needs-review');
    expect(result.findings.filter((f) => f.code === 'missingAspect').map((f) => f.subject)).toEqual(['control', 'location']);
  });

  it('fails (suggestion) when nothing matches, without quoting unrelated text', () => {
    const result = judge('Nous hébergeons des rencontres conviviales.<br>Accueil chaleureux.');
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => f.code)).toEqual(['notFound']);
  });

  it('needs review when no page loaded', () => {
    expect(ruleResult('hosting-disclosed', evidence(T, [page(T, 'portal', { status: null, html: null })])).outcome).toBe('needs-review');
  });

  it.each([
    ['bonchaton', 'pass'],
  ])('fixture site %s → %s', (name, outcome) => {
    expect(ruleResult('hosting-disclosed', fixtureSite(name)).outcome).toBe(outcome);
  });
});
