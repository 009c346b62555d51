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

export const LEGAL_FIELDS = [
  'editorIdentity', 'editorAddress', 'editorPhone', 'editorEmail', 'publicationDirector', 'hostName', 'hostAddress', 'hostPhone',
] as const;
export type LegalField = (typeof LEGAL_FIELDS)[number];

export type LegalCountry = 'FR' | 'DE' | 'ES' | 'CH';

/** Law quoted in findings, per country. */
export const LAW_OF: Readonly<Record<LegalCountry, string>> = {
  FR: 'LCEN art. 1-1', DE: '§ 5 DDG', ES: 'LSSI art. 10', CH: 'LCD art. 3',
};

const REQUIRED: Readonly<Record<LegalCountry, readonly LegalField[]>> = {
  FR: ['editorIdentity', 'editorAddress', 'editorPhone', 'publicationDirector', 'hostName', 'hostAddress', 'hostPhone'],
  DE: ['editorIdentity', 'editorAddress', 'editorEmail'],
  ES: ['editorIdentity', 'editorAddress', 'editorEmail'],
  CH: ['editorIdentity', 'editorAddress', 'editorEmail'],
};
const INDIVIDUAL_FR: readonly LegalField[] = ['hostName', 'hostAddress', 'hostPhone'];

export interface Registration {
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

const HOST_HEADING = /heberge|hebergement|\bhost(ing|ed|er)?\b|provider|hoster|alojamiento|proveedor|ospitat|hosting/;
const DIRECTOR_HEADING = /directeur|directrice|direction de (la )?publication|responsable (de (la )?)?(la )?publication|publication director|director of publication|verantwortlich|v\.? ?i\.? ?s\.? ?d\.? ?p|responsable editorial|direttore responsabile/;
const EDITOR_HEADING = /editeur|editrice|edition du site|\beditor\b|publisher|owner|proprietaire|anbieter|angaben gem|titular|identificacion|datos identificativos|identification|responsable du site|site (owner|operator)|betreiber/;

const HOST_SENTENCE = /heberge(s|es)? (par|chez)|hebergeur\s*:|hebergement\s*:|\bhosted (by|at|with)\b|\bhost\s*:|\bhosting( provider)?\s*:|gehostet (bei|von)|hosting-?anbieter|alojad[oa] (en|por)|ospitato (da|presso)/;
const DIRECTOR_SENTENCE = /(directeur|directrice|responsable) de (la )?publication\s*:?\s*\S|publication director\s*:?\s*\S|director of publication\s*:?\s*\S|verantwortlich (fur den inhalt|im sinne|i\.? ?s\.? ?d\.?|nach|gem)|v\.? ?i\.? ?s\.? ?d\.? ?p\.?\s*:?\s*\S/;
const EDITOR_SENTENCE = /\b(edite|publie) par\b|\bediteur\s*:|\beditrice\s*:|published by|operated by|betrieben von|angaben gem|titular\s*:|\bsite (edite|publie)\b/;
const ORGANISATION = /\b(association|societe|sas|sasu|sarl|eurl|scic|scop|micro-?entreprise|auto-?entrepreneur|entreprise individuelle|cooperative|collectif|fondation|gmbh|e\. ?v\.|verein|genossenschaft|asociacion|cooperativa|s\. ?l\.|s\. ?a\.|fundacion|associazione|stichting|vereniging|associacio|company|ltd|inc|llc|charity|non-profit)(\b|(?<=\.))/;
const INDIVIDUAL = /\b(particulier|personne physique|a titre (personnel|prive)|non[- ]professionnel(le)?|privatperson|persona fisica|private individual)\b/;
const STREET = /\b\d{1,4}\s*(bis|ter)?,?\s+(rue|avenue|av\.|boulevard|bd|chemin|place|impasse|allee|quai|route|cours|square|passage|lieu-dit|street|st\.|road|rd\.|lane|calle|avenida|plaza|paseo|carrer|via|piazza|corso)\b|\b[a-z]+(strasse|str\.|weg|platz|gasse|allee|ring|damm|straat|laan|plein|gracht)\s+\d{1,4}|\b(rue|avenue|boulevard|chemin|place|impasse|allee|quai|route)\s+[a-z' -]+,?\s+\d{4,5}\b|\b(bp|cs)\s+\d{2,6}\b/;
const POSTCODE_CITY = /(^|[,\n]\s*|\b(adresse|siege( social)?|address|anschrift|domicilio|sede|adres)\s*:?\s*.*)(\b[a-z]{1,2}-)?\b\d{4,5}\s+[a-z][a-z' -]{2,}/;
const EMAIL = /[a-z0-9._%+-]+\s*(@|\[at\]|\(at\)| at )\s*[a-z0-9.-]+\s*(\.|\[dot\]|\(dot\))\s*[a-z]{2,}/;
const PHONE_CANDIDATE = /(?:\+|\b00|\(?\b0)[\d\s.\-/()]{7,}\d/g;

function digits(text: string): number {
  return text.replace(/\D/g, '').length;
}

export function findPhone(text: string): string | null {
  for (const match of text.matchAll(PHONE_CANDIDATE)) {
    const n = digits(match[0]);
    if (n >= 9 && n <= 15) return match[0].trim();
  }
  return null;
}

export function hasAddress(normal: string): boolean {
  return STREET.test(normal) || POSTCODE_CITY.test(normal);
}

function zoneOf(heading: string): Zone {
  const h = normaliseText(heading);
  if (!h) return 'general';
  if (DIRECTOR_HEADING.test(h)) return 'director';
  if (HOST_HEADING.test(h)) return 'host';
  if (EDITOR_HEADING.test(h)) return 'editor';
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

export function findRegistrations(text: string): Registration[] {
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

export function countryOf(page: PageEvidence): LegalCountry {
  const host = hostOf(page.finalUrl ?? page.url) ?? '';
  if (/\.(de|at)$/.test(host)) return 'DE';
  if (/\.(es|cat)$/.test(host)) return 'ES';
  if (/\.(ch|li)$/.test(host)) return 'CH';
  if (/\.(fr|re|gp|mq|nc|pf)$/.test(host)) return 'FR';
  const lang = /<html[^>]*\blang=["']?([a-zA-Z-]+)/i.exec(page.html ?? '')?.[1]?.toLowerCase() ?? '';
  if (/-ch$/.test(lang)) return 'CH';
  if (lang.startsWith('de')) return 'DE';
  if (lang.startsWith('es') || lang.startsWith('ca')) return 'ES';
  return 'FR';
}

/** Reads one legal-notice page. */
export function analyseLegalNotice(page: PageEvidence): LegalNoticeAnalysis {
  const fields = Object.fromEntries(LEGAL_FIELDS.map((f) => [f, null])) as Record<LegalField, string | null>;
  const set = (field: LegalField, passage: string): void => {
    fields[field] ??= shorten(passage);
  };
  let hostContext: string | null = null;
  let individual = false;
  let textLength = 0;
  const blocks = blocksOf(page.html);
  const allText = blocks.map((b) => b.text).join('\n');

  for (const block of blocks) {
    const zone = zoneOf(block.heading);
    const isHeading = block.text === block.heading && block.level > 0;
    if (isHeading) continue;
    for (const sentence of sentencesOf(block.text)) {
      const normal = normaliseText(sentence);
      textLength += normal.length;
      if (INDIVIDUAL.test(normal)) individual = true;
      // A labelled sentence decides its own zone, whatever the heading above it says.
      const sentenceZone: Zone = HOST_SENTENCE.test(normal) ? 'host'
        : DIRECTOR_SENTENCE.test(normal) ? 'director'
          : EDITOR_SENTENCE.test(normal) ? 'editor' : zone;
      const phone = findPhone(sentence);
      const address = hasAddress(normal);
      const email = EMAIL.test(normal);
      if (sentenceZone === 'host') {
        hostContext ??= shorten(sentence);
        if (/[a-z]{3,}/.test(normal.replace(HOST_SENTENCE, '').replace(HOST_HEADING, '')) && !(phone && normal.replace(/[\d\s.+()/-]/g, '').length < 12)) set('hostName', sentence);
        if (address) set('hostAddress', sentence);
        if (phone) set('hostPhone', sentence);
        continue;
      }
      if (sentenceZone === 'director') {
        const rest = normal.replace(DIRECTOR_SENTENCE, '').replace(DIRECTOR_HEADING, '');
        if (/[a-z]{2,}/.test(rest) || zone === 'director') set('publicationDirector', sentence);
        continue;
      }
      if (sentenceZone === 'editor' || ORGANISATION.test(normal)) set('editorIdentity', sentence);
      if (address) set('editorAddress', sentence);
      if (phone) set('editorPhone', sentence);
      if (email) set('editorEmail', sentence);
      // Under an "Éditeur" heading, the first line names the editor.
      if (zone === 'editor' && !phone && !address && !email && /[a-z]{3,}/.test(normal)) set('editorIdentity', sentence);
    }
  }
  const country = countryOf(page);
  const required = country === 'FR' && individual ? INDIVIDUAL_FR : REQUIRED[country];
  return {
    country, law: LAW_OF[country], individual, fields, required,
    missing: required.filter((f) => fields[f] === null),
    registrations: findRegistrations(allText),
    hostContext, textLength,
  };
}
