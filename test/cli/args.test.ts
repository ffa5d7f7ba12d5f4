import { describe, expect, it } from 'vitest';
import { parseArgs, parseChoiceFlag, parseIntegerFlag } from '../../engine/cli/args.js';
import { OptionsError } from '../../engine/errors.js';

const SPEC = {
  command: 'demo',
  flags: {
    out: { kind: 'string' },
    set: { kind: 'string', isRepeatable: true },
    directed: { kind: 'boolean' },
  },
  positionals: ['FILE'],
} as const;

function problem(args: readonly string[], spec: Parameters<typeof parseArgs>[1] = SPEC): string {
  try {
    parseArgs(args, spec);
  } catch (error) {
    expect(error).toBeInstanceOf(OptionsError);
    return (error as Error).message;
  }
  throw new Error('expected an OptionsError');
}

describe('parseArgs', () => {
  it('parseArgs(--flag value, --flag=value, repeats, booleans) returns typed values and positionals in order', () => {
    const parsed = parseArgs(['a.json', '--out', 'x.txt', '--set=a=1', '--directed', '--set', 'b=2'], SPEC);
    expect(parsed.flags).toEqual({ out: 'x.txt', set: ['a=1', 'b=2'], directed: true });
    expect(parsed.positionals).toEqual(['a.json']);
    expect(parsed.isHelp).toBe(false);
  });

  it('parseArgs(no flags) gives the defaults: undefined, [] and false', () => {
    expect(parseArgs(['f'], SPEC).flags).toEqual({ out: undefined, set: [], directed: false });
  });

  it('parseArgs(--directed=false, a value starting with one dash, --) accepts them', () => {
    const parsed = parseArgs(['--directed=false', '--out', '-3', '--', '--not-a-flag'], SPEC);
    expect(parsed.flags.directed).toBe(false);
    expect(parsed.flags.out).toBe('-3');
    expect(parsed.positionals).toEqual(['--not-a-flag']);
  });

  it('parseArgs(--help) reports help and skips the positional check', () => {
    expect(parseArgs(['--help'], SPEC).isHelp).toBe(true);
    expect(parseArgs(['-h', 'x', 'y'], SPEC).isHelp).toBe(true);
  });

  it('parseArgs(an unknown flag) names it and lists the known ones', () => {
    expect(problem(['f', '--outt', 'x'])).toBe(
      'viralsim demo: unknown flag --outt; expected one of --out, --set, --directed, --help, got "--outt"',
    );
    expect(problem(['f', '-o', 'x'])).toMatch(/unknown flag -o; flags are spelled with two dashes/);
  });

  it('parseArgs(a missing value) names the flag and what came instead', () => {
    expect(problem(['f', '--out'])).toBe(
      'viralsim demo: --out: expected a value, got the end of the command',
    );
    expect(problem(['f', '--out', '--directed'])).toBe(
      'viralsim demo: --out: expected a value, got the flag --directed',
    );
  });

  it('parseArgs(a single-use flag twice, a bad boolean) refuses them', () => {
    expect(problem(['f', '--out', 'a', '--out=b'])).toBe(
      'viralsim demo: --out given twice; expected it at most once',
    );
    expect(problem(['f', '--directed=yes'])).toMatch(
      /--directed: expected no value \(or true\/false\), got "yes"/,
    );
  });

  it('parseArgs(too few or too many positionals) names the missing argument or the extra one', () => {
    expect(problem([])).toMatch(/^viralsim demo: missing FILE argument/);
    expect(problem(['a', 'b'])).toMatch(/^viralsim demo: unexpected argument "b"; expected FILE/);
    const variadic = { ...SPEC, isVariadic: true };
    expect(parseArgs(['a', 'b', 'c'], variadic).positionals).toEqual(['a', 'b', 'c']);
  });
});

describe('parseIntegerFlag and parseChoiceFlag', () => {
  it('parseIntegerFlag(text) reads whole numbers in range and names the flag otherwise', () => {
    expect(parseIntegerFlag('seed', '-12')).toBe(-12);
    expect(() => parseIntegerFlag('seed', '1.5')).toThrow('--seed: expected a whole number, got "1.5"');
    expect(() => parseIntegerFlag('runs', '0', 1)).toThrow('--runs: expected a whole number >= 1, got 0');
    expect(() => parseIntegerFlag('threads', '9', 1, 8)).toThrow(
      '--threads: expected a whole number in 1..8, got 9',
    );
  });

  it('parseChoiceFlag(text, choices) accepts a listed value and lists them otherwise', () => {
    expect(parseChoiceFlag('format', 'json', ['table', 'json'])).toBe('json');
    expect(() => parseChoiceFlag('format', 'xml', ['table', 'json'])).toThrow(
      '--format: expected one of table, json, got "xml"',
    );
  });
});
