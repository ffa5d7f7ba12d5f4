/**
 * What the bundled command line loads at start-up (dist/cli, built by the global setup): the static
 * import graph of an entry, followed through its chunks, and the source files bundled in them (from
 * each chunk's source map; dependencies are bundled too). A worker thread boots for every parallel
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
  // Statements may share a line (the bundle drops whitespace): a statement starts a line or follows `;`.
  const statement = /(?:^|;)\s*(?:import|export)\s*(?:[^"'();]*?from\s*)?["']([^"']+)["']/gm;
  for (const match of text.matchAll(statement)) found.push(match[1] as string);
  return found;
}

/**
 * What an entry loads before it runs, following relative imports: the built files and the source
 * files bundled in them (from their maps). Packages left outside the bundle (node builtins) are skipped.
 */
function loadedAtStart(entry: string): { files: Set<string>; sources: string[] } {
  const files = new Set<string>();
  const sources: string[] = [];
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] };
    sources.push(...map.sources);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier));
    }
  };
  visit(join(CLI, entry));
  return { files, sources };
}

/** Whether a bundled source path belongs to a graph-file reader (GEXF, GraphML, XML). */
const isReader = (source: string) => /gexf|graphml|xmldom|xml-writer|formats\/graph-file/.test(source);

describe('the bundled command line', () => {
  it('staticImports finds static imports and re-exports but not dynamic imports', () => {
    const text = [
      'import { a } from "./chunk-A.mjs";',
      'import "./chunk-B.mjs";',
      'import {\n  b,\n  c\n} from "zod";',
      'export { d } from "./chunk-C.mjs";',
      'const later = await import("./graph-loader-X.mjs");',
      'import{e as f}from"./chunk-D.mjs";import"./chunk-E.mjs";export{g};',
    ].join('\n');
    expect(staticImports(text)).toEqual([
      './chunk-A.mjs',
      './chunk-B.mjs',
      'zod',
      './chunk-C.mjs',
      './chunk-D.mjs',
      './chunk-E.mjs',
    ]);
  });

  it('the worker entry loads the run pipeline without zod or the graph-file readers', () => {
    const { files, sources } = loadedAtStart('worker.mjs');
    expect(files.size).toBeGreaterThan(1);
    expect(sources.some((source) => source.includes('node_modules/seedrandom/'))).toBe(true);
    expect(sources.some((source) => source.includes('engine/models/independent-cascade.ts'))).toBe(true);
    expect(sources.filter((source) => source.includes('node_modules/zod/'))).toEqual([]);
    expect(sources.filter(isReader)).toEqual([]);
  });

  it('the run and sweep commands load no graph-file reader until a scenario names a graph file', () => {
    for (const command of ['run', 'sweep']) {
      const chunk = readdirSync(CLI).find((name) => name.startsWith(`${command}-`) && name.endsWith('.mjs'));
      expect(chunk, `the ${command} command's chunk in ${CLI}`).toBeDefined();
      const { sources } = loadedAtStart(chunk as string);
      expect(sources.some((source) => source.includes('node_modules/zod/'))).toBe(true);
      expect(sources.filter(isReader)).toEqual([]);
    }
    const loader = readdirSync(CLI).find((name) => name.startsWith('graph-loader-') && name.endsWith('.mjs'));
    expect(loadedAtStart(loader as string).sources.some(isReader)).toBe(true);
  });
});
