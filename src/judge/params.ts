import type { ParamSpec } from './evaluator.js';

/** Validates rule params against an evaluator's spec; returns a problem description or null. */
export function paramProblem(spec: ParamSpec, raw: unknown): string | null {
  const params = raw ?? {};
  if (typeof params !== 'object' || Array.isArray(params)) return 'params must be a mapping';
  const values = params as Record<string, unknown>;
  for (const name of Object.keys(values)) {
    if (!(name in spec)) return `unknown param "${name}" (known: ${Object.keys(spec).join(', ') || 'none'})`;
  }
  for (const [name, def] of Object.entries(spec)) {
    const value = values[name];
    if (value === undefined) {
      if (def.required) return `param "${name}" is required`;
      continue;
    }
    const items = def.type === 'string[]' ? value : [value];
    const itemType = def.type === 'string[]' ? 'string' : def.type;
    if (!Array.isArray(items) || items.some((item) => typeof item !== itemType)) {
      return `param "${name}" must be ${def.type}`;
    }
    const bad = def.enum ? (items as unknown[]).find((item) => !def.enum?.includes(item as string)) : undefined;
    if (bad !== undefined) return `param "${name}" has "${String(bad)}"; allowed: ${def.enum?.join(', ')}`;
  }
  return null;
}
