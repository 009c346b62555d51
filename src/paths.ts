import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package root, from both src/ (tests) and dist/ (built): this file sits one level down. */
export const packageRoot = fileURLToPath(new URL('..', import.meta.url));
export const rulesDir = join(packageRoot, 'rules');
export const fixturesDir = join(packageRoot, 'fixtures');

interface PackageJson {
  name: string;
  version: string;
}
export const packageInfo: PackageJson = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as PackageJson;
