/**
 * `viralsim validate FILE…`: checks scenario files against the schema and reports every problem of
 * every file at once (exit 2 when any is invalid), or `FILE: ok` for each valid one.
 */
import { ViralsimError } from '../errors.js';
import { parseArgs } from './args.js';
import { CliExit } from './io.js';
import { readScenarioFile } from './scenario-file.js';

const USAGE = `usage: viralsim validate FILE...

Checks scenario files: every problem of every file, each with its JSON path. Exit 0 when all are
valid, 2 otherwise.
`;

/** The `validate` command. */
export async function validateCommand(args: readonly string[]): Promise<number> {
  const { positionals, isHelp } = parseArgs(args, {
    command: 'validate',
    flags: {},
    positionals: ['FILE'],
    isVariadic: true,
  });
  if (isHelp) {
    process.stdout.write(USAGE);
    return 0;
  }
  const failures: string[] = [];
  for (const path of positionals) {
    try {
      const { scenario } = readScenarioFile(path);
      process.stdout.write(`${path}: ok (${scenario.name})\n`);
    } catch (error) {
      if (!(error instanceof ViralsimError)) throw error;
      failures.push(error.message);
    }
  }
  if (failures.length > 0) throw new CliExit(2, failures.join('\nviralsim: '));
  return 0;
}
