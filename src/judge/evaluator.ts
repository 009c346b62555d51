/**
 * The evaluator contract. Rules are data (rules/*.yaml) pointing at a few generic, parameterised
 * evaluators, as axe-core rules point at checks. An evaluator is pure: it reads only the parts of
 * the Evidence it declares in `requires` (Lighthouse's requiredArtifacts) and returns codes and
 * arguments; the engine renders messages from the rule file in the report language.
 */
import type { Evidence, PageEvidence } from '../contracts/evidence.js';
import type { MessageArgs, Outcome } from '../contracts/result.js';
import type { Derived } from './derived.js';
import type { RuleData } from '../contracts/rule.js';

type ParamType = 'string' | 'number' | 'boolean' | 'string[]';

interface ParamDef {
  type: ParamType;
  required?: boolean;
  /** Allowed values (for string and string[] params). */
  enum?: readonly string[];
}

export type ParamSpec = Readonly<Record<string, ParamDef>>;

export interface FindingDraft {
  code: string;
  args?: MessageArgs;
  page?: PageEvidence | null;
  host?: string;
  subject?: string;
  /** Offending URLs; the first few become the finding's examples. */
  urls?: readonly string[];
  /** Defaults to the number of URLs, or 1. */
  count?: number;
}

export interface EvaluatorOutput {
  outcome: Outcome;
  findings: FindingDraft[];
  /** Required for needs-review, not-applicable and error: a message code and its arguments. */
  reason?: { code: string; args?: MessageArgs };
}

interface EvaluationContext<P, K extends keyof Evidence> {
  evidence: Pick<Evidence, K>;
  params: P;
  derived: Derived;
  data: RuleData;
}

export interface Evaluator<P, K extends keyof Evidence> {
  id: string;
  requires: readonly K[];
  params: ParamSpec;
  /** Finding and reason codes it may emit: each must have a message in every rule file using it. */
  codes: readonly string[];
  /** Checks beyond the param spec (e.g. that a named data list exists); returns a problem or null. */
  check?(params: P, data: RuleData): string | null;
  evaluate(context: EvaluationContext<P, K>): EvaluatorOutput;
}

/** The registry's view of an evaluator: parameters already validated against `params`. */
export type RegisteredEvaluator = Evaluator<Readonly<Record<string, unknown>>, keyof Evidence>;

/** Erases an evaluator's parameter type for the registry; the loader validates params first. */
export function defineEvaluator<P, K extends keyof Evidence>(evaluator: Evaluator<P, K>): RegisteredEvaluator {
  return evaluator as unknown as RegisteredEvaluator;
}
