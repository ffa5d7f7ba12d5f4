/**
 * Vitest global setup: builds the command line (dist/cli) once before any test file runs, so the
 * CLI tests, which run in parallel, never see a bundle being rewritten under them.
 */
import { spawnSync } from 'node:child_process';

export default function setup(): void {
  const result = spawnSync('node', ['scripts/build-cli.mjs'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`CLI build failed: ${result.stderr}`);
}
