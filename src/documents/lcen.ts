/**
 * Legal-notice field detector. French law (LCEN, loi 2004-575, art. 1-1 since 2024, formerly
 * art. 6 III: https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000801164) asks a site's editor
 * for their name or legal name, address (head office), phone, the publication director, and the
 * host's name, address and phone; a non-professional individual may give only the host's
 * identity. Other countries ask for less: Germany's Impressum (§ 5 DDG) name, address, e-mail;
 * Spain's aviso legal (LSSI art. 10) the same; Switzerland (LCD art. 3 al. 1 let. s) the same.
 *
 * Heuristic and honest about it: it reads the page in sections under their headings
 * ("Hébergeur", "Directeur de la publication"...), and labelled sentences ("hébergé par..."),
 * then looks for addresses and phone numbers in the right section.
 */
import type { PageEvidence } from '../contracts/evidence.js';
import { hostOf } from '../domains/party.js';
import { normaliseText } from './normalise.js';
import { blocksOf, sentencesOf, shorten } from './text.js';
import { alternation, mapping, parsedDocument, stringList, type DataDocuments } from './vocabulary.js';

export const LEGAL_FIELDS = [
  'editorIdentity',
  'editorAddress',
  'editorPhone',
  'editorEmail',
  'publicationDirector',
  'hostName',
  'hostAddress',
  'hostPhone',
] as const;
export type LegalField = (typeof LEGAL_FIELDS)[number];

type LegalCountry = 'FR' | 'DE' | 'ES' | 'CH';

/** Law quoted in findings, per country. */
const LAW_OF: Readonly<Record<LegalCountry, string>> = {
  FR: 'LCEN art. 1-1',
  DE: '§ 5 DDG',
  ES: 'LSSI art. 10',
  CH: 'LCD art. 3',
};

const REQUIRED: Readonly<Record<LegalCountry, readonly LegalField[]>> = {
  FR: ['editorIdentity', 'editorAddress', 'editorPhone', 'publicationDirector', 'hostName', 'hostAddress', 'hostPhone'],
  DE: ['editorIdentity', 'editorAddress', 'editorEmail'],
  ES: ['editorIdentity', 'editorAddress', 'editorEmail'],
  CH: ['editorIdentity', 'editorAddress', 'editorEmail'],
};
const INDIVIDUAL_FR: readonly LegalField[] = ['hostName', 'hostAddress', 'hostPhone'];

interface Registration {
  kind: 'SIREN' | 'SIRET' | 'RNA' | 'RCS';
  value: string;
  /** Checksum (Luhn) for SIREN/SIRET; format for RNA/RCS. */
  valid: boolean;
}

export interface LegalNoticeAnalysis {
  country: LegalCountry;
  law: string;
  /** A non-professional individual (the editor may stay anonymous under LCEN). */
  individual: boolean;
  /** The passage showing each field, or null when not found. */
  fields: Record<LegalField, string | null>;
  required: readonly LegalField[];
  missing: LegalField[];
  registrations: Registration[];
  /** Host section or host sentence, for context when a host field is missing. */
  hostContext: string | null;
  /** Normalised characters of text read. */
  textLength: number;
}

type Zone = 'host' | 'director' | 'editor' | 'general';
type Role = 'host' | 'director' | 'editor';

/** What the reader looks for, compiled from rules/data/legal-notice-fields.yaml. */
export interface LegalVocabulary {
  headings: Readonly<Record<Role, RegExp>>;
  sentences: Readonly<Record<Role, RegExp>>;
  organisation: RegExp;
  individual: RegExp;
  street: RegExp;
  postcodeCity: RegExp;
  email: RegExp;
  phoneLabelled: RegExp;
  countries: readonly { country: LegalCountry; tlds: readonly string[]; langs: readonly string[] }[];
}

