// The environment for timing or training the command line: the caller's, without the variables that
// change what a command does or how Node itself starts. A scheduler's shard variables and
// VIRALSIM_* change what a sweep does; NODE_OPTIONS can add V8 flags (which also make V8 reject the
// code cache); NODE_EXTRA_CA_CERTS makes Node load and parse a CA bundle before any JavaScript runs
// (about 37 ms a process where a proxy sets it, as in the development sandbox; the command line opens
// no TLS connection). Used by scripts/build-cli.mjs (code cache training) and the sweep benchmark.

/** Names of the variables {@link startupEnv} leaves out. */
export const STARTUP_VARIABLES =
  /^(VIRALSIM_|SLURM_ARRAY_|JOB_COMPLETION_INDEX$|NODE_OPTIONS$|NODE_EXTRA_CA_CERTS$)/;

/** `env` without the {@link STARTUP_VARIABLES}. */
export function startupEnv(env = process.env) {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !STARTUP_VARIABLES.test(name)));
}
