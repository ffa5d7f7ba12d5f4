#!/usr/bin/env node
// The whole check run behind `npm test`: type check, lint and format check, the CLI and Vite builds,
// then every test. Every step runs even when an earlier one fails, and the run ends with the plain
// line `N passed, N failed` (failed checks count as failures).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const resultsFile = '.vitest-results.json';
const extra = process.argv.slice(2);
const steps = [
  ['typecheck', 'npx', ['tsc', '-p', '.']],
  ['lint and format', 'npx', ['biome', 'ci', '--colors=off', '.']],
  ['cli build', 'node', ['scripts/build-cli.mjs']],
  ['web build', 'npx', ['vite', 'build', '--logLevel', 'warn']],
];
let failedChecks = 0;
for (const [name, command, args] of steps) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit' });
  const ok = result.status === 0;
  if (!ok) failedChecks++;
  console.log(`${name}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
rmSync(resultsFile, { force: true });
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...extra],
  { stdio: 'inherit' },
);
let passed = 0;
let failed = 0;
if (existsSync(resultsFile)) {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed = results.numPassedTests;
  failed = results.numFailedTests;
  // A suite that failed to load has no failed tests but must still fail the run.
  if (failed === 0 && vitest.status !== 0) failed = Math.max(1, results.numFailedTestSuites);
  rmSync(resultsFile, { force: true });
} else if (vitest.status !== 0) {
  failed = 1;
}
failed += failedChecks;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
