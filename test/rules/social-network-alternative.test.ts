import { describe, expect, it } from 'vitest';
import type { LinkEvidence } from '../../src/contracts/evidence.js';
import { evidence, page } from '../support/evidence.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://services.example.org/';
const link = (href: string, text = '', over: Partial<LinkEvidence> = {}): LinkEvidence => ({ href, text, visible: true, ...over });
const site = (links: LinkEvidence[], html = '<html><head></head><body></body></html>') => evidence(T, [page(T, 'portal', { links, html })]);
const fb = link('https://www.facebook.com/bonchaton', 'Facebook');
const x = link('https://x.com/bonchaton', 'X');

describe('social-network-alternative', () => {
  it.each([
    ['Facebook and X only', site([fb, x]), 'fail', ['Facebook', 'X/Twitter']],
    ['Facebook and a feed announced in the head', site([fb], '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body></body></html>'), 'pass', ['alternative']],
    ['Facebook and a Mastodon account', site([fb, link('https://framapiaf.org/@bonchaton', 'Nous suivre')]), 'pass', ['alternative']],
    ['Facebook and a rel=me profile on an unknown instance', site([fb, link('https://toot.example.net/@chaton', 'Toots', { rel: 'me' })]), 'pass', ['alternative']],
    ['YouTube and a PeerTube channel', site([link('https://youtube.com/@chaton', 'YouTube'), link('https://video.example.net/c/chaton', 'Nos vidéos sur PeerTube')]), 'pass', ['alternative']],
    ['LinkedIn and a newsletter', site([link('https://www.linkedin.com/company/x', 'LinkedIn'), link('https://services.example.org/lettre', "Lettre d'information")]), 'pass', ['alternative']],
    ['Instagram and a blog', site([link('https://instagram.com/x', 'Instagram'), link('https://services.example.org/blog/', 'Blog')]), 'pass', ['alternative']],
    ['no social network', site([link('https://services.example.org/cgu', 'CGU')]), 'not-applicable', []],
    ['nothing loaded', evidence(T, [page(T, 'portal', { status: null })]), 'needs-review', []],
  ] as const)('%s', (_name, ev, outcome, subjects) => {
    const result = ruleResult('social-network-alternative', ev);
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => f.subject).sort()).toEqual([...subjects].sort());
  });

  it('names the network in French', () => {
    expect(ruleResult('social-network-alternative', site([fb]), 'fr').findings[0]?.message).toContain('Lien vers Facebook sans autre moyen');
  });
});
