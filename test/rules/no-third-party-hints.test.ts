import { describe, expect, it } from 'vitest';
import { evidence, page } from '../support/evidence.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://services.example.org/';
const html = (head: string, body = ''): string => `<html><head>${head}</head><body>${body}</body></html>`;
const at = (h: string) => evidence(T, [page(T, 'portal', { html: h })]);

ruleTester('no-third-party-hints', {
  valid: [
    {
      name: 'first-party hints and forms',
      evidence: at(
        html(
          '<link rel="preload" href="/fonts/inter.woff2" as="font"><link rel="preconnect" href="https://static.example.org">',
          '<form action="/contact"></form>',
        ),
      ),
    },
    {
      name: 'a stylesheet link is a request, not a hint',
      evidence: at(html('<link rel="stylesheet" href="https://cdn.example.net/a.css">')),
    },
  ],
  invalid: [
    {
      name: 'preconnect to Google Fonts',
      evidence: at(html('<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>')),
      codes: ['thirdPartyHint'],
      hosts: ['fonts.gstatic.com'],
    },
    {
      name: 'protocol-relative dns-prefetch',
      evidence: at(html('<link rel="dns-prefetch" href="//ajax.googleapis.com">')),
      codes: ['thirdPartyHint'],
      hosts: ['ajax.googleapis.com'],
    },
    {
      name: 'preload of a CDN script',
      evidence: at(html('<link rel="preload" as="script" href="https://cdn.jsdelivr.net/npm/x.js">')),
      codes: ['thirdPartyHint'],
      hosts: ['cdn.jsdelivr.net'],
    },
    {
      name: 'prefetch',
      evidence: at(html('<link rel="prefetch" href="https://unpkg.com/y.js">')),
      codes: ['thirdPartyHint'],
      hosts: ['unpkg.com'],
    },
    {
      name: 'a ping attribute',
      evidence: at(html('', '<a href="/x" ping="https://ping.tracker.example/p">x</a>')),
      codes: ['thirdPartyPing'],
      hosts: ['ping.tracker.example'],
    },
    {
      name: 'a form posting to a third party',
      evidence: at(html('', '<form action="https://formspree.io/f/abc" method="post"></form>')),
      codes: ['thirdPartyFormAction'],
      hosts: ['formspree.io'],
    },
    {
      name: 'nothing loaded',
      evidence: evidence(T, [page(T, 'portal', { status: null, html: null })]),
      outcome: 'needs-review',
      codes: [],
    },
  ],
});

describe('no-third-party-hints', () => {
  it('quotes the hint', () => {
    expect(
      ruleResult('no-third-party-hints', at(html('<link rel="preconnect" href="https://fonts.gstatic.com">'))).findings[0]?.message,
    ).toBe('<link rel="preconnect"> hint to fonts.gstatic.com: the browser contacts this third party even when nothing is loaded from it.');
  });
});
