/** Planners run in this order; earlier ones win the --max-pages budget. One line per planner. */
import type { PagePlanner } from './planner.js';
import { parentWwwPlanner } from './parent-www.js';
import { documentsPlanner } from './documents.js';
import { servicesPlanner } from './services.js';

export const planners: readonly PagePlanner[] = [
  // the parent domain and www. first: they are pages the checklist always asks about
  parentWwwPlanner,
  // then the transparency documents, then the services
  documentsPlanner,
  servicesPlanner,
];
