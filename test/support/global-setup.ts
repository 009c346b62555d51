/** The CLI tests run the real bin/, which runs the built JS: build once before any test. */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: 'inherit' });
}
