import { describe, expect, it } from 'vitest';
import { wantsColor } from '../../src/util/io.js';
import { judge } from '../../src/judge/judge.js';
import { terminalReporter } from '../../src/report/terminal.js';
import { evidence, page, request } from '../support/evidence.js';
import { ruleSet } from '../support/rules.js';

const T = 'https://services.example.org/';
const LEGAL = 'https://services.example.org/mentions-legales';
const ev = evidence(
  T,
  [page(T), page(LEGAL, 'legal')],
  [
    ...Array.from({ length: 14 }, (_, i) => request(`https://fonts.gstatic.com/f${i}.woff2`, 'font', i < 10 ? T : LEGAL)),
    request('https://secure.gravatar.com/avatar/a', 'image', T),
  ],
);
const ESC = String.fromCharCode(27);

describe('terminal report', () => {
  const result = judge(ev, ruleSet, { lang: 'fr', levels: {} });

  it('groups a host over pages into one counted line instead of one line per request', () => {
    const text = terminalReporter(result, { lang: 'fr', color: false });
    const fontLines = text.split('\n').filter((l) => l.includes('fonts.gstatic.com —'));
    // Once under no-third-party-requests, once under no-third-party-fonts.
    expect(fontLines).toEqual([
      '      fonts.gstatic.com — 14 requêtes sur 2 pages [police]',
      '      fonts.gstatic.com — 14 requêtes sur 2 pages [police]',
    ]);
    expect(text).not.toContain('f13.woff2');
  });

  it('marks blocking rules with ! and starts with the verdict', () => {
    const text = terminalReporter(judge(ev, ruleSet, { lang: 'en', levels: {} }), { lang: 'en', color: false });
    expect(text.split('\n')[1]).toBe('Verdict: non-compliant');
    expect(text).toMatch(/^ {2}! FAIL +No font loaded from a third party \(no-third-party-fonts\)$/m);
  });

  it('uses colour only when asked', () => {
    expect(terminalReporter(result, { lang: 'fr', color: false })).not.toContain(ESC);
    expect(terminalReporter(result, { lang: 'fr', color: true })).toContain(ESC);
  });
});

describe('colour decision', () => {
  it.each([
    [{ isTTY: true }, {}, true],
    [{ isTTY: false }, {}, false],
    [{ isTTY: true }, { NO_COLOR: '1' }, false],
    [{ isTTY: true }, { TERM: 'dumb' }, false],
    [{ isTTY: false }, { FORCE_COLOR: '1' }, true],
  ])('%j with %j → %s', (stream, env, expected) => {
    expect(wantsColor({ write: () => true, ...stream }, env)).toBe(expected);
  });
});
