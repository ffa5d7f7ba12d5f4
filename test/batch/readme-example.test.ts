/**
 * The README's "Library API" example is runnable: the test takes the exact code block, bundles it
 * with esbuild as the README says, runs it with node and checks what it prints.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

function libraryExample(): string {
  const readme = readFileSync('README.md', 'utf8');
  const section = readme.slice(readme.indexOf('## Library API'));
  const match = /```ts\n([\s\S]*?)```/.exec(section);
  if (match === null) throw new Error('README.md: no ```ts block in the Library API section');
  return match[1] as string;
}

describe('the README library example', () => {
  it('the README Library API example bundles, runs and prints the mean reach and the viral share', async () => {
    // The example lives at the repository root; rebase its imports for a file in dist/readme-example/.
    const code = libraryExample().replaceAll("'./engine/", "'../../engine/");
    mkdirSync('dist/readme-example', { recursive: true });
    writeFileSync('dist/readme-example/example.ts', code);
    await build({
      entryPoints: ['dist/readme-example/example.ts'],
      outfile: 'dist/readme-example/example.mjs',
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      logLevel: 'silent',
    });
    const result = spawnSync('node', ['dist/readme-example/example.mjs'], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^mean reach \d+\.\d \(95% CI \d+\.\d to \d+\.\d\)$/);
    const viral = Number(/^(\d+) of 100 cascades went viral$/.exec(lines[1] ?? '')?.[1]);
    // Above the threshold (c·p = 1.6) about 64% of single-seed cascades go viral (THEORY.md: P(large) = S).
    expect(viral).toBeGreaterThan(40);
    expect(viral).toBeLessThan(85);
  });
});
