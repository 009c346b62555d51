import { describe, expect, it } from 'vitest';
import { evidence, page } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleResult } from '../support/rules.js';
import { fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const judge = (body: string) => ruleResult('backups-and-security', evidence(T, [htmlPage(T, `<html><body><main><p>${body}</p></main></body></html>`)]));

describe('backups-and-security', () => {
  it('passes with every aspect quoted', () => {
    const result = judge('Les données sont sauvegardées chaque nuit. Les mises à jour de sécurité sont appliquées chaque semaine. Les journaux sont conservés un an.');
    expect(result.outcome).toBe('pass');
    expect(result.findings.every((f) => f.code === 'passage' && String(f.args.quote).length > 0 && f.page === T)).toBe(true);
  });

  it('needs review with partial evidence, naming what is missing', () => {
    const result = judge('Les données sont sauvegardées chaque nuit.');
    expect(result.outcome).toBe('needs-review');
    expect(result.findings.filter((f) => f.code === 'missingAspect').map((f) => f.subject)).toEqual(['security', 'logs']);
  });

  it('fails (suggestion) when nothing matches, without quoting unrelated text', () => {
    const result = judge('Bienvenue ! Découvrez nos ateliers.');
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => f.code)).toEqual(['notFound']);
  });

  it('needs review when no page loaded', () => {
    expect(ruleResult('backups-and-security', evidence(T, [page(T, 'portal', { status: null, html: null })])).outcome).toBe('needs-review');
  });

  it.each([
    ['bonchaton', 'pass'],
    ['nuageDuCoin', 'fail'],
  ])('fixture site %s → %s', (name, outcome) => {
    expect(ruleResult('backups-and-security', fixtureSite(name)).outcome).toBe(outcome);
  });
});
