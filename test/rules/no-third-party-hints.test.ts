import { describe, expect, it } from 'vitest';
import { evidence, page } from '../support/evidence.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://services.example.org/';
const html = (head: string, body = ''): string => `<html><head>${head}</head><body>${body}</body></html>`;
const at = (h: string) => evidence(T, [page(T, 'portal', { html: h })]);

describe('no-third-party-hints', () => {
  it.each([
    ['preconnect to Google Fonts', at(html('<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>')), 'fail', ['thirdPartyHint fonts.gstatic.com']],
    ['protocol-relative dns-prefetch', at(html('<link rel="dns-prefetch" href="//ajax.googleapis.com">')), 'fail', ['thirdPartyHint ajax.googleapis.com']],
    ['preload of a CDN script', at(html('<link rel="preload" as="script" href="https://cdn.jsdelivr.net/npm/x.js">')), 'fail', ['thirdPartyHint cdn.jsdelivr.net']],
    ['prefetch', at(html('<link rel="prefetch" href="https://unpkg.com/y.js">')), 'fail', ['thirdPartyHint unpkg.com']],
    ['a ping attribute', at(html('', '<a href="/x" ping="https://ping.tracker.example/p">x</a>')), 'fail', ['thirdPartyPing ping.tracker.example']],
    ['a form posting to a third party', at(html('', '<form action="https://formspree.io/f/abc" method="post"></form>')), 'fail', ['thirdPartyFormAction formspree.io']],
    ['first-party hints and forms', at(html('<link rel="preload" href="/fonts/inter.woff2" as="font"><link rel="preconnect" href="https://static.example.org">', '<form action="/contact"></form>')), 'pass', []],
    ['a stylesheet link is a request, not a hint', at(html('<link rel="stylesheet" href="https://cdn.example.net/a.css">')), 'pass', []],
    ['nothing loaded', evidence(T, [page(T, 'portal', { status: null, html: null })]), 'needs-review', []],
  ] as const)('%s', (_name, ev, outcome, found) => {
    const result = ruleResult('no-third-party-hints', ev);
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => `${f.code} ${f.host}`).sort()).toEqual([...found].sort());
  });

  it('quotes the hint', () => {
    expect(ruleResult('no-third-party-hints', at(html('<link rel="preconnect" href="https://fonts.gstatic.com">'))).findings[0]?.message)
      .toBe('<link rel="preconnect"> hint to fonts.gstatic.com: the browser contacts this third party even when nothing is loaded from it.');
  });
});
