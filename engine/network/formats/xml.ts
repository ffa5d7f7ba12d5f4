/**
 * XML plumbing for GEXF and GraphML: parsing with @xmldom/xmldom (pure JavaScript, so the same code
 * runs in Node and in the browser, and the same DOM classes graphology-gexf/-graphml check against),
 * with every well-formedness error turned into a GraphError that states the line and column; and
 * escaping for the writers.
 */
import { DOMParser } from '@xmldom/xmldom';
import { GraphError } from '../../errors.js';

/** The parsed document type the graphology parsers accept. */
export type XmlDocument = ReturnType<DOMParser['parseFromString']>;

const LOCATION = /@[^#]*#\[line:(\d+),col:(\d+)\]/;

function describeXmlProblem(message: string): string {
  const location = LOCATION.exec(message);
  const problem = message
    .replace(LOCATION, '')
    .replace(/^\[xmldom [a-zA-Z]+\]\s*/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return location === null ? problem : `line ${location[1]}, column ${location[2]}: ${problem}`;
}

/**
 * Parses `text` as XML whose root element is `rootName` (`gexf`, `graphml`). Throws a GraphError,
 * `place: line L, column C: malformed XML: …`, on the first well-formedness error, and one naming
 * the root found when it is not the expected one. O(length of text).
 */
export function parseXml(text: string, place: string, rootName: string): XmlDocument {
  if (text.trim() === '') throw new GraphError(`${place}: expected an XML document, got an empty file`);
  checkWellFormed(text, place);
  let firstProblem: string | null = null;
  const record = (message: unknown) => {
    if (firstProblem === null) firstProblem = describeXmlProblem(String(message));
  };
  const parser = new DOMParser({
    locator: {},
    errorHandler: { warning: () => {}, error: record, fatalError: record },
  });
  let document: XmlDocument | undefined;
  try {
    document = parser.parseFromString(text, 'application/xml');
  } catch (error) {
    record(error instanceof Error ? error.message : String(error));
  }
  if (firstProblem !== null || document === undefined) {
    throw new GraphError(`${place}: malformed XML: ${firstProblem ?? 'no document'}`);
  }
  const root = document.documentElement;
  if (root === null || root === undefined) {
    throw new GraphError(
      `${place}: expected an XML document with a <${rootName}> root element, got no element`,
    );
  }
  const name = root.localName ?? root.nodeName;
  if (name !== rootName) {
    throw new GraphError(`${place}: expected a <${rootName}> root element, got <${root.nodeName}>`);
  }
  if (document.getElementsByTagName('graph').length === 0) {
    throw new GraphError(`${place}: expected a <graph> element inside <${rootName}>, got none`);
  }
  return document;
}

/** `line L, column C` (1-based) of offset `at` in `text`. O(at); called only to report an error. */
function locate(text: string, at: number): string {
  let line = 1;
  let lineStart = 0;
  for (let next = text.indexOf('\n'); next !== -1 && next < at; next = text.indexOf('\n', next + 1)) {
    line++;
    lineStart = next + 1;
  }
  return `line ${line}, column ${at - lineStart + 1}`;
}

const NAME = /^[^\s/>]+/;

/**
 * Checks that the tags of `text` nest properly (xmldom 0.8 accepts unclosed and mismatched tags
 * silently): comments, CDATA, processing instructions and the doctype are skipped; every end tag must
 * close the innermost open element; nothing but whitespace may sit outside the one root element.
 * Throws a GraphError with the line and column of the first problem. O(length of text).
 */
function checkWellFormed(text: string, place: string): void {
  const open: { name: string; at: number }[] = [];
  let roots = 0;
  const fail = (at: number, problem: string): never => {
    throw new GraphError(`${place}: malformed XML: ${locate(text, at)}: ${problem}`);
  };
  const skipTo = (from: number, terminator: string, what: string): number => {
    const end = text.indexOf(terminator, from);
    if (end === -1) fail(from, `${what} is never closed with ${terminator}`);
    return end + terminator.length;
  };
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const textEnd = lt === -1 ? text.length : lt;
    if (open.length === 0 && text.slice(i, textEnd).trim() !== '') {
      const found = text.slice(i, textEnd).trim().slice(0, 30);
      fail(i + text.slice(i, textEnd).search(/\S/), `expected an element, got text ${JSON.stringify(found)}`);
    }
    if (lt === -1) break;
    if (text.startsWith('<!--', lt)) i = skipTo(lt + 4, '-->', 'a comment');
    else if (text.startsWith('<![CDATA[', lt)) i = skipTo(lt + 9, ']]>', 'a CDATA section');
    else if (text.startsWith('<?', lt)) i = skipTo(lt + 2, '?>', 'a processing instruction');
    else if (text.startsWith('<!', lt)) i = skipTo(lt + 2, '>', 'a declaration');
    else {
      const end = tagEnd(text, lt + 1);
      if (end === -1) fail(lt, `the tag ${JSON.stringify(text.slice(lt, lt + 30))} is never closed with >`);
      const isEnd = text.charCodeAt(lt + 1) === 47; /* / */
      const name = NAME.exec(text.slice(isEnd ? lt + 2 : lt + 1, end))?.[0];
      if (name === undefined)
        fail(lt, `expected a tag name after <, got ${JSON.stringify(text.slice(lt, lt + 10))}`);
      if (isEnd) {
        const top = open.pop();
        if (top === undefined) fail(lt, `unexpected end tag </${name}>`);
        else if (top.name !== name)
          fail(lt, `expected </${top.name}> (opened at ${locate(text, top.at)}), got </${name}>`);
      } else if (text.charCodeAt(end - 1) !== 47 /* / */) {
        if (open.length === 0 && roots++ > 0) fail(lt, `expected one root element, got a second <${name}>`);
        open.push({ name: name as string, at: lt });
      } else if (open.length === 0 && roots++ > 0) {
        fail(lt, `expected one root element, got a second <${name}>`);
      }
      i = end + 1;
    }
  }
  const unclosed = open.pop();
  if (unclosed !== undefined)
    fail(text.length, `<${unclosed.name}> (opened at ${locate(text, unclosed.at)}) is never closed`);
}

/** The index of the `>` closing the tag that starts at `from`, skipping quoted values; -1 if none. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
    else if (c === 60) return -1;
  }
  return -1;
}

function lineOf(element: unknown): string {
  const line = (element as { lineNumber?: unknown }).lineNumber;
  return typeof line === 'number' ? `line ${line}: ` : '';
}

/**
 * Checks the graph structure graphology's parsers would reject with vaguer messages: every <node> has
 * a non-empty `id` seen only once, and every <edge> names a `source` and a `target` that are nodes.
 * Throws a GraphError naming the line and the id. O(nodes + edges).
 */
export function checkGraphElements(document: XmlDocument, place: string): void {
  const ids = new Set<string>();
  const nodes = document.getElementsByTagName('node');
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes.item(i);
    if (node === null) continue;
    const id = node.getAttribute('id');
    if (id === null || id === '') {
      throw new GraphError(`${place}: ${lineOf(node)}<node>: expected an id attribute, got none`);
    }
    if (ids.has(id)) {
      throw new GraphError(
        `${place}: ${lineOf(node)}<node>: expected unique ids, got ${JSON.stringify(id)} twice`,
      );
    }
    ids.add(id);
  }
  const edges = document.getElementsByTagName('edge');
  for (let i = 0; i < edges.length; i++) {
    const edge = edges.item(i);
    if (edge === null) continue;
    for (const end of ['source', 'target']) {
      const id = edge.getAttribute(end);
      if (id === null || !ids.has(id)) {
        const found = id === null ? 'none' : `${JSON.stringify(id)}, which is not a node`;
        throw new GraphError(`${place}: ${lineOf(edge)}<edge>: ${end}: expected a node id, got ${found}`);
      }
    }
  }
}

