import { join } from 'node:path';
import { rulesDir } from '../util/paths.js';

/** Vendored tracker knowledge (see lists.json for each file's source, version and licence). */
export const trackersDataDir = join(rulesDir, 'data', 'trackers');
