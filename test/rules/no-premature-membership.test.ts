import { describe, expect, it } from 'vitest';
import { evidence } from '../support/evidence.js';
import { htmlPage } from '../support/fixture-pages.js';
import { ruleResult } from '../support/rules.js';
import { fixtureSite } from './transparency-support.js';

const T = 'https://services.example.org/';
const candidate = { options: { ownDomains: [], candidate: true } };
const judge = (body: string, over = candidate) => ruleResult('no-premature-membership', evidence(T, [htmlPage(T, `<html><body>${body}</body></html>`)], [], over));

describe('no-premature-membership', () => {
  it.each([
    ['"membre du collectif CHATONS"', '<p>Nous sommes membre du collectif CHATONS.</p>', 'fail', ['membershipClaim']],
    ['"CHATON depuis 2021"', '<p>Fièrement CHATON depuis 2021 !</p>', 'fail', ['membershipClaim']],
    ['English claim', '<p>We are a member of the CHATONS collective.</p>', 'fail', ['membershipClaim']],
    ['member badge linking to chatons.org', '<a href="https://www.chatons.org/"><img src="/badge.png" alt="Membre CHATONS"></a>', 'fail', ['memberBadge']],
    // Negatives: a candidacy is not a claim; a plain link to the collective is not a badge
    ['candidacy statement', '<p>Nous avons déposé notre candidature pour devenir membre du collectif CHATONS.</p>', 'pass', []],
    ['wish to join', '<p>Nous souhaitons rejoindre les CHATONS et faire partie du collectif CHATONS bientôt (candidature en cours).</p>', 'pass', []],
    ['plain logo link without "member"', '<a href="https://www.chatons.org/"><img src="/chatons.svg" alt="Le collectif CHATONS"></a>', 'pass', []],
    ['a link to the members list', '<p>Voir la <a href="https://www.chatons.org/chatons">liste des membres</a>.</p>', 'pass', []],
  ] as const)('%s → %s', (_name, body, outcome, codes) => {
    const result = judge(body);
    expect(result.outcome).toBe(outcome);
    expect(result.findings.map((f) => f.code)).toEqual(codes);
  });

  it('does not apply outside --candidate', () => {
    const result = judge('<p>Nous sommes membre du collectif CHATONS.</p>', { options: { ownDomains: [], candidate: false } });
    expect(result.outcome).toBe('not-applicable');
    expect(result.reason).toContain('--candidate');
  });

  it.each([['futurChaton', 'fail'], ['bonchaton', 'pass'], ['openhost', 'pass']])('fixture site %s (candidate) → %s', (name, outcome) => {
    expect(ruleResult('no-premature-membership', fixtureSite(name, candidate)).outcome).toBe(outcome);
  });

  // Kinds of miss seen on real sites (issue: real corpus), in our own words and markup.
  it.each([
    ['the collective named in full, then "ce collectif"', `<h2>Nos engagements</h2><p>Nuage Voisin s'engage à respecter la charte du Collectif des Hébergeurs Alternatifs,
      Transparents, Ouverts, Neutres et Solidaires dans tout ce qu'il héberge.</p><p>Nuage Voisin est membre de ce collectif depuis 2022.</p>`, 'membre de ce collectif'],
    ['a heading that claims, the collective in the list below it', '<h3>Réseaux dont nous faisons partie</h3><ul><li>Le Réseau des Fablabs</li><li>Le collectif CHATONS</li></ul>', 'CHATONS'],
  ] as const)('%s → fail, quoting the claim', (_name, body, quoted) => {
    const result = judge(body);
    expect(result.outcome).toBe('fail');
    expect(result.findings.map((f) => f.code)).toEqual(['membershipClaim']);
    expect(result.findings[0]?.args.quote).toContain(quoted);
  });

  it.each([
    ['respecting the charter and wishing to join "ce collectif" is no claim', `<p>Nuage Voisin respecte la charte du Collectif des Hébergeurs Alternatifs, Transparents, Ouverts, Neutres et Solidaires.</p>
      <p>Nuage Voisin souhaite rejoindre ce collectif (candidature en cours).</p>`],
    ['"ce collectif" about another collective is no claim', '<p>Nous travaillons avec le collectif Libre Quartier. Nuage Voisin est membre de ce collectif.</p>'],
  ] as const)('%s → pass', (_name, body) => {
    expect(judge(body).outcome).toBe('pass');
  });
});