const VOCABULARY_FILE = 'legal-notice-fields';
const PHONE_CANDIDATE = /(?:\+|\b00|\(?\b0)[\d\s.\-/()]{7,}\d/g;
const NUMBER = String.raw`(?:\+|\()?\d[\d\s.\-/()]{7,}\d`;

function words(list: unknown): string {
  return `(?:^|[^a-z0-9])(?:${alternation(stringList(list))})(?=$|[^a-z0-9])`;
}

function parseLegalVocabulary(doc: unknown): LegalVocabulary {
  const root = mapping(doc);
  const headings = mapping(root.headings);
  const sentences = mapping(root.sentences);
  const address = mapping(root.address);
  const email = mapping(root.email);
  const roles = (group: Record<string, unknown>): Record<Role, RegExp> => ({
    host: new RegExp(alternation(stringList(group.host)), 'u'),
    director: new RegExp(alternation(stringList(group.director)), 'u'),
    editor: new RegExp(alternation(stringList(group.editor)), 'u'),
  });
  const types = alternation(stringList(address.streetTypes));
  const suffixes = alternation(stringList(address.streetSuffixes));
  // "12 bis, rue de la Paix", "88 Colin P. Kelly Jr Street", "Carrer del Pi 7", "Rambla de Santa Mónica, 10", "Hans-Leipelt-Strasse 7".
  const street = [
    String.raw`\b\d{1,4}\s*(?:bis|ter)?,?\s+(?:[a-z.'-]+\s+){0,4}?(?:${types})(?=$|[^a-z])`,
    String.raw`(?:^|[^a-z])(?:${types})\s+[a-z' .-]{2,40}?,?\s*\d{1,4}(?!\d)`,
    String.raw`\b[a-z][a-z-]*(?:${suffixes})\s+\d{1,4}\b`,
    ...stringList(address.postBoxes),
  ];
  const at = alternation(stringList(email.at));
  const dot = alternation(stringList(email.dot));
  const part = String.raw`[a-z0-9_%+-]+(?:\s*(?:${dot})\s*[a-z0-9_%+-]+)*`;
  const countries = Object.entries(mapping(root.countries)).map(([country, value]) => {
    const v = mapping(value);
    return { country: country as LegalCountry, tlds: stringList(v.tlds), langs: stringList(v.langs) };
  });
  return {
    headings: roles(headings),
    sentences: roles(sentences),
    organisation: new RegExp(words(root.organisation).replace('(?=$|[^a-z0-9])', String.raw`(?:(?=$|[^a-z0-9])|(?<=\.))`), 'u'),
    individual: new RegExp(words(root.individual), 'u'),
    street: new RegExp(alternation(street), 'u'),
    postcodeCity: new RegExp(
      String.raw`(?:^|[,\n]\s*|\b(?:${alternation(stringList(address.labels))})\s*:?\s*.*)(?:\b[a-z]{1,2}-)?\b\d{4,5}\s+[a-z][a-z' -]{2,}`,
      'u',
    ),
    email: new RegExp(String.raw`${part}\s*(?:${at})\s*${part}\s*(?:${dot})\s*[a-z]{2,}`, 'u'),
    phoneLabelled: new RegExp(String.raw`${words(mapping(root.phone).labels)}\s*(?:[a-z]+\s*)?:?\s*(?<number>${NUMBER})`, 'u'),
    countries,
  };
}

/** The legal-notice vocabulary of a rule set's data. */
export function legalVocabulary(data: DataDocuments): LegalVocabulary {
  return parsedDocument(data, VOCABULARY_FILE, parseLegalVocabulary);
}

function digits(text: string): number {
  return text.replace(/\D/g, '').length;
}

/** A phone number: 9 to 15 digits starting like one (+, 00, 0), or any such number after a phone label. */
function findPhone(text: string, vocabulary: LegalVocabulary): string | null {
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const n = digits(match[0]);
    if (n >= 9 && n <= 15) return match[0].trim();
  }
  const labelled = vocabulary.phoneLabelled.exec(normaliseText(text))?.groups?.number;
  if (labelled && digits(labelled) >= 9 && digits(labelled) <= 15) return labelled.trim();
  return null;
}

function hasAddress(normal: string, vocabulary: LegalVocabulary): boolean {
  return vocabulary.street.test(normal) || vocabulary.postcodeCity.test(normal);
}

function zoneOf(heading: string, vocabulary: LegalVocabulary): Zone {
  const h = normaliseText(heading);
  if (!h) return 'general';
  if (vocabulary.headings.director.test(h)) return 'director';
  if (vocabulary.headings.host.test(h)) return 'host';
  if (vocabulary.headings.editor.test(h)) return 'editor';
  return 'general';
}

