/**
 * Validation of a properties file against the StatoolInfos / ChatonsInfos format: which fields
 * each `file.class` must (mandatory), should (wished) or may (optional) carry, and the type of
 * each value. The table itself is data (rules/data/statoolinfos-fields.yaml, through RuleData);
 * this module only reads it and applies it, one violation per field.
 */

type Requirement = 'mandatory' | 'wished' | 'optional';

interface FieldSpec {
  type: string;
  requirement: Requirement;
  /** Allowed values (compared case-insensitively: files write `organization` and `Organization`). */
  values?: readonly string[];
  /** Several values separated by ";" or ",". */
  list?: boolean;
}

interface TypeSpec {
  pattern?: RegExp;
  /** A check a pattern cannot make: a parsable http(s) URL, a real calendar date. */
  check?: 'url' | 'date';
  values?: readonly string[];
}

export interface StatoolSpec {
  types: ReadonlyMap<string, TypeSpec>;
  /** file.class (lower case) → the sections it validates. */
  classes: ReadonlyMap<string, readonly string[]>;
  sections: ReadonlyMap<string, ReadonlyMap<string, FieldSpec>>;
}

export type Violation =
  | { code: 'missingMandatoryField' | 'missingWishedField'; field: string; requirement: Requirement }
  | { code: 'invalidFieldValue'; field: string; requirement: Requirement; value: string; expected: string };

const REQUIREMENTS: readonly Requirement[] = ['mandatory', 'wished', 'optional'];
const CHECKS = ['url', 'date'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
}

/** The field table from its YAML document, or a sentence saying what is wrong with it. */
export function readStatoolSpec(doc: unknown): StatoolSpec | string {
  if (!isRecord(doc) || !isRecord(doc.types) || !isRecord(doc.classes) || !isRecord(doc.sections))
    return 'expected types, classes and sections';
  const types = new Map<string, TypeSpec>();
  for (const [name, raw] of Object.entries(doc.types)) {
    if (!isRecord(raw)) return `type ${name}: expected a mapping`;
    const spec: TypeSpec = {};
    if (raw.pattern !== undefined) {
      if (typeof raw.pattern !== 'string') return `type ${name}: pattern must be a string`;
      try {
        spec.pattern = new RegExp(raw.pattern, 'u');
      } catch {
        return `type ${name}: invalid pattern`;
      }
    }
    if (raw.check !== undefined) {
      if (!(CHECKS as readonly unknown[]).includes(raw.check)) return `type ${name}: check must be one of ${CHECKS.join(', ')}`;
      spec.check = raw.check as TypeSpec['check'];
    }
    if (raw.values !== undefined) {
      const values = stringList(raw.values);
      if (!values) return `type ${name}: values must be a list of strings`;
      spec.values = values;
    }
    types.set(name, spec);
  }
  const sections = new Map<string, Map<string, FieldSpec>>();
  for (const [name, raw] of Object.entries(doc.sections)) {
    if (!isRecord(raw) || !isRecord(raw.fields)) return `section ${name}: expected fields`;
    const fields = new Map<string, FieldSpec>();
    for (const [field, f] of Object.entries(raw.fields)) {
      if (!isRecord(f) || typeof f.type !== 'string' || !(REQUIREMENTS as readonly unknown[]).includes(f.requirement)) {
        return `field ${field}: expected { type, requirement: ${REQUIREMENTS.join(' | ')} }`;
      }
      const values = f.values === undefined ? undefined : stringList(f.values);
      if (values === null) return `field ${field}: values must be a list of strings`;
      if (!values && !types.has(f.type)) return `field ${field}: unknown type ${f.type}`;
      if (field.endsWith('.*') && f.requirement !== 'optional') return `field ${field}: a ".*" field can only be optional`;
      fields.set(field.toLowerCase(), {
        type: f.type,
        requirement: f.requirement as Requirement,
        ...(values ? { values } : {}),
        ...(f.list === true ? { list: true } : {}),
      });
    }
    sections.set(name, fields);
  }
  const classes = new Map<string, string[]>();
  for (const [name, raw] of Object.entries(doc.classes)) {
    const list = stringList(raw);
    if (!list) return `class ${name}: expected a list of sections`;
    const unknown = list.find((s) => !sections.has(s));
    if (unknown) return `class ${name}: unknown section ${unknown}`;
    classes.set(name.toLowerCase(), list);
  }
  if (!sections.has('file')) return 'a "file" section is required (it holds file.class)';
  return { types, classes, sections };
}

