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
    code: 'thirdPartyRequest', message: `${count} request(s) to ${host} (script).`, args: { host, count, types: 'script' },
    page: 'https://asso.example/', pageRole: 'portal', host, url: `https://${host}/x.js`, count, examples: [`https://${host}/x.js`], ...over,
  };
}

function withRule(base: AuditResult, rule: Partial<RuleResult> & { id: string }): AuditResult {
  const full: RuleResult = { level: 'blocking', outcome: 'fail', section: 'B', title: rule.id, help: 'Fix it.', findings: [], ...rule };
  return { ...base, rules: [...base.rules.filter((r) => r.id !== rule.id), full] };
}

describe('markdown review', () => {
  it('puts the verdict first, then sections A and B, each failure with its evidence and remedy', () => {
    const tokens = marked.lexer(markdownReporter(goldenResult('google-fonts.example'), { lang: 'fr', color: false }));
    expect(tokens[0]).toMatchObject({ type: 'heading', depth: 2 });
    expect((tokens[0] as Tokens.Heading).text).toContain('https://google-fonts.example/');
    const verdict = tokens.find((t) => t.type === 'paragraph') as Tokens.Paragraph;
    expect(verdict.text).toMatch(/Verdict : ❌ non conforme/);
    expect(headings(tokens, 3)).toEqual(['A. Vérifications préalables', 'B. Publicité, pisteurs et appels tiers', 'Pages']);
    const fonts = sectionAfter(tokens, /no-third-party-fonts/);
    const items = listItems(fonts);
    expect(items.some((i) => i.includes('`fonts.googleapis.com`') && /portail/.test(i))).toBe(true);
    expect(items.some((i) => i.includes('`fonts.gstatic.com`'))).toBe(true);
    expect(fonts.some((t) => t.type === 'paragraph' && t.raw.startsWith('**Correctif :**'))).toBe(true);
    const legend = tokens.find((t) => t.type === 'blockquote') as Tokens.Blockquote;
    expect(legend.text).toMatch(/\*\*!\*\* bloquant · \*\*i\*\* suggestion/);
  });

  it('marks each rule line with ! or i and lists every rule of its section', () => {
    const result = withRule(goldenResult('services.bonchaton.example'), { id: 'some-suggestion', level: 'suggestion', section: 'D', title: 'Une suggestion', findings: [finding('cdn.example')] });
    const tokens = marked.lexer(markdownReporter(result, { lang: 'fr', color: false }));
    const sectionD = firstList(sectionAfter(tokens, /^D\. /));
    expect(sectionD).toEqual([expect.stringMatching(/^\*\*i\*\* ❌ Une suggestion — ÉCHEC$/)]);
    expect(firstList(sectionAfter(tokens, /^A\. /))).toEqual([expect.stringMatching(/^\*\*!\*\* ✅ .* — OK$/)]);
  });

  it('folds long lists of hosts in <details>', () => {
    const hosts = Array.from({ length: 8 }, (_, i) => finding(`h${i}.cdn.example`, 8 - i));
    const md = markdownReporter(withRule(goldenResult('asso-apres.example'), { id: 'no-third-party-requests', findings: hosts }), { lang: 'en', color: false });
    const section = sectionAfter(marked.lexer(md), /no-third-party-requests/);
    const lists = section.filter((t): t is Tokens.List => t.type === 'list');
    expect(lists[0]?.items).toHaveLength(5);
    expect(section.some((t) => t.type === 'html' && /<details><summary>… and 3 more<\/summary>/.test(t.raw))).toBe(true);
    expect(lists[1]?.items.map((i) => i.text.split(' ')[0])).toEqual(['`h5.cdn.example`', '`h6.cdn.example`', '`h7.cdn.example`']);
  });

  it('asks the questions a machine cannot answer, with the reason', () => {
    const result = withRule(goldenResult('services.bonchaton.example'), {
      id: 'legal-notice', section: 'C', outcome: 'needs-review', title: 'Mentions légales', reason: 'Lien trouvé mais page vide.',
    });
    const tokens = marked.lexer(markdownReporter(result, { lang: 'fr', color: false }));
    expect(listItems(sectionAfter(tokens, /^Questions pour un humain$/))).toEqual([expect.stringContaining('Lien trouvé mais page vide.')]);
    expect((tokens.find((t) => t.type === 'paragraph') as Tokens.Paragraph).text).toContain('1 question(s)');
  });

  it('shows every allowlisted host with its justification', () => {
    const result = goldenResult('asso-avant.example', 'fr', [{ host: 'video.autre-chaton.example', justification: 'PeerTube des Tisserands hébergé par un autre chaton' }]);
    const tokens = marked.lexer(markdownReporter(result, { lang: 'fr', color: false }));
    expect(listItems(sectionAfter(tokens, /Exceptions acceptées/))).toEqual([
      '`video.autre-chaton.example` (`no-third-party-requests`) : PeerTube des Tisserands hébergé par un autre chaton',
    ]);
    expect(listItems(sectionAfter(tokens, /no-third-party-requests/)).some((i) => i.includes('autorisé par la configuration : PeerTube'))).toBe(true);
  });

  it('masks phone numbers and street addresses unless redaction is off', () => {
    const result = withRule(goldenResult('services.bonchaton.example'), {
      id: 'legal-notice-content', section: 'C', level: 'suggestion', title: 'LCEN',
      findings: [finding('services.bonchaton.example', 1, { host: undefined, subject: 'phone', message: 'Téléphone personnel cité : 06 12 34 56 78, domicile 12 bis rue des Lilas, 35000 Rennes.' })],
    });
    expect(markdownReporter(result, { lang: 'fr', color: false })).not.toContain('rue des Lilas');
    expect(markdownReporter(result, { lang: 'fr', color: false })).not.toContain('06 12 34 56 78');
    // The mask is quoted like the text it replaces: shown as written once rendered.
    expect(marked.parse(markdownReporter(result, { lang: 'fr', color: false }), { async: false })).toContain('[numéro masqué]');
    expect(markdownReporter(result, { lang: 'fr', color: false, redact: false })).toContain('06 12 34 56 78, domicile 12 bis rue des Lilas');
  });
});
