/**
 * The documents corpus (test/corpus/documents): real transparency pages with hand labels, judged
 * as an audit would judge them, and scored against the labels. Shared by the bench, which prints
 * the figures, and by the regression test, which fails when they drop below the committed ones.
 *
 * Each unit (one site in one language) becomes one audit's evidence: a portal whose footer links
 * every page of the unit with the site's own link text; the pages the documents planner would
 * plan from those links are the visited pages, with the planner's roles. A page whose link the
 * tool does not recognise is not visited, as in a real audit.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import type { Evidence, LinkEvidence, PageEvidence } from '../contracts/evidence.js';
import type { Outcome } from '../contracts/result.js';
import { analyseLegalNotice, LEGAL_FIELDS, legalVocabulary, type LegalField } from '../documents/lcen.js';
import { lexiconOf, type DocumentLexicon } from '../documents/lexicon.js';
import { bestDocumentLinks, ROLE_OF_KIND } from '../documents/site-links.js';
import { judge } from '../judge/judge.js';
import { packageRoot } from '../util/paths.js';
import type { RuleSet } from '../contracts/rule.js';

export const CORPUS_DIR = join(packageRoot, 'test', 'corpus', 'documents');
export const JUDGED_RULES = ['legal-notice', 'terms-of-use', 'privacy-clause', 'no-premature-membership'] as const;
type JudgedRule = (typeof JUDGED_RULES)[number];
export const HALVES = ['tuning', 'heldBack'] as const;
type Half = (typeof HALVES)[number];

interface CorpusPage {
  id: string;
  site: string;
  lang: string;
  kind: string;
  url: string;
  linkText: string;
  html: string;
}

interface Labels {
  units: Record<string, { rules: Record<JudgedRule, Outcome> }>;
  lcen: Record<string, Record<LegalField, string>>;
}

export interface Corpus {
  pages: CorpusPage[];
  labels: Labels;
}

export function loadCorpus(dir: string = CORPUS_DIR): Corpus {
  const manifest = load(readFileSync(join(dir, 'manifest.yaml'), 'utf8')) as { pages: Omit<CorpusPage, 'html'>[] };
  const labels = load(readFileSync(join(dir, 'labels.yaml'), 'utf8')) as Labels;
  const pages = manifest.pages.map((p) => ({ ...p, html: readFileSync(join(dir, 'pages', `${p.id}.html`), 'utf8') }));
  return { pages, labels };
}

/** The split, fixed once: held back when the first hex digit of sha1(site) is odd. */
function halfOf(site: string): Half {
  const digit = parseInt(createHash('sha1').update(site).digest('hex')[0] ?? '0', 16);
  return digit % 2 === 1 ? 'heldBack' : 'tuning';
}

/** A visited page of the corpus (or of a bench), with the browser's other fields at rest. */
export function pageEvidence(url: string, html: string, role: PageEvidence['role'], links: LinkEvidence[] = []): PageEvidence {
  return {
    url,
    finalUrl: url,
    role,
    status: 200,
    redirects: [],
    headers: {},
    error: null,
    title: null,
    html,
    links,
    loadMs: 0,
    settleCapped: false,
  };
}

/** The evidence an audit of this unit would hold (candidate mode, so membership claims count). */
function unitEvidence(pages: readonly CorpusPage[], lexicon: DocumentLexicon): Evidence {
  const first = pages[0];
  if (!first) throw new Error('empty unit');
  const origin = new URL(first.url).origin;
  const links: LinkEvidence[] = pages.map((p) => ({ href: p.url, text: p.linkText, visible: true }));
  const footer = links.map((l) => `<a href="${l.href}">${l.text}</a>`).join(' · ');
  const portal = pageEvidence(
    `${origin}/`,
    `<html lang="${first.lang}"><body><main><h1>${first.site}</h1></main><footer>${footer}</footer></body></html>`,
    'portal',
    links,
  );
  const visited: PageEvidence[] = [portal];
  for (const d of bestDocumentLinks(portal, [new URL(first.url).hostname], lexicon)) {
    // The audit requests the planned address (a #fragment dropped); the page is the one linked.
    const doc = pages.find((p) => p.url === d.link.href);
    if (doc && !visited.some((v) => v.url === d.url)) visited.push(pageEvidence(d.url, doc.html, ROLE_OF_KIND[d.kind]));
  }
  return {
    evidenceVersion: 1,
    tool: { name: 'chatons-audit', version: 'corpus', browser: null },
    target: portal.url,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:00:01.000Z',
    options: { ownDomains: [], candidate: true },
    pages: visited,
    requests: [],
    errors: [],
  };
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}
interface FieldScore extends Counts {
  precision: number | null;
  recall: number | null;
  f1: number;
}
interface RuleScore extends Counts {
  units: number;
  agreement: number;
  precision: number | null;
  recall: number | null;
}
interface HalfFigures {
  units: number;
  legalPages: number;
  fields: Record<LegalField, FieldScore>;
  rules: Record<JudgedRule, RuleScore>;
}
export type Figures = Record<Half, HalfFigures>;

