/** The symbols of outcomes and verdicts, shared by every human-readable report and its legend. */
import type { Outcome, Verdict } from '../contracts/result.js';

export const OUTCOME_ICON: Readonly<Record<Outcome, string>> = {
  pass: '✅',
  fail: '❌',
  'needs-review': '❓',
  'not-applicable': '➖',
  error: '⚠️',
};
export const VERDICT_ICON: Readonly<Record<Verdict, string>> = { compliant: '✅', 'non-compliant': '❌', incomplete: '❓' };
