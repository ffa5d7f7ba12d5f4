/**
 * What the bundled command line loads at start-up (dist/cli, built by the global setup): the static
 * import graph of an entry, followed through its chunks. A worker thread boots for every parallel
 * run, so its entry must not load the schema library (zod: about 50 ms of start-up per worker; the
 * pool hands workers validated scenarios) nor the graph-file readers; a sweep of generated networks
 * must not load the readers either.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = 'dist/cli';

/** The static imports (`import … from "x"` and `import "x"`, not `import("x")`) of a built module. */
function staticImports(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(
    /^\s*(?:import|export)\s*(?:[^"'();]*?\s*from\s*)?["']([^"']+)["'];?/gm,
  )) {
    found.push(match[1] as string);
  }
  return found;
}

/** Every package and built file an entry loads before it runs, following relative imports. */
function loadedAtStart(entry: string): { packages: Set<string>; files: Set<string> } {
  const packages = new Set<string>();
  const files = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  visit(join(CLI, entry));
  return { packages, files };
}

describe('the bundled command line', () => {
  it('staticImports finds static imports and re-exports but not dynamic imports', () => {
    const text = [
      'import { a } from "./chunk-A.mjs";',
      'import "./chunk-B.mjs";',
      'import {\n  b,\n  c\n} from "zod";',
      'export { d } from "./chunk-C.mjs";',
      'const later = await import("./graph-loader-X.mjs");',
    ].join('\n');
    expect(staticImports(text)).toEqual(['./chunk-A.mjs', './chunk-B.mjs', 'zod', './chunk-C.mjs']);
  });

  it('the worker entry loads the run pipeline without zod or the graph-file readers', () => {
    const { packages, files } = loadedAtStart('worker.mjs');
    expect(files.size).toBeGreaterThan(1);
    expect(packages).toContain('seedrandom');
    expect(packages).not.toContain('zod');
    for (const name of packages) expect(name).not.toMatch(/gexf|graphml|xmldom/);
  });

  it('the run and sweep commands load no graph-file reader until a scenario names a graph file', () => {
    for (const command of ['run', 'sweep']) {
      const chunk = readdirSync(CLI).find((name) => name.startsWith(`${command}-`) && name.endsWith('.mjs'));
      expect(chunk, `the ${command} command's chunk in ${CLI}`).toBeDefined();
      const { packages } = loadedAtStart(chunk as string);
      expect(packages).toContain('zod');
      for (const name of packages) expect(name).not.toMatch(/gexf|graphml|xmldom/);
    }
  });
});
