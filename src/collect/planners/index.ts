/** Planners run in this order; earlier ones win the --max-pages budget. One line per planner. */
import type { PagePlanner } from './planner.js';
import { parentWwwPlanner } from './parent-www.js';
import { documentsPlanner } from './documents.js';
import { servicesPlanner } from './services.js';

export const planners: readonly PagePlanner[] = [
  // issue 4 (parent domain and www) registers its planner here
  parentWwwPlanner,
  // issue 5 (legal documents, services) registers its planners here
  documentsPlanner,
  servicesPlanner,
];
