import { describe, expect, it } from 'vitest';
import { evidence, page } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleResult } from '../support/rules.js';
import { fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const judge = (body: string) => ruleResult('economic-model', evidence(T, [htmlPage(T, `<html><body><main><p>${body}</p></main></body></html>`)]));

describe('economic-model', () => {
  it('passes with every aspect quoted', () => {
    const result = judge('<h2>Modèle économique</h2><p>Les services sont financés par les adhésions et les dons.</p>');
    expect(result.outcome).toBe('pass');
    expect(result.findings.every((f) => f.code === 'passage' && String(f.args.quote).length > 0 && f.page === T)).toBe(true);
  });

  it('needs review with partial evidence, naming what is missing', () => {
    const result = judge('Faites un don !');
    expect(result.outcome).toBe('needs-review');
    expect(result.findings.filter((f) => f.code === 'missingAspect').map((f) => f.subject)).toEqual(['model']);
  });

  it('fails (suggestion) when nothing matches, without quoting unrelated text', () => {
    const result = judge('Nos services sont rapides.');
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => f.code)).toEqual(['notFound']);
  });

  it('needs review when no page loaded', () => {
    expect(ruleResult('economic-model', evidence(T, [page(T, 'portal', { status: null, html: null })])).outcome).toBe('needs-review');
  });

  it.each([
    ['bonchaton', 'pass'],
    ['openhost', 'pass'],
  ])('fixture site %s → %s', (name, outcome) => {
    expect(ruleResult('economic-model', fixtureSite(name)).outcome).toBe(outcome);
  });
});
