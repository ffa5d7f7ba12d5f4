/**
 * JSON text with messages users can act on: {@link parseJsonText} parses with `JSON.parse` and, only
 * when that fails, finds the first syntax error itself (the runtime's message gives no position for
 * most errors) to report `place: malformed JSON: line L, column C: expected …, got …`.
 */
import { GraphError } from '../../errors.js';

/** The first syntax error of `text`: its offset and what was expected there. */
interface SyntaxProblem {
  at: number;
  expected: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

class JsonScanner {
  i = 0;
  constructor(readonly text: string) {}

  fail(expected: string): never {
    throw { at: this.i, expected } satisfies SyntaxProblem;
  }

  skipWhitespace(): void {
    WHITESPACE.lastIndex = this.i;
    WHITESPACE.exec(this.text);
    this.i = WHITESPACE.lastIndex;
  }

  value(): void {
    this.skipWhitespace();
    const c = this.text[this.i];
    if (c === '{') this.container('}', true);
    else if (c === '[') this.container(']', false);
    else if (c === '"') this.string();
    else if (c === 't' || c === 'f' || c === 'n') this.literal();
    else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) this.number();
    else this.fail('a value');
  }

  container(close: string, isObject: boolean): void {
    this.i++;
    this.skipWhitespace();
    if (this.text[this.i] === close) {
      this.i++;
      return;
    }
    for (;;) {
      if (isObject) {
        this.skipWhitespace();
        if (this.text[this.i] !== '"') this.fail('a double-quoted property name');
        this.string();
        this.skipWhitespace();
        if (this.text[this.i] !== ':') this.fail('":"');
        this.i++;
      }
      this.value();
      this.skipWhitespace();
      const c = this.text[this.i];
      if (c === close) {
        this.i++;
        return;
      }
      if (c !== ',') this.fail(`"," or "${close}"`);
      this.i++;
    }
  }

  string(): void {
    this.i++;
    for (;;) {
      const c = this.text.charCodeAt(this.i);
      if (Number.isNaN(c)) this.fail('a closing double quote');
      if (c === 34) break;
      if (c < 32) this.fail('no control character inside a string (escape it)');
      if (c === 92) {
        const next = this.text[this.i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.i + 2, this.i + 6))) {
            this.i += 2;
            this.fail('four hexadecimal digits');
          }
          this.i += 5;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) this.i++;
        else {
          this.i++;
          this.fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
        }
      }
      this.i++;
    }
    this.i++;
  }

  literal(): void {
    for (const word of ['true', 'false', 'null']) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return;
      }
    }
    this.fail('a value');
  }

  number(): void {
    NUMBER.lastIndex = this.i;
    if (NUMBER.exec(this.text) === null) this.fail('a number');
    this.i = NUMBER.lastIndex;
  }
}

/** Finds the first syntax error of `text`, or null when it is valid JSON. O(length). */
function findSyntaxProblem(text: string): SyntaxProblem | null {
  const scanner = new JsonScanner(text);
  try {
    scanner.value();
    scanner.skipWhitespace();
    if (scanner.i < text.length) scanner.fail('the end of the text after the JSON value');
    return null;
  } catch (problem) {
    if (problem instanceof RangeError) return null;
    return problem as SyntaxProblem;
  }
}

/** `line L, column C` (1-based) of offset `at` in `text`. O(at). */
export function lineAndColumn(text: string, at: number): string {
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return `line ${line}, column ${at - before.lastIndexOf('\n')}`;
}

function shownAt(text: string, at: number): string {
  if (at >= text.length) return 'the end of the text';
  const rest = text.slice(at, at + 12).split('\n')[0] as string;
  return JSON.stringify(rest);
}

/**
 * Parses JSON text; on a syntax error throws a GraphError
 * `place: malformed JSON: line L, column C: expected …, got "…"`. O(length of text).
 */
export function parseJsonText(text: string, place: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const problem = findSyntaxProblem(text);
    if (problem === null) {
      const message = error instanceof Error ? error.message : String(error);
      throw new GraphError(`${place}: malformed JSON: ${message}`);
    }
    throw new GraphError(
      `${place}: malformed JSON: ${lineAndColumn(text, problem.at)}: expected ${problem.expected}, got ` +
        `${shownAt(text, problem.at)}`,
    );
  }
}