/** A graphology parser error as a viralsim message: its own prefix and advice dropped. */
function parserProblem(place: string, error: unknown): GraphError {
  const message = error instanceof Error ? error.message : String(error);
  const problem = message.replace(/^graphology-[a-z]+\/parser:\s*/i, '').replace(/\s*Set the parser .*$/, '');
  return new GraphError(`${place}: ${problem}`);
}

/**
 * Runs a graphology XML parser (graphology-gexf's or graphology-graphml's `parse`) on the checked
 * `document`, turning its errors into GraphErrors. A bundler that loads two copies of @xmldom/xmldom
 * gives the parser another Document class, which it refuses; the text, already checked well-formed,
 * is then handed over for the parser's own copy to read. O(length of text).
 */
export function runGraphologyParser<T>(
  place: string,
  document: XmlDocument,
  text: string,
  parse: (source: Document | string) => T,
): T {
  try {
    try {
      return parse(document as unknown as Document);
    } catch (error) {
      if (error instanceof Error && /should either be a XML document/.test(error.message)) return parse(text);
      throw error;
    }
  } catch (error) {
    throw parserProblem(place, error);
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/**
 * Escapes text for an XML attribute value or element content. Control characters XML 1.0 cannot
 * hold are refused by the writers before they get here. O(length).
 */
export function escapeXml(text: string): string {
  return /[&<>"']/.test(text) ? text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string) : text;
}

/** True when `text` holds a character XML 1.0 cannot represent (most C0 controls). */
export function hasXmlIllegalCharacter(text: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: this detects exactly those characters.
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text);
}
