/**
 * Rule: one checklist line, declared in rules/<id>.yaml and validated when loaded.
 * A rule is data over a generic evaluator (src/judge/evaluators/), in the spirit of axe-core.
 */

export type Lang = 'fr' | 'en';
export const LANGS: readonly Lang[] = ['fr', 'en'];

export type LocalizedText = Record<Lang, string>;

/** `off` only ever comes from configuration; a rule file declares blocking or suggestion. */
export type RuleLevel = 'blocking' | 'suggestion' | 'off';

/** Sections of the CHATONS compliance checklist (see CHARTER.md). */
export type ChecklistSection = 'A' | 'B' | 'C' | 'D';

export interface Rule {
  id: string;
  /** Default level from the rule file (configuration may override it per audit). */
  level: Exclude<RuleLevel, 'off'>;
  /** As written in the file, e.g. "B. Publicité / pisteurs / appels tiers". */
  checklist: string;
  section: ChecklistSection;
  evaluator: string;
  /** Validated by the evaluator's own parameter check when the rule is loaded. */
  params: Readonly<Record<string, unknown>>;
  title: LocalizedText;
  /** Message per finding code (and per needs-review / not-applicable reason code). */
  messages: Readonly<Record<string, LocalizedText>>;
  help: LocalizedText;
  /** Absolute path of the rule file, for error messages. */
  file: string;
}

/** Lists and lexicons that rules share (rules/data/*.yaml), read through the rule loader. */
export interface RuleData {
  /** Host suffixes of a named list (`hosts:` in rules/data/<name>.yaml). */
  hostList(name: string): readonly string[];
  hasHostList(name: string): boolean;
  /** The whole parsed YAML document of rules/data/<name>.yaml (null when missing or invalid). */
  document(name: string): unknown;
}

/** Every rule of a run, loaded and validated, with the data they share. */
export interface RuleSet {
  rules: readonly Rule[];
  data: RuleData;
}
