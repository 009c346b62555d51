/**
 * Vocabulary comes from the rules directory's data files (rules/data/*.yaml), never from code, so
 * CHATONS_AUDIT_RULES_DIR replaces all of it. The documents readers take the rule set's data (any
 * object that hands out parsed data documents, as RuleData does) and compile what they need once
 * per rule set.
 */
export interface DataDocuments {
  /** The parsed YAML document rules/data/<name>.yaml (null when missing or invalid). */
  document(name: string): unknown;
}

const parsed = new WeakMap<DataDocuments, Map<string, unknown>>();

/** A data document parsed (patterns compiled) once per rule set. */
export function parsedDocument<T>(data: DataDocuments, name: string, parse: (doc: unknown) => T): T {
  let byName = parsed.get(data);
  if (!byName) {
    byName = new Map();
    parsed.set(data, byName);
  }
  if (!byName.has(name)) byName.set(name, parse(data.document(name)));
  return byName.get(name) as T;
}

/** The strings of a YAML list (anything else is dropped). */
export function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A YAML mapping as a record (anything else is empty). */
export function mapping(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** One pattern matching any of the sources (never matches when there are none). */
export function alternation(sources: readonly string[]): string {
  return sources.length > 0 ? sources.map((s) => `(?:${s})`).join('|') : '(?!)';
}
