/**
 * The reviews a reviewer pastes on the forum, read as a French or English reader would: saved
 * evidence of the demo sites and of the worst tracker site (pisteurs.example, one page), judged
 * with every rule, rendered in both languages, checked for words that betray the machine
 * (internal ids, "(s)", the other language) and for length. No browser: golden evidence.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/contracts/evidence.js';
import type { AuditResult } from '../../src/contracts/result.js';
import type { Lang } from '../../src/contracts/rule.js';
import { transparencyTopics } from '../../src/documents/topics.js';
import { judge } from '../../src/judge/judge.js';
import { htmlReporter } from '../../src/report/html.js';
import { junitReporter } from '../../src/report/junit.js';
import { markdownReporter } from '../../src/report/markdown.js';
import { terminalReporter } from '../../src/report/terminal.js';
import { GOLDEN_DIR, goldenResult } from '../support/golden.js';
import { ruleSet } from '../support/rules.js';

/** The three demo sites (fixtures/demo.yaml), the before/after pair, and the worst tracker site. */
const SITES = [
  'services.bonchaton.example',
  'google-fonts.example',
  'gravatar-cdn.example',
  'asso-avant.example',
  'asso-apres.example',
  'pisteurs.example',
];

function review(site: string, lang: Lang): { result: AuditResult; text: string } {
  const evidence = JSON.parse(readFileSync(join(GOLDEN_DIR, `${site}.evidence.json`), 'utf8')) as Evidence;
  const result = judge(evidence, ruleSet, { lang, levels: {} });
  return { result, text: markdownReporter(result, { lang, color: false }) };
}

/** The text a reader sees: Markdown escapes (`pisteurs\.example`, `\@font-face`) removed. */
const unescaped = (text: string): string => text.replace(/\\(.)/g, '$1');

/** What the tool wrote, without what it quotes from the site (quotes, URLs, host names in code). */
function ownWords(text: string): string {
  return unescaped(text)
    .replace(/«[^»]*»/g, '«»')
    .replace(/"[^"\n]*"/g, '""')
    .replace(/“[^”]*”/g, '“”')
    .replace(/<?https?:\/\/[^\s<>]+>?/g, 'URL')
    .replace(/`[^`\n]+`/g, '`code`')
    .replace(/\b[\w-]+(\.[\w-]+)+\b/g, 'HOST');
}

const ASPECT_IDS = [...transparencyTopics(ruleSet.data).values()].flatMap((topic) => [...topic.aspects.keys()]);
/** Words of the other language that only a machine would leave there. */
// ("font" is also French, and "default-src" a CSP keyword: neither is listed.)
const ENGLISH_IN_FRENCH =
  /\b(request|requests|found|missing|not found|stylesheet|fonts|advertising|analytics|tag-manager|session-replay|allowed|unknown|the|and|of|with|without|none|e\.g\.|Fix)\b/;
const FRENCH_IN_ENGLISH =
  /\b(requêtes?|portail|tierces?|Correctif|Hygiène|Publicité|Vérifications|aucune?|sur|dont|avec|pour|les|des|une|rien|trouvé|manque|vérifier)\b|é/;

describe('the forum review, French and English', () => {
  for (const site of SITES) {
    for (const lang of ['fr', 'en'] as const) {
      it(`${site} in ${lang}: no "(s)", no internal id in prose, nothing of the other language`, () => {
        const { text } = review(site, lang);
        const words = ownWords(text);
        expect(words).not.toMatch(/\((s|x|e|es)\)/);
        for (const id of ASPECT_IDS) {
          // An aspect id shown as a key or in brackets, or listed after "missing".
          expect(text, id).not.toMatch(new RegExp(`\`${id}\`|\\[${id}\\]|\\\\\\[${id}\\\\\\]|(manque|missing) ?: (?:[^)]*, )?${id}[,)]`));
        }
        expect(words).not.toMatch(lang === 'fr' ? ENGLISH_IN_FRENCH : FRENCH_IN_ENGLISH);
        expect(text).not.toMatch(/^#+ .*\*\*/m);
      });
    }
  }

  it('keeps the one-page site full of trackers under 8,000 characters, each third party once', () => {
    for (const lang of ['fr', 'en'] as const) {
      const { result, text } = review('pisteurs.example', lang);
      expect(result.pages).toHaveLength(1);
      expect(text.length, lang).toBeLessThan(8_000);
      expect(Buffer.byteLength(text), lang).toBeLessThan(8_000);
      const hosts = new Set(result.requests.filter((r) => r.party === 'third').map((r) => r.host));
      expect(hosts.size).toBeGreaterThanOrEqual(12);
      for (const host of hosts) expect(text.split(`\`${host}\``).length - 1, host).toBe(1);
      // The fix that covers every third party is kept; the rest point to explain.
      expect(unescaped(text)).toContain(ruleSet.rules.find((r) => r.id === 'no-third-party-requests')?.help[lang]);
      expect(text).toMatch(/chatons-audit explain/);
    }
  });

  it('keeps every fix when the review is short', () => {
    const result = goldenResult('google-fonts.example', 'fr');
    const text = markdownReporter(result, { lang: 'fr', color: false });
    expect(result.rules.filter((r) => r.outcome === 'fail')).toHaveLength(2);
    // (An "@word" is quoted as code so that the forum does not notify someone.)
    for (const rule of result.rules.filter((r) => r.outcome === 'fail'))
      expect(unescaped(text).replace(/`/g, ''), rule.id).toContain(rule.help);
    expect(text).not.toMatch(/chatons-audit explain/);
  });

  it('repeats no URL on a line', () => {
    for (const site of SITES) {
      for (const line of review(site, 'fr').text.split('\n')) {
        const urls = line.match(/https?:\/\/[^\s<>)»"]+/g) ?? [];
        expect(new Set(urls).size, line).toBe(urls.length);
      }
    }
  });

  it('shows no aspect id as a key in the HTML and JUnit reports either', () => {
    const { result } = review('pisteurs.example', 'fr');
    const html = htmlReporter(result, { lang: 'fr', color: false });
    const junit = junitReporter(result, { lang: 'fr', color: false });
    expect(result.rules.find((r) => r.id === 'in-person-meetings')?.findings.some((f) => f.subject === 'meeting')).toBe(true);
    for (const id of ASPECT_IDS) {
      expect(html, id).not.toContain(`<code>${id}</code>`);
      expect(junit, id).not.toContain(`- ${id}: `);
    }
  });

  it('writes the terminal report without "(s)" nor raw resource types', () => {
    for (const lang of ['fr', 'en'] as const) {
      const { result } = review('pisteurs.example', lang);
      const text = terminalReporter(result, { lang, color: false });
      expect(ownWords(text)).not.toMatch(/\((s|x|e|es)\)/);
      if (lang === 'fr') expect(text).not.toMatch(/\[(font|stylesheet|ping)\b/);
    }
  });
});
