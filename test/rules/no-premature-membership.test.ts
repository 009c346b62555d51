import { describe, expect, it } from 'vitest';
import { evidence } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleTester } from '../support/rule-tester.js';
import { ruleResult } from '../support/rules.js';
import { fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const candidate = { options: { ownDomains: [], candidate: true } };
const at = (body: string, over = candidate) => evidence(T, [htmlPage(T, `<html><body>${body}</body></html>`)], [], over);
const judge = (body: string) => ruleResult('no-premature-membership', at(body));

ruleTester('no-premature-membership', {
  valid: [
    // Negatives: a candidacy is not a claim; a plain link to the collective is not a badge
    { name: 'candidacy statement', evidence: at('<p>Nous avons déposé notre candidature pour devenir membre du collectif CHATONS.</p>') },
    {
      name: 'wish to join',
      evidence: at('<p>Nous souhaitons rejoindre les CHATONS et faire partie du collectif CHATONS bientôt (candidature en cours).</p>'),
    },
    {
      name: 'plain logo link without "member"',
      evidence: at('<a href="https://www.chatons.org/"><img src="/chatons.svg" alt="Le collectif CHATONS"></a>'),
    },
    { name: 'a link to the members list', evidence: at('<p>Voir la <a href="https://www.chatons.org/chatons">liste des membres</a>.</p>') },
    {
      name: 'respecting the charter and wishing to join "ce collectif" is no claim',
      evidence:
        at(`<p>Nuage Voisin respecte la charte du Collectif des Hébergeurs Alternatifs, Transparents, Ouverts, Neutres et Solidaires.</p>
      <p>Nuage Voisin souhaite rejoindre ce collectif (candidature en cours).</p>`),
    },
    {
      name: '"ce collectif" about another collective is no claim',
      evidence: at('<p>Nous travaillons avec le collectif Libre Quartier. Nuage Voisin est membre de ce collectif.</p>'),
    },
    { name: 'fixture site bonchaton', evidence: fixtureSite('bonchaton', candidate) },
    { name: 'fixture site openhost', evidence: fixtureSite('openhost', candidate) },
  ],
  invalid: [
    { name: '"membre du collectif CHATONS"', evidence: at('<p>Nous sommes membre du collectif CHATONS.</p>'), codes: ['membershipClaim'] },
    { name: '"CHATON depuis 2021"', evidence: at('<p>Fièrement CHATON depuis 2021 !</p>'), codes: ['membershipClaim'] },
    { name: 'English claim', evidence: at('<p>We are a member of the CHATONS collective.</p>'), codes: ['membershipClaim'] },
    {
      name: 'member badge linking to chatons.org',
      evidence: at('<a href="https://www.chatons.org/"><img src="/badge.png" alt="Membre CHATONS"></a>'),
      codes: ['memberBadge'],
    },
    {
      name: 'outside --candidate',
      evidence: at('<p>Nous sommes membre du collectif CHATONS.</p>', { options: { ownDomains: [], candidate: false } }),
      outcome: 'not-applicable',
      reason: /--candidate/,
      codes: [],
    },
    { name: 'fixture site futurChaton', evidence: fixtureSite('futurChaton', candidate), codes: ['membershipClaim', 'memberBadge'] },
  ],
});

describe('no-premature-membership', () => {
  // Kinds of miss seen on real sites (issue: real corpus), in our own words and markup.
  it.each([
    [
      'the collective named in full, then "ce collectif"',
      `<h2>Nos engagements</h2><p>Nuage Voisin s'engage à respecter la charte du Collectif des Hébergeurs Alternatifs,
      Transparents, Ouverts, Neutres et Solidaires dans tout ce qu'il héberge.</p><p>Nuage Voisin est membre de ce collectif depuis 2022.</p>`,
      'membre de ce collectif',
    ],
    [
      'a heading that claims, the collective in the list below it',
      '<h3>Réseaux dont nous faisons partie</h3><ul><li>Le Réseau des Fablabs</li><li>Le collectif CHATONS</li></ul>',
      'CHATONS',
    ],
  ] as const)('%s → fail, quoting the claim', (_name, body, quoted) => {
    const result = judge(body);
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => f.code)).toEqual(['membershipClaim']);
    expect(result.findings[0]?.args.quote).toContain(quoted);
  });
});
