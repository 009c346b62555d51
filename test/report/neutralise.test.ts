/**
 * Every format rendered from a result whose every site-derived string carries one hostile
 * payload: Markdown (rendered with marked, as a forum would), terminal, HTML, JUnit, SARIF and
 * JSON must quote it as data. The same checks run on the real audit of a hostile fixture site
 * (test/e2e/hostile-content.test.ts) through `FORMAT_CHECKS`.
 */
import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/contracts/result.js';
import { FORMAT_NAMES } from '../../src/report/index.js';
import { mdCode, mdLink, mdText, visible } from '../../src/report/neutralise.js';
import { goldenResult } from '../support/golden.js';
import { FORMAT_CHECKS, PAYLOAD, poison } from '../support/hostile.js';

function fullResult(): AuditResult {
  const base = goldenResult('asso-apres.example', 'fr', [
    { host: 'video.autre-chaton.example', justification: 'Vidéos d’un autre chaton' },
  ]);
  const page = base.pages[0]?.url ?? base.target;
  return {
    ...base,
    rules: [
      ...base.rules,
      {
        id: 'legal-notice-content',
        level: 'suggestion',
        outcome: 'needs-review',
        section: 'C',
        title: 'Mentions légales',
        help: 'Complétez-les.',
        reason: 'Passage lu',
        findings: [
          {
            code: 'quote',
            message: '« Directeur : Alix »',
            args: { quote: 'Directeur : Alix' },
            page,
            pageRole: 'legal',
            subject: 'Directeur',
            count: 1,
            examples: [],
          },
        ],
      },
      {
        id: 'page-behaviour',
        level: 'suggestion',
        outcome: 'fail',
        section: 'D',
        title: 'Comportement',
        help: 'Retirez la boîte.',
        findings: [
          {
            code: 'dialog',
            message: 'Boîte de dialogue : Bienvenue',
            args: { message: 'Bienvenue' },
            page,
            pageRole: 'portal',
            count: 1,
            examples: [page],
          },
        ],
      },
    ],
    errors: [{ stage: 'collect', page, message: 'net::ERR_FAILED' }],
    baseline: {
      file: 'old.json',
      new: 1,
      unchanged: 0,
      resolved: [{ rule: 'no-third-party-fonts', code: 'thirdPartyFont', pageRole: 'portal', host: 'fonts.example', message: 'Police' }],
    },
  };
}

describe('site text is quoted as data in every format', () => {
  it('has a check for every format of the registry', () => {
    expect(Object.keys(FORMAT_CHECKS).sort()).toEqual([...FORMAT_NAMES].sort());
  });

  const hostile = poison(fullResult());
  it.each(Object.entries(FORMAT_CHECKS))('%s: holds for a result whose every site string carries the payload', (_format, check) => {
    check(hostile);
  });

  it('keeps what the site wrote readable', () => {
    expect(visible(`a\u001b[2Jb\u0007c\u202Ed\u0085e\nf`)).toBe('a\\x1B[2Jb\\x07c\\u202Ed\\x85e f');
    expect(mdText('Hébergé par OVH — 2 rue X')).toBe('Hébergé par OVH — 2 rue X');
    expect(mdText('écrire à @staff ou a@b.example')).toBe('écrire à `@staff` ou a`@b.example`');
    expect(mdText('![x](https://t.example/p.png) <img> www.t.example')).toBe(
      '!\\[x\\](https\\://t\\.example/p\\.png) \\<img\\> www\\.t\\.example',
    );
    expect(mdText('1. item')).toBe('1\\. item');
  });

  it('fences a code span longer than any backtick run inside, and links only http(s) URLs', () => {
    expect(mdCode('a``b')).toBe('```a``b```');
    expect(mdCode('`x`')).toBe('`` `x` ``');
    expect(mdLink('https://a.example/p?q=`@x`')).toBe('<https://a.example/p?q=%60%40x%60>');
    expect(mdLink('javascript:alert(1)')).toBe('`javascript:alert(1)`');
    expect(mdLink('https://u:p@a.example/')).toBe('`https://u:p@a.example/`');
  });

  it('has a payload that really is hostile: the raw text would inject', () => {
    expect(PAYLOAD).toMatch(/\u001b\[2J/);
    expect(PAYLOAD).toMatch(/<img/);
  });
});
