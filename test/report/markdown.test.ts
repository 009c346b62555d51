/**
 * The forum review, read back with a Markdown parser (marked's lexer): the structure a
 * reviewer relies on, not the exact wording.
 */
import { marked, type Token, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import type { AuditResult, Finding, RuleResult } from '../../src/contracts/result.js';
import { markdownReporter } from '../../src/report/markdown.js';
import { goldenResult } from '../support/golden.js';

const headings = (tokens: Token[], depth: number): string[] =>
  tokens.filter((t): t is Tokens.Heading => t.type === 'heading' && t.depth === depth).map((t) => t.text);

/** The tokens after a heading, up to the next heading of the same or a higher level. */
function sectionAfter(tokens: Token[], text: RegExp): Token[] {
  const i = tokens.findIndex((t) => t.type === 'heading' && text.test((t as Tokens.Heading).text));
  expect(i, `heading ${text}`).toBeGreaterThanOrEqual(0);
  const depth = (tokens[i] as Tokens.Heading).depth;
  const end = tokens.findIndex((t, j) => j > i && t.type === 'heading' && (t as Tokens.Heading).depth <= depth);
  return tokens.slice(i + 1, end < 0 ? undefined : end);
}

const firstList = (tokens: Token[]): string[] => (tokens.find((t): t is Tokens.List => t.type === 'list')?.items ?? []).map((i) => i.text);
const listItems = (tokens: Token[]): string[] =>
  tokens.filter((t): t is Tokens.List => t.type === 'list').flatMap((l) => l.items.map((item) => item.text));

function finding(host: string, count = 1, over: Partial<Finding> = {}): Finding {
  return {
    code: 'thirdPartyRequest',
    message: `${count} request(s) to ${host} (script).`,
    args: { host, count, types: 'script' },
    page: 'https://asso.example/',
    pageRole: 'portal',
    host,
    url: `https://${host}/x.js`,
    count,
    examples: [`https://${host}/x.js`],
    ...over,
  };
}

function withRule(base: AuditResult, rule: Partial<RuleResult> & { id: string }): AuditResult {
  const full: RuleResult = { level: 'blocking', outcome: 'fail', section: 'B', title: rule.id, help: 'Fix it.', findings: [], ...rule };
  return { ...base, rules: [...base.rules.filter((r) => r.id !== rule.id), full] };
}

describe('markdown review', () => {
  it('puts the verdict first, then sections A and B, each failure with its evidence and remedy', () => {
    const text = markdownReporter(goldenResult('google-fonts.example'), { lang: 'fr', color: false });
    const tokens = marked.lexer(text);
    expect(tokens[0]).toMatchObject({ type: 'heading', depth: 2 });
    expect((tokens[0] as Tokens.Heading).text).toContain('https://google-fonts.example/');
    const verdict = tokens.find((t) => t.type === 'paragraph') as Tokens.Paragraph;
    expect(verdict.text).toMatch(/Verdict : ❌ non conforme/);
    expect(headings(tokens, 3)).toEqual(['A. Vérifications préalables', 'B. Publicité, pisteurs et appels tiers', 'Tiers contactés (2)']);
    // The two font hosts are listed once each, with the rule they break besides the obvious one.
    const hosts = listItems(sectionAfter(tokens, /^Tiers contactés/));
    expect(hosts).toEqual([
      expect.stringMatching(/^`fonts\.gstatic\.com` — Google Fonts — 2 requêtes \(police\) — `no-third-party-fonts`$/),
      expect.stringMatching(/^`fonts\.googleapis\.com` — .* 1 requête \(feuille de style\) — `no-third-party-fonts`$/),
    ]);
    const sectionB = sectionAfter(tokens, /^B\. /)
      .map((t) => t.raw)
      .join('');
    expect(sectionB).toMatch(/\(`no-third-party-fonts`\)[^\n]*2 tiers, voir plus bas/);
    expect(sectionB).toMatch(/\*\*Correctif :\*\* Téléchargez les polices/);
    const legend = tokens.find((t) => t.type === 'blockquote') as Tokens.Blockquote;
    expect(legend.text).toMatch(/\*\*!\*\* bloquant · \*\*i\*\* suggestion/);
    // No heading carries emphasis markers.
    expect(text).not.toMatch(/^#+ .*\*\*/m);
  });

  it('marks each failing rule with ! or i, and sums up the passing ones in one line', () => {
    const result = withRule(goldenResult('services.bonchaton.example'), {
      id: 'some-suggestion',
      level: 'suggestion',
      section: 'D',
      title: 'Une suggestion',
      findings: [finding('cdn.example')],
    });
    const tokens = marked.lexer(markdownReporter(result, { lang: 'fr', color: false }));
    expect(firstList(sectionAfter(tokens, /^D\. /))[0]?.replace(/\\(.)/g, '$1')).toMatch(
      /^\*\*i\*\* ❌ Une suggestion \(`some-suggestion`\)\n\n- 1 request\(s\) to cdn\.example/,
    );
    expect(firstList(sectionAfter(tokens, /^A\. /))).toEqual([expect.stringMatching(/^✅ OK : Le site du candidat répond$/)]);
  });

  it('folds long lists of findings in <details>', () => {
    const hosts = Array.from({ length: 8 }, (_, i) => finding(`h${i}.cdn.example`, 8 - i));
    const md = markdownReporter(withRule(goldenResult('asso-apres.example'), { id: 'no-third-party-requests', findings: hosts }), {
      lang: 'en',
      color: false,
    });
    const plain = md.replace(/\\(.)/g, '$1');
    const item = plain.slice(plain.indexOf('(`no-third-party-requests`)'));
    const [shown, folded] = item.split('<details><summary>… and 3 more</summary>');
    expect(shown?.match(/to h\d\.cdn\.example/g)).toEqual([
      'to h0.cdn.example',
      'to h1.cdn.example',
      'to h2.cdn.example',
      'to h3.cdn.example',
      'to h4.cdn.example',
    ]);
    expect(folded?.slice(0, folded.indexOf('</details>')).match(/to h\d\.cdn\.example/g)).toEqual([
      'to h5.cdn.example',
      'to h6.cdn.example',
      'to h7.cdn.example',
    ]);
  });

  it('says what a person must check, with the reason, in its section', () => {
    const result = withRule(goldenResult('services.bonchaton.example'), {
      id: 'legal-notice',
      section: 'C',
      outcome: 'needs-review',
      title: 'Mentions légales',
      reason: 'Lien trouvé mais page vide.',
    });
    const tokens = marked.lexer(markdownReporter(result, { lang: 'fr', color: false }));
    expect(firstList(sectionAfter(tokens, /^C\. /))[0]).toMatch(
      /^\*\*!\*\* ❓ Mentions légales \(`legal-notice`\)\n\nLien trouvé mais page vide\./,
    );
    expect((tokens.find((t) => t.type === 'paragraph') as Tokens.Paragraph).text).toContain('1 point à vérifier par une personne');
  });

  it('shows every allowlisted host with its justification', () => {
    const result = goldenResult('asso-avant.example', 'fr', [
      { host: 'video.autre-chaton.example', justification: 'PeerTube des Tisserands hébergé par un autre chaton' },
    ]);
    const text = markdownReporter(result, { lang: 'fr', color: false });
    const tokens = marked.lexer(text);
    expect(listItems(sectionAfter(tokens, /Exceptions acceptées/))).toEqual([
      '`video.autre-chaton.example` (`no-third-party-requests`) : PeerTube des Tisserands hébergé par un autre chaton',
    ]);
    expect(text).toContain('autorisé par la configuration : PeerTube');
  });

  it('lists a third party once, with every rule it breaks, and repeats no URL on a line', () => {
    const result = goldenResult('asso-avant.example');
    const text = markdownReporter(result, { lang: 'fr', color: false });
    for (const host of new Set(result.requests.filter((r) => r.party === 'third').map((r) => r.host))) {
      expect(text.match(new RegExp(`\`${host.replace(/\./g, '\\.')}\``, 'g')), host).toHaveLength(1);
    }
    for (const line of text.split('\n')) {
      const urls = line.match(/https?:\/\/[^\s<>)»"]+/g) ?? [];
      expect(new Set(urls).size, line).toBe(urls.length);
    }
  });

  it('masks phone numbers and street addresses unless redaction is off', () => {
    const result = withRule(goldenResult('services.bonchaton.example'), {
      id: 'legal-notice-content',
      section: 'C',
      level: 'suggestion',
      title: 'LCEN',
      findings: [
        finding('services.bonchaton.example', 1, {
          host: undefined,
          subject: 'phone',
          message: 'Téléphone personnel cité : 06 12 34 56 78, domicile 12 bis rue des Lilas, 35000 Rennes.',
        }),
      ],
    });
    expect(markdownReporter(result, { lang: 'fr', color: false })).not.toContain('rue des Lilas');
    expect(markdownReporter(result, { lang: 'fr', color: false })).not.toContain('06 12 34 56 78');
    // The mask is quoted like the text it replaces: shown as written once rendered.
    expect(marked.parse(markdownReporter(result, { lang: 'fr', color: false }), { async: false })).toContain('[numéro masqué]');
    expect(markdownReporter(result, { lang: 'fr', color: false, redact: false })).toContain(
      '06 12 34 56 78, domicile 12 bis rue des Lilas',
    );
  });

  it("links the addresses the tool's own help names, and none that a finding quotes", () => {
    const result = withRule(goldenResult('google-fonts.example'), {
      id: 'charter-statement',
      section: 'A',
      level: 'suggestion',
      title: 'Charter',
      help: 'Link to https://www.chatons.org/charte.',
      findings: [
        finding('evil.example', 1, { host: undefined, subject: 'charter', message: 'The page says https://evil.example/charte.' }),
      ],
    });
    const html = marked.parse(markdownReporter(result, { lang: 'en', color: false }), { async: false });
    const links = [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(links).toContain('https://www.chatons.org/charte');
    expect(links.filter((href) => href?.includes('evil.example'))).toEqual([]);
    // The sentence around the link reads as written: a space before it, the full stop after it.
    expect(html).toMatch(/Link to <a href="https:\/\/www\.chatons\.org\/charte">https:\/\/www\.chatons\.org\/charte<\/a>\./);
  });
});
