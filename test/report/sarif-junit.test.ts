/**
 * SARIF validated against the official 2.1.0 schema (shipped by @microsoft/jest-sarif), and
 * JUnit read back as XML the way GitLab does (testsuite / testcase / failure | error | skipped).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv, Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import type { AuditResult, RuleResult } from '../../src/contracts/result.js';
import { junitReporter, renderJunit } from '../../src/report/junit.js';
import { renderSarif, sarifReporter } from '../../src/report/sarif.js';
import { GOLDEN_SITES, goldenResult } from '../support/golden.js';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
// ajv-draft-04 is CommonJS whose module.exports is the class.
const Ajv04 = require('ajv-draft-04') as new (options: Options) => Ajv;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
// The official schema has a language-tag pattern that is not valid as a Unicode regexp.
const validateSarif = addFormats(new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false })).compile(schema);
const sarifErrors = (text: string): string[] =>
  validateSarif(JSON.parse(text)) ? [] : (validateSarif.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);

interface SarifLog {
  runs: {
    tool: { driver: { rules: { id: string; help: { text: string }; defaultConfiguration: { level: string } }[] } };
    results: {
      ruleId: string;
      level: string;
      kind: string;
      locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
      suppressions?: { justification: string }[];
      baselineState?: string;
    }[];
  }[];
}

function withOutcomes(base: AuditResult): AuditResult {
  const extra: RuleResult[] = [
    {
      id: 'legal-notice',
      level: 'blocking',
      outcome: 'needs-review',
      section: 'C',
      title: 'Mentions légales',
      help: 'Publiez-les.',
      reason: 'Page vide.',
      findings: [],
    },
    {
      id: 'chatons-infos',
      level: 'suggestion',
      outcome: 'not-applicable',
      section: 'D',
      title: 'ChatonsInfos',
      help: '',
      reason: 'Pas un membre.',
      findings: [],
    },
    {
      id: 'dns-check',
      level: 'blocking',
      outcome: 'error',
      section: 'A',
      title: 'DNS',
      help: '',
      reason: 'La règle a échoué : boom',
      findings: [],
    },
    {
      id: 'hsts',
      level: 'suggestion',
      outcome: 'fail',
      section: 'D',
      title: 'HSTS & <en-tête>',
      help: 'Ajoutez "Strict-Transport-Security".',
      findings: [],
    },
  ];
  return { ...base, rules: [...base.rules, ...extra] };
}

describe('SARIF 2.1.0', () => {
  it.each(GOLDEN_SITES)('validates against the SARIF schema: %s', (site) => {
    expect(sarifErrors(sarifReporter(goldenResult(site), { lang: 'fr', color: false }))).toEqual([]);
  });

  it('has one rule per rule id with help, error for blocking, warning for suggestion, the URL as location', () => {
    const result = withOutcomes(goldenResult('google-fonts.example', 'en'));
    const text = sarifReporter(result, { lang: 'en', color: false });
    expect(sarifErrors(text)).toEqual([]);
    const run = (JSON.parse(text) as SarifLog).runs[0];
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(result.rules.map((r) => r.id));
    expect(run?.tool.driver.rules.find((r) => r.id === 'hsts')?.defaultConfiguration.level).toBe('warning');
    const fonts = run?.results.filter((r) => r.ruleId === 'no-third-party-fonts') ?? [];
    expect(fonts.map((r) => r.level)).toEqual(['error', 'error']);
    expect(fonts.map((r) => new URL(r.locations[0]?.physicalLocation.artifactLocation.uri ?? '').hostname).sort()).toEqual([
      'fonts.googleapis.com',
      'fonts.gstatic.com',
    ]);
    expect(run?.tool.driver.rules.find((r) => r.id === 'no-third-party-fonts')?.help.text).toMatch(/font/i);
  });

  it('carries allowlist justifications as suppressions and baseline states, and one run per site', () => {
    const allowed = goldenResult('asso-apres.example', 'fr', [
      { host: 'video.autre-chaton.example', justification: 'PeerTube d’un autre chaton' },
    ]);
    allowed.rules = allowed.rules.map((r) => ({
      ...r,
      findings: r.findings.map((f) => ({
        ...f,
        baseline: f.host === 'www.googletagmanager.com' ? ('new' as const) : ('unchanged' as const),
      })),
    }));
    const text = renderSarif([allowed, goldenResult('services.bonchaton.example')], 'fr');
    expect(sarifErrors(text)).toEqual([]);
    const log = JSON.parse(text) as SarifLog;
    expect(log.runs).toHaveLength(2);
    const video = log.runs[0]?.results.find((r) => r.locations[0]?.physicalLocation.artifactLocation.uri.includes('video.autre-chaton'));
    expect(video?.suppressions?.[0]?.justification).toBe('PeerTube d’un autre chaton');
    expect(log.runs[0]?.results.filter((r) => r.baselineState === 'new')).toHaveLength(1);
  });

  it('gives every run of a log of several sites its own automationDetails.id, a category', () => {
    const sites = GOLDEN_SITES.map((site) => goldenResult(site));
    const twice = { ...goldenResult('google-fonts.example'), target: 'https://google-fonts.example/other/' };
    const again = { ...goldenResult('google-fonts.example'), target: 'https://google-fonts.example/other' };
    const text = renderSarif([...sites, twice, again], 'fr');
    expect(sarifErrors(text)).toEqual([]);
    const ids = (JSON.parse(text) as { runs: { automationDetails?: { id: string } }[] }).runs.map((r) => r.automationDetails?.id);
    expect(ids).toEqual([
      'chatons-audit/services.bonchaton.example/',
      'chatons-audit/google-fonts.example/',
      'chatons-audit/asso-avant.example/',
      'chatons-audit/asso-apres.example/',
      'chatons-audit/gravatar-cdn.example/',
      'chatons-audit/pisteurs.example/',
      'chatons-audit/toile-partagee.example/',
      'chatons-audit/futur-chaton.example/',
      'chatons-audit/google-fonts.example/other/',
      'chatons-audit/google-fonts.example/other-2/',
    ]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^chatons-audit\/[^/].*\/$/);
  });
});

describe('JUnit', () => {
  const parse = (xml: string) => load(xml, { xml: true });

  it('has one testcase per rule and maps fail/needs-review/error/not-applicable to failure/error/error/skipped', () => {
    const result = withOutcomes(goldenResult('google-fonts.example'));
    const $ = parse(junitReporter(result, { lang: 'fr', color: false }));
    expect($('testsuites > testsuite').attr('name')).toBe('https://google-fonts.example/');
    expect($('testcase')).toHaveLength(result.rules.length);
    const child = (id: string): string => {
      const tc = $('testcase').filter((_, e) => ($(e).attr('name') ?? '').includes(` ${id}:`));
      expect(tc, id).toHaveLength(1);
      return tc
        .children()
        .map((_, e) => e.tagName)
        .get()
        .join(',');
    };
    expect(child('no-third-party-fonts')).toBe('failure');
    expect(child('site-online')).toBe('');
    expect(child('legal-notice')).toBe('error');
    expect(child('dns-check')).toBe('error');
    expect(child('chatons-infos')).toBe('skipped');
    expect(child('hsts')).toBe('failure');
    expect($('testsuite').attr()).toMatchObject({ tests: String(result.rules.length), failures: '3', errors: '2', skipped: '1' });
    expect(
      $('testcase')
        .filter((_, e) => ($(e).attr('name') ?? '').includes('hsts'))
        .find('failure')
        .attr('type'),
    ).toBe('suggestion');
    expect($('failure').first().text()).toMatch(/fonts\.g(oogleapis|static)\.com/);
  });

  it('escapes XML and keeps every site in one document', () => {
    const xml = renderJunit([withOutcomes(goldenResult('asso-apres.example')), goldenResult('services.bonchaton.example')], 'fr');
    expect(xml).toContain('HSTS &amp; &lt;en-tête&gt;');
    const $ = parse(xml);
    expect(
      $('testsuites > testsuite')
        .map((_, e) => $(e).attr('name'))
        .get(),
    ).toEqual(['https://asso-apres.example/', 'https://services.bonchaton.example/']);
    expect(xml.match(/<\?xml/g)).toHaveLength(1);
  });
});
