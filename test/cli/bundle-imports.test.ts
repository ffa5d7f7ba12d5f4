/**
 * What the bundled command line evaluates at start-up (dist/cli, built by the global setup). Each
 * output file holds its dependencies (boot.cjs, which starts the other two, holds almost nothing); a module reached only through a dynamic `import()` becomes a
 * lazy initialiser, evaluated when that import runs. The build's metafile (dist/cli/meta.json) records
 * every source file's imports and their kinds, so the modules evaluated at start are those reached
 * from the entry through static imports. A worker thread boots for every parallel run, so it must not
 * evaluate the schema library (zod; the pool hands workers validated scenarios) nor the graph-file
 * readers; `viralsim --help` evaluates neither zod nor graphology; a run or sweep of generated
 * networks evaluates no graph-file reader.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The parts of esbuild's metafile these tests read. */
interface Metafile {
  inputs: Record<string, { imports: { path: string; kind: string; external?: boolean }[] }>;
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown> }>;
}

/**
 * The source files evaluated when `start` is: `start` and everything it reaches through static
 * imports (import statements and require calls, not dynamic imports) in `meta`.
 */
function evaluatedAtStart(meta: Metafile, start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const edge of meta.inputs[path]?.imports ?? []) {
      if (edge.external !== true && edge.kind !== 'dynamic-import') visit(edge.path);
    }
  };
  visit(start);
  return seen;
}

const meta = JSON.parse(readFileSync('dist/cli/meta.json', 'utf8')) as Metafile;
const list = (sources: Set<string>) => [...sources];
const isZod = (source: string) => source.includes('node_modules/zod/');
const isGraphology = (source: string) => source.includes('node_modules/graphology');
/** Whether a bundled source path belongs to a graph-file reader (GEXF, GraphML, XML). */
const isReader = (source: string) => /gexf|graphml|xmldom|xml-writer|formats\/graph-file/.test(source);

describe('the bundled command line', () => {
  it('evaluatedAtStart follows static imports and require calls but not dynamic imports', () => {
    const fake: Metafile = {
      inputs: {
        'a.ts': {
          imports: [
            { path: 'b.ts', kind: 'import-statement' },
            { path: 'c.ts', kind: 'dynamic-import' },
            { path: 'node:fs', kind: 'import-statement', external: true },
          ],
        },
        'b.ts': { imports: [{ path: 'd.js', kind: 'require-call' }] },
        'c.ts': { imports: [{ path: 'e.ts', kind: 'import-statement' }] },
        'd.js': { imports: [] },
        'e.ts': { imports: [] },
      },
      outputs: {},
    };
    expect(list(evaluatedAtStart(fake, 'a.ts')).sort()).toEqual(['a.ts', 'b.ts', 'd.js']);
  });

  it('builds three files, the start-up, the command line and the worker thread, from their entries', () => {
    const entries = Object.entries(meta.outputs)
      .filter(([, output]) => output.entryPoint !== undefined)
      .map(([file, output]) => [file, output.entryPoint]);
    expect(entries.sort()).toEqual([
      ['dist/cli/boot.cjs', 'engine/cli/boot.ts'],
      ['dist/cli/main.cjs', 'engine/cli/main.ts'],
      ['dist/cli/worker.cjs', 'engine/cli/worker.ts'],
    ]);
  });

  it('the start-up file (which compiles the other two from the code cache) holds nothing else', () => {
    expect(list(evaluatedAtStart(meta, 'engine/cli/boot.ts')).sort()).toEqual([
      'engine/cli/boot.ts',
      'engine/cli/pool-protocol.ts',
    ]);
  });

  it('the worker evaluates the run pipeline without zod or the graph-file readers', () => {
    const sources = list(evaluatedAtStart(meta, 'engine/cli/worker.ts'));
    // seedrandom's alea alone: its main entry also loads five other generators and node:crypto.
    expect(sources.filter((source) => source.includes('node_modules/seedrandom/'))).toEqual([
      'node_modules/seedrandom/lib/alea.js',
    ]);
    expect(sources).toContain('engine/models/independent-cascade.ts');
    expect(sources.filter(isZod)).toEqual([]);
    expect(sources.filter(isReader)).toEqual([]);
  });

  it('viralsim --help evaluates neither zod nor graphology', () => {
    const sources = list(evaluatedAtStart(meta, 'engine/cli/main.ts'));
    expect(sources).toContain('engine/cli/io.ts');
    expect(sources.filter(isZod)).toEqual([]);
    expect(sources.filter(isGraphology)).toEqual([]);
  });

  it('the run and sweep commands evaluate no graph-file reader until a scenario names a graph file', () => {
    for (const command of ['engine/cli/run.ts', 'engine/cli/sweep.ts']) {
      const sources = list(evaluatedAtStart(meta, command));
      expect(sources.some(isZod), command).toBe(true);
      expect(sources.filter(isReader), command).toEqual([]);
    }
    expect(list(evaluatedAtStart(meta, 'engine/cli/graph-loader.ts')).some(isReader)).toBe(true);
  });
});
