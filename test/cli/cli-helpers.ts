/**
 * Helpers for tests that run the built command line (built once by test/global-setup.ts, as
 * `npm install` does): run `node bin/viralsim.cjs …` synchronously or in the background, and make scratch folders.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What a finished CLI run printed and returned. */
export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Environment that leaves every run to the worker threads (the main thread only hands out tasks), so
 * a small job with `--threads N` (N ≥ 2) is really computed, and split, by N − 1 workers.
 */
export const WORKERS_ONLY: Record<string, string> = { VIRALSIM_MAIN_THREAD_WORKS: '0' };

/**
 * Runs `viralsim ...args` and waits for it. `env` is added to the environment; `nodeFlags` go to node
 * before the script (V8 tracing flags, for instance).
 */
export function viralsim(
  args: readonly string[],
  env: Record<string, string> = {},
  nodeFlags: readonly string[] = [],
): CliResult {
  const result = spawnSync('node', [...nodeFlags, 'bin/viralsim.cjs', ...args], {
    encoding: 'utf8',
    env: { ...cleanEnv(), ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs `viralsim ...args` without blocking this process (so it can serve a pipe the command reads);
 * kills it after `timeoutMs` (the result then has status null).
 */
export function viralsimAsync(
  args: readonly string[],
  timeoutMs: number,
  env: Record<string, string> = {},
): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn('node', ['bin/viralsim.cjs', ...args], { env: { ...cleanEnv(), ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Starts `viralsim ...args` in the background. */
export function viralsimInBackground(args: readonly string[]): ChildProcess {
  return spawn('node', ['bin/viralsim.cjs', ...args], { env: cleanEnv(), stdio: 'ignore' });
}

/**
 * The environment without scheduler variables that would shard a sweep by themselves, nor a code
 * cache switch, and with worker threads started at once (not after 50 ms), so `--threads 2` really
 * uses a worker. Also without NODE_EXTRA_CA_CERTS, which makes every Node process load a CA bundle
 * before it runs any JavaScript (about 37 ms a command where a proxy sets it, as in the development
 * sandbox); the command line opens no TLS connection.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, VIRALSIM_WORKER_DELAY_MS: '0' };
  for (const name of [
    'SLURM_ARRAY_TASK_ID',
    'SLURM_ARRAY_TASK_COUNT',
    'SLURM_ARRAY_TASK_MIN',
    'JOB_COMPLETION_INDEX',
    'VIRALSIM_CODE_CACHE',
    'NODE_EXTRA_CA_CERTS',
  ]) {
    delete env[name];
  }
  return env;
}

/** A fresh scratch folder. */
export function scratchFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `viralsim-${prefix}-`));
}

/** A small independent-cascade scenario for CLI tests (a few ms per run). */
export function smallScenario(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: 1,
    name: 'small cascade',
    description: 'A small independent cascade for command-line tests.',
    seed: 42,
    runs: 12,
    horizon: 50,
    network: { type: 'erdos-renyi', nodes: 400, meanDegree: 4 },
    model: { type: 'independent-cascade', probability: 0.3 },
    seeding: { strategy: 'random', count: 3 },
    ...overrides,
  };
}

/** Writes a scenario object as a file in `folder`; returns its path. */
export function writeScenario(folder: string, name: string, scenario: Record<string, unknown>): string {
  const path = join(folder, name);
  writeFileSync(path, `${JSON.stringify(scenario, null, 2)}\n`);
  return path;
}
