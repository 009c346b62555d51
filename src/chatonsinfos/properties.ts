/**
 * ChatonsInfos properties files (https://framagit.org/chatons/chatonsinfos): `key = value`
 * lines, read tolerantly, as members write them by hand: spaces around "=" or none, ":" as in
 * Java properties, values in single or double quotes, \' and \" escapes, \uXXXX, a trailing
 * backslash continuing the line, blank lines and "#" or "!" comments ignored. Keys are
 * lower-cased (the format's keys are lower case; hand-written files vary).
 */

export interface ParsedProperties {
  properties: Record<string, string>;
  /** Lines that are neither comments nor key/value pairs (1-based numbers). */
  badLines: number[];
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) return v.slice(1, -1);
  return v;
}

function unescapeValue(value: string): string {
  return value.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_all, c: string) => {
    if (c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    return ({ t: '\t', n: '\n', r: '\r' } as Record<string, string>)[c] ?? c;
  });
}

export function parseProperties(text: string): ParsedProperties {
  const properties: Record<string, string> = {};
  const badLines: number[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const number = i + 1;
    let line = lines[i] ?? '';
    // An odd number of trailing backslashes continues the logical line.
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + (lines[++i] ?? '').trimStart();
    }
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith('!')) continue;
    const sep = /^([^=:\s]+)\s*[=:]\s*(.*)$/.exec(trimmed);
    if (!sep) {
      badLines.push(number);
      continue;
    }
    const key = (sep[1] ?? '').toLowerCase();
    properties[key] = unescapeValue(unquote(sep[2] ?? ''));
  }
  return { properties, badLines };
}

/** `subs.<id> = <url>` lines: the service files an organisation file lists. */
export function subsOf(properties: Readonly<Record<string, string>>): string[] {
  return Object.entries(properties)
    .filter(([k, v]) => k.startsWith('subs.') && v.trim())
    .map(([, v]) => v.trim());
}
