/**
 * The layers of src/, top to bottom: bench; cli | api (index.ts); audit; collect | judge | report; fixture-internet;
 * knowledge (domains, documents, trackers, chatonsinfos); base (contracts, errors, i18n, util).
 * A file may import from its own layer and from layers below, never from above, never sideways
 * between collect, judge and report; nothing outside src/cli imports src/cli. A file in no layer
 * is reported too, so a new folder gets its place here before it grows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

interface Layer {
  /** Folders (or single files) under src/, as written in import paths. */
  roots: readonly string[];
  /** Higher imports lower; two layers of one rank are peers and never import each other. */
  rank: number;
  /** When set, the only layers this one may import (besides itself). */
  only?: readonly string[];
}

const LAYERS: Readonly<Record<string, Layer>> = {
  bench: { roots: ['bench'], rank: 6 },
  cli: { roots: ['cli'], rank: 5 },
  // The library's entry (package.json main): beside the CLI, above the run path, never through the CLI.
  api: { roots: ['index.ts'], rank: 5 },
  audit: { roots: ['audit'], rank: 4 },
  collect: { roots: ['collect'], rank: 3 },
  judge: { roots: ['judge'], rank: 3 },
  report: { roots: ['report'], rank: 3 },
  // Tooling for demo and tests: it serves fixtures and needs nothing of the audit.
  'fixture-internet': { roots: ['fixture-internet'], rank: 2, only: ['base'] },
  // Knowledge, pure: its folders may use one another.
  knowledge: { roots: ['domains', 'documents', 'trackers', 'chatonsinfos'], rank: 1 },
  base: { roots: ['contracts', 'errors.ts', 'i18n', 'util'], rank: 0 },
};

/** The layer of a path relative to src/ ('collect/dns/resolver.ts'), or undefined. */
export function layerOf(path: string): string | undefined {
  const parts = path.split(/[\\/]/);
  for (const [name, layer] of Object.entries(LAYERS)) {
    if (layer.roots.some((root) => parts[0] === root)) return name;
  }
  return undefined;
}

interface ImportEdge {
  /** Relative to src/, with '/' separators. */
  from: string;
  to: string;
  line: number;
}

/** Every relative import of a source text: import, import type, export … from, import(), import('…').T. */
export function importsOf(text: string): { specifier: string; line: number }[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles.map((f) => ({ specifier: f.fileName, line: text.slice(0, f.pos).split('\n').length }));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.[cm]?ts$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const posix = (path: string): string => path.split(sep).join('/');

/** The imports between files of `srcDir` (packages and node: modules left out). */
function importEdges(srcDir: string): ImportEdge[] {
  const edges: ImportEdge[] = [];
  for (const file of sourceFiles(srcDir)) {
    for (const { specifier, line } of importsOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier).replace(/\.([cm]?)js$/, '.$1ts');
      edges.push({ from: posix(relative(srcDir, file)), to: posix(relative(srcDir, target)), line });
    }
  }
  return edges;
}

/** Why an edge breaks the layering, or undefined when it is fine. */
function edgeProblem(from: string, to: string): string | undefined {
  if (to.startsWith('../')) return 'leaves src/';
  if (to.startsWith('cli/') && !from.startsWith('cli/')) return 'only src/cli imports src/cli';
  const a = layerOf(from);
  const b = layerOf(to);
  if (a === undefined || b === undefined) return undefined; // reported once per file by checkLayers
  if (a === b) return undefined;
  const la = LAYERS[a]!;
  const lb = LAYERS[b]!;
  if (la.only && !la.only.includes(b)) return `${a} imports only ${la.only.join(', ')}`;
  if (lb.rank > la.rank) return `upward: ${a} is below ${b}`;
  if (lb.rank === la.rank) return `sideways: ${a} and ${b} are peers`;
  return undefined;
}

/** Every problem of the tree under `srcDir`, one line each: `file:line → target (why)`. */
export function checkLayers(srcDir: string): string[] {
  const problems = sourceFiles(srcDir)
    .map((file) => posix(relative(srcDir, file)))
    .filter((file) => layerOf(file) === undefined)
    .map((file) => `${file}: in no layer (place it in LAYERS, test/support/layers.ts)`);
  for (const { from, to, line } of importEdges(srcDir)) {
    const why = edgeProblem(from, to);
    if (why) problems.push(`${from}:${line} → ${to} (${why})`);
  }
  return problems;
}
