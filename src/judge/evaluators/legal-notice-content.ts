/**
 * legal-notice-content: the fields the law asks of a legal notice (see src/documents/lcen.ts),
 * one finding per missing field, quoting what was read nearby; SIREN/SIRET/RCS numbers are
 * checked (Luhn) when present. Country-aware: an Impressum is judged by § 5 DDG, not LCEN.
 */
import { analyseLegalNotice, legalVocabulary, type LegalField } from '../../documents/lcen.js';
import { isReadable } from '../../documents/pages.js';
import { shorten } from '../../documents/text.js';
import { defineEvaluator, type FindingDraft } from '../evaluator.js';

/** Below this much text, the page is probably a shell (a script-rendered notice, an error). */
const MIN_TEXT = 40;

const MISSING_CODE: Readonly<Record<LegalField, string>> = {
  editorIdentity: 'missingEditorIdentity',
  editorAddress: 'missingEditorAddress',
  editorPhone: 'missingEditorPhone',
  editorEmail: 'missingEditorEmail',
  publicationDirector: 'missingPublicationDirector',
  hostName: 'missingHostName',
  hostAddress: 'missingHostAddress',
  hostPhone: 'missingHostPhone',
};

export const legalNoticeContent = defineEvaluator<Record<string, never>, 'pages'>({
  id: 'legal-notice-content',
  requires: ['pages'],
  params: {},
  codes: [...Object.values(MISSING_CODE), 'invalidRegistration', 'noLegalNotice', 'tooLittleText'],
  check(_params, data) {
    return data.document('legal-notice-fields') === null ? 'rules/data/legal-notice-fields.yaml is missing or invalid' : null;
  },
  evaluate({ evidence, data }) {
    const vocabulary = legalVocabulary(data);
    const legal = evidence.pages.filter((p) => p.role === 'legal' && isReadable(p));
    if (legal.length === 0) return { outcome: 'not-applicable', findings: [], reason: { code: 'noLegalNotice' } };
    const findings: FindingDraft[] = [];
    let unsure: string | null = null;
    for (const page of legal) {
      const analysis = analyseLegalNotice(page, vocabulary);
      if (analysis.textLength < MIN_TEXT) {
        unsure ??= page.url;
        continue;
      }
      for (const field of analysis.missing) {
        const near = field.startsWith('host')
          ? (analysis.hostContext ?? analysis.fields.hostName)
          : (analysis.fields.editorIdentity ?? analysis.fields.editorAddress);
        findings.push({
          code: MISSING_CODE[field],
          page,
          subject: field,
          urls: [page.url],
          args: { law: analysis.law, quote: near ?? shorten(page.title ?? page.url) },
        });
      }
      for (const r of analysis.registrations.filter((x) => !x.valid)) {
        findings.push({ code: 'invalidRegistration', page, subject: r.kind, urls: [page.url], args: { kind: r.kind, value: r.value } });
      }
    }
    if (findings.length > 0) return { outcome: 'fail', findings };
    if (unsure) return { outcome: 'needs-review', findings, reason: { code: 'tooLittleText', args: { url: unsure } } };
    return { outcome: 'pass', findings };
  },
});