export interface Disagreement {
  half: Half;
  unit: string;
  subject: string;
  expected: string;
  actual: string;
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
const ratio = (a: number, b: number): number | null => (b === 0 ? null : round(a / b));

function empty(): Counts {
  return { tp: 0, fp: 0, fn: 0, tn: 0 };
}

function count(c: Counts, expected: boolean, actual: boolean): void {
  if (expected && actual) c.tp++;
  else if (!expected && actual) c.fp++;
  else if (expected && !actual) c.fn++;
  else c.tn++;
}

/** F1 of a field: 1 when there was nothing to find and nothing was found. */
function fieldScore(c: Counts): FieldScore {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  const f1 = c.tp + c.fp + c.fn === 0 ? 1 : round((2 * c.tp) / (2 * c.tp + c.fp + c.fn));
  return { ...c, precision, recall, f1 };
}

/** Judges every unit and scores it; "fail" (a finding) is the positive class for precision and recall. */
export function scoreCorpus(corpus: Corpus, ruleSet: RuleSet): { figures: Figures; disagreements: Disagreement[] } {
  const disagreements: Disagreement[] = [];
  const sites = [...new Set(corpus.pages.map((p) => p.site))];
  const figures = {} as Figures;
  for (const half of HALVES) {
    const fieldCounts = Object.fromEntries(LEGAL_FIELDS.map((f) => [f, empty()])) as Record<LegalField, Counts>;
    const ruleCounts = Object.fromEntries(JUDGED_RULES.map((r) => [r, { ...empty(), agree: 0 }])) as Record<
      JudgedRule,
      Counts & { agree: number }
    >;
    const units = sites.filter((s) => halfOf(s) === half);
    let legalPages = 0;
    for (const site of units) {
      const pages = corpus.pages.filter((p) => p.site === site);
      const expected = corpus.labels.units[site]?.rules;
      if (!expected) throw new Error(`labels.yaml has no unit ${site}`);
      const result = judge(unitEvidence(pages, lexiconOf(ruleSet.data)), corpusRuleSet(ruleSet), { lang: 'en', levels: {} });
      for (const rule of JUDGED_RULES) {
        const actual = result.rules.find((r) => r.id === rule)?.outcome ?? 'error';
        const c = ruleCounts[rule];
        if (actual === expected[rule]) c.agree++;
        else disagreements.push({ half, unit: site, subject: rule, expected: expected[rule], actual });
        count(c, expected[rule] === 'fail', actual === 'fail');
      }
      for (const page of pages.filter((p) => p.kind === 'legal')) {
        const labels = corpus.labels.lcen[page.id];
        if (!labels) throw new Error(`labels.yaml has no lcen labels for ${page.id}`);
        legalPages++;
        const analysis = analyseLegalNotice(pageEvidence(page.url, page.html, 'legal'), legalVocabulary(ruleSet.data));
        for (const field of LEGAL_FIELDS) {
          const present = labels[field] !== 'absent';
          const found = analysis.fields[field] !== null;
          count(fieldCounts[field], present, found);
          if (present !== found)
            disagreements.push({
              half,
              unit: page.id,
              subject: field,
              expected: present ? `present: ${labels[field]}` : 'absent',
              actual: analysis.fields[field] ?? 'absent',
            });
        }
      }
    }
    figures[half] = {
      units: units.length,
      legalPages,
      fields: Object.fromEntries(LEGAL_FIELDS.map((f) => [f, fieldScore(fieldCounts[f])])) as Record<LegalField, FieldScore>,
      rules: Object.fromEntries(
        JUDGED_RULES.map((r) => {
          const { agree, ...c } = ruleCounts[r];
          return [
            r,
            {
              ...c,
              units: units.length,
              agreement: round(agree / Math.max(1, units.length)),
              precision: ratio(c.tp, c.tp + c.fp),
              recall: ratio(c.tp, c.tp + c.fn),
            },
          ];
        }),
      ) as Record<JudgedRule, RuleScore>,
    };
  }
  return { figures, disagreements };
}

/** Only the judged rules, so the other rules' work does not slow the bench. */
function corpusRuleSet(ruleSet: RuleSet): RuleSet {
  return { ...ruleSet, rules: ruleSet.rules.filter((r) => (JUDGED_RULES as readonly string[]).includes(r.id)) };
}

export function formatFigures(figures: Figures): string {
  const pct = (n: number | null): string => (n === null ? '   —' : n.toFixed(2).padStart(5));
  const lines: string[] = [];
  for (const half of HALVES) {
    const f = figures[half];
    lines.push(`\n${half === 'tuning' ? 'tuning half' : 'held-back half'}: ${f.units} site-languages, ${f.legalPages} legal notices`);
    lines.push('LCEN field            P      R     F1   (tp fp fn)');
    for (const field of LEGAL_FIELDS) {
      const s = f.fields[field];
      lines.push(`${field.padEnd(20)} ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}   (${s.tp} ${s.fp} ${s.fn})`);
    }
    lines.push('rule                      agree    P(fail) R(fail)');
    for (const rule of JUDGED_RULES) {
      const s = f.rules[rule];
      lines.push(`${rule.padEnd(24)} ${pct(s.agreement)}    ${pct(s.precision)}   ${pct(s.recall)}`);
    }
  }
  return lines.join('\n');
}
