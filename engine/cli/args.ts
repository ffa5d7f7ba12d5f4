/**
 * The command-line flag parser every command shares. A command declares its flags once (name, kind,
 * whether it may repeat) and its positional arguments by name; the parser returns a typed result or
 * throws an OptionsError naming the command and the flag.
 *
 * Accepted forms: `--flag value`, `--flag=value`, booleans as `--flag` (or `--flag=true|false`),
 * repeatable flags collected in order, `-h`/`--help` everywhere, and `--` to end the flags (what
 * follows is positional even when it starts with a dash). A value may start with one dash (`--seed -3`),
 * never with two (`--out --format` is a missing value). Unknown flags, missing values, repeats of a
 * single flag and the wrong number of positionals are errors.
 */
import { OptionsError } from '../errors.js';

/** How one flag is written: a value (`string`) or a switch (`boolean`); `isRepeatable` collects every use. */
export interface FlagSpec {
  readonly kind: 'string' | 'boolean';
  readonly isRepeatable?: boolean;
}

/** The flags of a command, keyed by name without the dashes (`out` for `--out`). */
export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

/** The parsed value of one flag: `string[]` when repeatable, `string | undefined` or `boolean` otherwise. */
export type FlagValue<S extends FlagSpec> = S['kind'] extends 'boolean'
  ? boolean
  : S['isRepeatable'] extends true
    ? string[]
    : string | undefined;

/** What {@link parseArgs} returns. */
export interface ParsedArgs<F extends FlagSpecs> {
  /** One entry per declared flag (booleans default to false, repeatables to []). */
  readonly flags: { [K in keyof F]: FlagValue<F[K]> };
  /** Positional arguments in order. */
  readonly positionals: string[];
  /** True when `-h` or `--help` was given; the other checks are then skipped. */
  readonly isHelp: boolean;
}

/** A command's argument grammar. */
export interface ArgsSpec<F extends FlagSpecs> {
  /** The command name, for messages (`generate`). */
  readonly command: string;
  readonly flags: F;
  /** Names of the required positionals in order (`['SPEC']`), for messages. Default none. */
  readonly positionals?: readonly string[];
  /** When true the last positional takes one or more values (`merge FILE...`). */
  readonly isVariadic?: boolean;
}

function knownFlags(flags: FlagSpecs): string {
  return [...Object.keys(flags).map((name) => `--${name}`), '--help'].join(', ');
}

/**
 * Parses `args` (the words after the command name) against `spec`. Throws an OptionsError for an
 * unknown flag (listing the known ones), a missing value, a single-use flag given twice, a boolean
 * given a value other than true/false, or too few or too many positionals. O(number of words).
 */
export function parseArgs<const F extends FlagSpecs>(
  args: readonly string[],
  spec: ArgsSpec<F>,
): ParsedArgs<F> {
  const place = `viralsim ${spec.command}`;
  const values: Record<string, string | string[] | boolean | undefined> = {};
  for (const [name, flag] of Object.entries(spec.flags)) {
    values[name] = flag.kind === 'boolean' ? false : flag.isRepeatable === true ? [] : undefined;
  }
  const seen = new Set<string>();
  const positionals: string[] = [];
  let isHelp = false;
  let i = 0;
  for (; i < args.length; i++) {
    const word = args[i] as string;
    if (word === '--') {
      i++;
      break;
    }
    if (word === '-h' || word === '--help') {
      isHelp = true;
      continue;
    }
    if (!word.startsWith('--')) {
      if (word.startsWith('-') && word.length > 1 && !/^-\d/.test(word)) {
        throw new OptionsError(
          `${place}: unknown flag ${word}; flags are spelled with two dashes (known: ${knownFlags(spec.flags)})`,
        );
      }
      positionals.push(word);
      continue;
    }
    const equals = word.indexOf('=');
    const name = word.slice(2, equals === -1 ? undefined : equals);
    const inline = equals === -1 ? undefined : word.slice(equals + 1);
    const flag = Object.hasOwn(spec.flags, name) ? spec.flags[name] : undefined;
    if (flag === undefined) {
      throw new OptionsError(
        `${place}: unknown flag --${name}; expected one of ${knownFlags(spec.flags)}, got ${JSON.stringify(word)}`,
      );
    }
    if (seen.has(name) && flag.isRepeatable !== true) {
      throw new OptionsError(`${place}: --${name} given twice; expected it at most once`);
    }
    seen.add(name);
    if (flag.kind === 'boolean') {
      if (inline === undefined || inline === 'true') values[name] = true;
      else if (inline === 'false') values[name] = false;
      else {
        throw new OptionsError(
          `${place}: --${name}: expected no value (or true/false), got ${JSON.stringify(inline)}`,
        );
      }
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = args[i + 1];
      if (next === undefined || (next.startsWith('--') && next.length > 2)) {
        const found = next === undefined ? 'the end of the command' : `the flag ${next}`;
        throw new OptionsError(`${place}: --${name}: expected a value, got ${found}`);
      }
      value = next;
      i++;
    }
    if (flag.isRepeatable === true) (values[name] as string[]).push(value);
    else values[name] = value;
  }
  for (; i < args.length; i++) positionals.push(args[i] as string);
  if (!isHelp) checkPositionals(place, positionals, spec.positionals ?? [], spec.isVariadic === true);
  return { flags: values as ParsedArgs<F>['flags'], positionals, isHelp };
}

function checkPositionals(
  place: string,
  found: readonly string[],
  names: readonly string[],
  isVariadic: boolean,
) {
  if (found.length < names.length) {
    const missing = names.slice(found.length).join(' ');
    throw new OptionsError(`${place}: missing ${missing} argument; run \`${place} --help\` for usage`);
  }
  if (found.length > names.length && !isVariadic) {
    const extra = found[names.length] as string;
    throw new OptionsError(
      `${place}: unexpected argument ${JSON.stringify(extra)}; expected ${names.length === 0 ? 'no arguments' : names.join(' ')} ` +
        `(quote an inline JSON spec as one argument)`,
    );
  }
}

/**
 * Reads an integer flag value within [min, max]. Throws an OptionsError naming the flag when the
 * text is not a whole number in range (`--seed: expected a whole number, got "abc"`).
 */
export function parseIntegerFlag(
  flag: string,
  text: string,
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
): number {
  const value = /^[+-]?\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value)) {
    throw new OptionsError(`--${flag}: expected a whole number, got ${JSON.stringify(text)}`);
  }
  if (value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in ${min}..${max}`;
    throw new OptionsError(`--${flag}: expected a whole number ${range}, got ${value}`);
  }
  return value;
}

/** Reads a flag value that must be one of `choices`; throws an OptionsError listing them. */
export function parseChoiceFlag<const C extends string>(
  flag: string,
  text: string,
  choices: readonly C[],
): C {
  if ((choices as readonly string[]).includes(text)) return text as C;
  throw new OptionsError(`--${flag}: expected one of ${choices.join(', ')}, got ${JSON.stringify(text)}`);
}
