/**
 * The `viralsim` command line: picks the command, runs it, and maps errors to exit codes
 * (0 success, 2 bad input with one message on stderr, 1 an internal fault).
 * Each command lives in its own module, loaded only when used so start-up stays fast.
 */
import { ViralsimError } from '../errors.js';
import { CliExit, warnToStderr } from './io.js';

/** A command takes its arguments (after the command name) and returns an exit code. */
type Command = (args: readonly string[]) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  run: {
    summary: 'run a scenario (Monte Carlo batch) and summarise its metrics',
    load: async () => (await import('./run.js')).runCommand,
  },
  sweep: {
    summary: 'run a scenario over a grid of parameter values (shardable, resumable)',
    load: async () => (await import('./sweep.js')).sweepCommand,
  },
  merge: {
    summary: "combine a sharded sweep's NDJSON files into the whole sweep",
    load: async () => (await import('./merge.js')).mergeCommand,
  },
  validate: {
    summary: 'check scenario files against the schema',
    load: async () => (await import('./validate.js')).validateCommand,
  },
  generate: {
    summary: 'generate a network from a spec (or convert a graph file) and write it',
    load: async () => (await import('./generate.js')).generateCommand,
  },
  inspect: {
    summary: 'print the statistics of a network spec or a graph file',
    load: async () => (await import('./inspect.js')).inspectCommand,
  },
};

const USAGE_HEAD = 'usage: viralsim <command> [options]\n\ncommands:\n';

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(10)} ${summary}`);
  return `${USAGE_HEAD}${lines.join('\n')}\n\nRun \`viralsim <command> --help\` for a command's options.`;
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    (name === undefined ? process.stderr : process.stdout).write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  warnToStderr();
  if (command === undefined) {
    process.stderr.write(`viralsim: unknown command ${JSON.stringify(name)}\n\n${usage()}\n`);
    return 2;
  }
  // A big run or sweep boots its worker threads while the command loads (see early-workers.ts).
  if (name === 'run' || name === 'sweep') (await import('./early-workers.js')).startWorkersEarly(name, rest);
  return (await command.load())(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CliExit) {
      if (error.message !== '') process.stderr.write(`viralsim: ${error.message}\n`);
      process.exitCode = error.code;
    } else if (error instanceof ViralsimError) {
      process.stderr.write(`viralsim: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(`viralsim: internal error (please report it): ${detail}\n`);
      process.exitCode = 1;
    }
  },
);
