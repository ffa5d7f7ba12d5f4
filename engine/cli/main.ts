/**
 * The `viralsim` command line: parses the command, runs it, and maps errors to exit codes
 * (0 success, 2 bad input with one message on stderr, 1 internal fault).
 */
import { ViralsimError } from '../errors.js';

const USAGE = `usage: viralsim <command> [options]

commands:
  run FILE        run a scenario
  sweep FILE      run a scenario over a grid of parameter values
  merge FILES     combine sweep shard files
  validate FILE   check a scenario file
  generate SPEC   write a generated network to a file
  inspect SPEC|FILE  print a network's statistics`;

async function main(argv: readonly string[]): Promise<number> {
  const [command] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  process.stderr.write(`viralsim: unknown command ${JSON.stringify(command)}\n\n${USAGE}\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ViralsimError) {
      process.stderr.write(`viralsim: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(
        `viralsim: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 1;
    }
  },
);