function realDate(value: string): boolean {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : [];
  if (!y || !m || !d) return false;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

function validUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

function passesType(value: string, type: TypeSpec): boolean {
  if (type.pattern && !type.pattern.test(value)) return false;
  if (type.check === 'url' && !validUrl(value)) return false;
  if (type.check === 'date' && !realDate(value)) return false;
  return true;
}

function allowedValue(value: string, values: readonly string[]): boolean {
  return values.some((v) => v.toLowerCase() === value.toLowerCase());
}

/** What a value must be, for the report: the type's name, or the allowed values. */
function expectedOf(spec: FieldSpec, type: TypeSpec | undefined): string {
  const values = spec.values ?? type?.values;
  return values ? values.join(' | ') : spec.type;
}

function checkValue(value: string, spec: FieldSpec, types: StatoolSpec['types']): boolean {
  const type = types.get(spec.type);
  const values = spec.values ?? type?.values;
  const items = spec.list ? value.split(/\s*[;,]\s*/).filter(Boolean) : [value];
  if (items.length === 0) return false;
  return items.every((item) => (values ? allowedValue(item, values) : true) && (type ? passesType(item, type) : true));
}

/** `prefix.*`: every non-empty key under the prefix is typed (an open list: nothing is missing). */
function openFieldViolations(
  properties: Readonly<Record<string, string>>,
  prefix: string,
  fieldSpec: FieldSpec,
  types: StatoolSpec['types'],
): Violation[] {
  return Object.entries(properties)
    .filter(([key, raw]) => key.startsWith(prefix) && raw.trim() !== '' && !checkValue(raw.trim(), fieldSpec, types))
    .map(([key, raw]) => ({
      code: 'invalidFieldValue',
      field: key,
      requirement: fieldSpec.requirement,
      value: raw.trim(),
      expected: expectedOf(fieldSpec, types.get(fieldSpec.type)),
    }));
}

/** The file's class (lower case) when the table knows it, else null. */
function fileClassOf(properties: Readonly<Record<string, string>>, spec: StatoolSpec): string | null {
  const value = properties['file.class']?.trim().toLowerCase() ?? '';
  return spec.classes.has(value) ? value : null;
}

/**
 * One violation per field: missing (empty counts as missing) or of the wrong type. A file whose
 * class is missing or unknown is checked against the `file` section only.
 */
export function validateProperties(properties: Readonly<Record<string, string>>, spec: StatoolSpec): Violation[] {
  const fileClass = fileClassOf(properties, spec);
  const sectionNames = fileClass ? (spec.classes.get(fileClass) ?? ['file']) : ['file'];
  const violations: Violation[] = [];
  for (const name of sectionNames) {
    for (const [field, fieldSpec] of spec.sections.get(name) ?? []) {
      if (field.endsWith('.*')) {
        violations.push(...openFieldViolations(properties, field.slice(0, -1), fieldSpec, spec.types));
        continue;
      }
      const value = properties[field]?.trim() ?? '';
      if (value === '') {
        if (fieldSpec.requirement === 'mandatory') violations.push({ code: 'missingMandatoryField', field, requirement: 'mandatory' });
        else if (fieldSpec.requirement === 'wished') violations.push({ code: 'missingWishedField', field, requirement: 'wished' });
        continue;
      }
      if (!checkValue(value, fieldSpec, spec.types)) {
        violations.push({
          code: 'invalidFieldValue',
          field,
          requirement: fieldSpec.requirement,
          value,
          expected: expectedOf(fieldSpec, spec.types.get(fieldSpec.type)),
        });
      }
    }
  }
  return violations;
}