function luhn(value: string): boolean {
  let sum = 0;
  for (let i = 0; i < value.length; i++) {
    let d = Number(value[value.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

function findRegistrations(text: string): Registration[] {
  const out: Registration[] = [];
  const normal = normaliseText(text);
  for (const m of normal.matchAll(/\bsiret\b\D{0,12}((?:\d\s?){14})/g)) {
    const v = (m[1] ?? '').replace(/\s/g, '');
    out.push({ kind: 'SIRET', value: v, valid: luhn(v) || v.startsWith('356000000') });
  }
  for (const m of normal.matchAll(/\bsiren\b\D{0,12}((?:\d\s?){9})(?!\s?\d)/g)) {
    const v = (m[1] ?? '').replace(/\s/g, '');
    out.push({ kind: 'SIREN', value: v, valid: luhn(v) });
  }
  for (const m of normal.matchAll(/\brna\b\D{0,12}(w\s?\d{9}|[a-z0-9]{10})\b|\b(w\d{9})\b/g)) {
    const v = (m[1] ?? m[2] ?? '').replace(/\s/g, '').toUpperCase();
    if (!out.some((r) => r.value === v)) out.push({ kind: 'RNA', value: v, valid: /^W\d{9}$/.test(v) });
  }
  for (const m of normal.matchAll(/\brcs\s+([a-z' -]{2,30}?)\s*(?:[ab]\s+)?((?:\d\s?){9})(?!\s?\d)/g)) {
    const v = (m[2] ?? '').replace(/\s/g, '');
    out.push({ kind: 'RCS', value: `RCS ${(m[1] ?? '').trim()} ${v}`, valid: luhn(v) });
  }
  return out;
}

function countryOf(page: PageEvidence, vocabulary: LegalVocabulary): LegalCountry {
  const host = hostOf(page.finalUrl ?? page.url) ?? '';
  const tld = host.split('.').pop() ?? '';
  const byTld = vocabulary.countries.find((c) => c.tlds.includes(tld));
  if (byTld) return byTld.country;
  const lang = /<html[^>]*\blang=["']?([a-zA-Z-]+)/i.exec(page.html ?? '')?.[1]?.toLowerCase() ?? '';
  if (/-ch$/.test(lang)) return 'CH';
  const byLang = vocabulary.countries.find((c) => c.langs.some((l) => lang === l || lang.startsWith(`${l}-`)));
  return byLang?.country ?? 'FR';
}

/** Reads one legal-notice page. */
export function analyseLegalNotice(page: PageEvidence, vocabulary: LegalVocabulary): LegalNoticeAnalysis {
  const fields = Object.fromEntries(LEGAL_FIELDS.map((f) => [f, null])) as Record<LegalField, string | null>;
  const set = (field: LegalField, passage: string): void => {
    fields[field] ??= shorten(passage);
  };
  let hostContext: string | null = null;
  let individual = false;
  let textLength = 0;
  const blocks = blocksOf(page.html);
  const allText = blocks.map((b) => b.text).join('\n');

  // A labelled lead-in ("Angaben gemäß § 5 TMG:", "Hébergeur :") opens a zone for the lines
  // that follow it, until the next heading.
  let leadIn: Zone | null = null;
  let leadInHeading = '';
  for (const block of blocks) {
    if (block.heading !== leadInHeading) leadIn = null;
    const headingZone = zoneOf(block.heading, vocabulary);
    const isHeading = block.text === block.heading && block.level > 0;
    if (isHeading) continue;
    for (const sentence of sentencesOf(block.text)) {
      const zone: Zone = leadIn ?? headingZone;
      const normal = normaliseText(sentence);
      textLength += normal.length;
      // An individual saying so is not naming themselves (LCEN lets them stay anonymous).
      const anonymous = vocabulary.individual.test(normal);
      if (anonymous) individual = true;
      // A labelled sentence decides its own zone, whatever the heading above it says.
      const sentenceZone: Zone = vocabulary.sentences.host.test(normal)
        ? 'host'
        : vocabulary.sentences.director.test(normal)
          ? 'director'
          : vocabulary.sentences.editor.test(normal)
            ? 'editor'
            : zone;
      if (sentenceZone !== zone && /:$/.test(normal)) {
        leadIn = sentenceZone;
        leadInHeading = block.heading;
      }
      const phone = findPhone(sentence, vocabulary);
      const address = hasAddress(normal, vocabulary);
      const email = vocabulary.email.test(normal);
      if (sentenceZone === 'host') {
        hostContext ??= shorten(sentence);
        if (
          /[a-z]{3,}/.test(normal.replace(vocabulary.sentences.host, '').replace(vocabulary.headings.host, '')) &&
          !(phone && normal.replace(/[\d\s.+()/-]/g, '').length < 12)
        )
          set('hostName', sentence);
        if (address) set('hostAddress', sentence);
        if (phone) set('hostPhone', sentence);
        continue;
      }
      if (sentenceZone === 'director') {
        const rest = normal.replace(vocabulary.sentences.director, '').replace(vocabulary.headings.director, '');
        if (/[a-z]{2,}/.test(rest) || zone === 'director') set('publicationDirector', sentence);
        continue;
      }
      if (!anonymous && (sentenceZone === 'editor' || vocabulary.organisation.test(normal))) set('editorIdentity', sentence);
      if (address) set('editorAddress', sentence);
      if (phone) set('editorPhone', sentence);
      if (email) set('editorEmail', sentence);
      // Under an "Éditeur" heading, the first line names the editor.
      if (zone === 'editor' && !anonymous && !phone && !address && !email && /[a-z]{3,}/.test(normal)) set('editorIdentity', sentence);
    }
  }
  const country = countryOf(page, vocabulary);
  const required = country === 'FR' && individual ? INDIVIDUAL_FR : REQUIRED[country];
  return {
    country,
    law: LAW_OF[country],
    individual,
    fields,
    required,
    missing: required.filter((f) => fields[f] === null),
    registrations: findRegistrations(allText),
    hostContext,
    textLength,
  };
}
