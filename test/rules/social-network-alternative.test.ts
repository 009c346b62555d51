import { describe, expect, it } from 'vitest';
import type { LinkEvidence } from '../../src/contracts/evidence.js';
import { evidence, page } from '../support/evidence.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';

const T = 'https://services.example.org/';
const link = (href: string, text = '', over: Partial<LinkEvidence> = {}): LinkEvidence => ({ href, text, visible: true, ...over });
const site = (links: LinkEvidence[], html = '<html><head></head><body></body></html>') => evidence(T, [page(T, 'portal', { links, html })]);
const fb = link('https://www.facebook.com/bonchaton', 'Facebook');
const x = link('https://x.com/bonchaton', 'X');

ruleTester('social-network-alternative', {
  valid: [
    {
      name: 'Facebook and a feed announced in the head',
      evidence: site([fb], '<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml"></head><body></body></html>'),
      codes: ['alternativeFound'],
      subjects: ['alternative'],
    },
    {
      name: 'Facebook and a Mastodon account',
      evidence: site([fb, link('https://framapiaf.org/@bonchaton', 'Nous suivre')]),
      codes: ['alternativeFound'],
      subjects: ['alternative'],
    },
    {
      name: 'Facebook and a rel=me profile on an unknown instance',
      evidence: site([fb, link('https://toot.example.net/@chaton', 'Toots', { rel: 'me' })]),
      codes: ['alternativeFound'],
      subjects: ['alternative'],
    },
    {
      name: 'YouTube and a PeerTube channel',
      evidence: site([
        link('https://youtube.com/@chaton', 'YouTube'),
        link('https://video.example.net/c/chaton', 'Nos vidéos sur PeerTube'),
      ]),
      codes: ['alternativeFound'],
      subjects: ['alternative'],
    },
    {
      name: 'LinkedIn and a newsletter',
      evidence: site([
        link('https://www.linkedin.com/company/x', 'LinkedIn'),
        link('https://services.example.org/lettre', "Lettre d'information"),
      ]),
      codes: ['alternativeFound'],
      subjects: ['alternative'],
    },
    {
      name: 'Instagram and a blog',
      evidence: site([link('https://instagram.com/x', 'Instagram'), link('https://services.example.org/blog/', 'Blog')]),
      codes: ['alternativeFound'],
      subjects: ['alternative'],
    },
  ],
  invalid: [
    {
      name: 'Facebook and X only',
      evidence: site([fb, x]),
      codes: ['noAlternative', 'noAlternative'],
      subjects: ['Facebook', 'X/Twitter'],
    },
    { name: 'no social network', evidence: site([link('https://services.example.org/cgu', 'CGU')]), outcome: 'not-applicable', codes: [] },
    { name: 'nothing loaded', evidence: evidence(T, [page(T, 'portal', { status: null })]), outcome: 'needs-review', codes: [] },
  ],
});

describe('social-network-alternative', () => {
  it('names the network in French', () => {
    expect(ruleResult('social-network-alternative', site([fb]), 'fr').findings[0]?.message).toContain(
      'Lien vers Facebook sans autre moyen',
    );
  });
});
