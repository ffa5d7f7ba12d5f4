import { afterEach, describe, expect, it } from 'vitest';
import { GraphError } from '../../../engine/errors.js';
import { readGraph } from '../../../engine/network/formats/graph-file.js';
import type { GraphFormat } from '../../../engine/network/spec.js';
import { resetWarnings } from '../../../engine/warn.js';
import { fixture } from './fixtures.js';

afterEach(() => resetWarnings());

/** The GraphError message readGraph throws for `text`, failing the test when it does not throw one. */
function problem(text: string, format: GraphFormat, place = 'g'): string {
  try {
    readGraph(text, format, { place });
  } catch (error) {
    expect(error).toBeInstanceOf(GraphError);
    return (error as Error).message;
  }
  throw new Error('expected a GraphError');
}

describe('readGraph(edge list) on bad input', () => {
  it('readGraph(bad-line.txt) names line 7 and shows the line', () => {
    expect(problem(fixture('bad-line.txt'), 'edgelist', 'bad-line.txt')).toBe(
      'bad-line.txt: line 7: expected "source target [weight]", got "a"',
    );
  });

  it('readGraph(a line with four columns) names the line', () => {
    expect(problem('a b 1\nb c 1 extra\n', 'edgelist')).toBe(
      'g: line 2: expected "source target [weight]", got "b c 1 extra"',
    );
  });

  it('readGraph(bad-weight.csv) says the weight is not a finite number', () => {
    expect(problem(fixture('bad-weight.csv'), 'edgelist', 'bad-weight.csv')).toMatch(
      /^bad-weight\.csv: line 2: weight: expected a finite number, got "heavy" in "b,c,heavy"$/,
    );
  });

  it('readGraph(a weight of Infinity or NaN) refuses it rather than coercing', () => {
    expect(problem('a b Infinity\n', 'edgelist')).toMatch(
      /line 1: weight: expected a finite number, got "Infinity"/,
    );
    expect(problem('a b 1\nb c NaN\n', 'edgelist')).toMatch(/line 2: weight: expected a finite number/);
  });

  it('readGraph(a csv header with a weight column) hints that the header should be a comment', () => {
    expect(problem('source,target,weight\na,b,1\n', 'edgelist')).toMatch(
      /a header line\? comment it out with #/,
    );
  });

  it('readGraph(weighted and unweighted lines mixed) names the line and the first edge line', () => {
    expect(problem('# c\na b\nb c 2\n', 'edgelist')).toBe(
      'g: line 3: expected 2 columns like line 2, got 3 in "b c 2"',
    );
  });
});

describe('readGraph(GEXF, GraphML) on bad input', () => {
  it('readGraph(unclosed.gexf) reports malformed XML with the line of the unclosed element', () => {
    expect(problem(fixture('unclosed.gexf'), 'gexf', 'unclosed.gexf')).toBe(
      'unclosed.gexf: malformed XML: line 7, column 5: expected </node> (opened at line 6, column 7), got </nodes>',
    );
  });

  it('readGraph(an unterminated attribute value) reports the line and column of the tag', () => {
    const text = '<gexf>\n<graph>\n<nodes><node id="a" label="x></nodes></graph></gexf>';
    expect(problem(text, 'gexf')).toMatch(/^g: malformed XML: line 3, column 8: the tag "<node id=/);
  });

  it('readGraph(text that is not XML, or empty) says what was expected', () => {
    expect(problem('hello', 'graphml')).toBe(
      'g: malformed XML: line 1, column 1: expected an element, got text "hello"',
    );
    expect(problem('  \n', 'gexf')).toBe('g: expected an XML document, got an empty file');
  });

  it('readGraph(a GraphML file read as GEXF) names the root element found', () => {
    expect(problem(fixture('follows.graphml'), 'gexf')).toBe(
      'g: expected a <gexf> root element, got <graphml>',
    );
  });

  it('readGraph(a document without <graph>) says so', () => {
    expect(problem('<graphml></graphml>', 'graphml')).toBe(
      'g: expected a <graph> element inside <graphml>, got none',
    );
  });

  it('readGraph(missing-node.graphml) names the line and the missing node', () => {
    expect(problem(fixture('missing-node.graphml'), 'graphml', 'missing-node.graphml')).toBe(
      'missing-node.graphml: line 6: <edge>: target: expected a node id, got "ghost", which is not a node',
    );
  });

  it('readGraph(a repeated node id) names the line and the id', () => {
    const text = '<gexf><graph><nodes>\n<node id="a"/>\n<node id="a"/>\n</nodes></graph></gexf>';
    expect(problem(text, 'gexf')).toBe('g: line 3: <node>: expected unique ids, got "a" twice');
  });

  it('readGraph(a non-numeric GEXF weight) names the edge', () => {
    const text =
      '<gexf><graph><nodes><node id="a"/><node id="b"/></nodes>' +
      '<edges><edge id="0" source="a" target="b" weight="heavy"/></edges></graph></gexf>';
    expect(problem(text, 'gexf')).toBe('g: edge "a" -> "b": weight: expected a finite number, got NaN');
  });

  it('readGraph(a segment on some nodes only) names the first node without one', () => {
    const text =
      '<graphml><key id="s" for="node" attr.name="segment"/><graph edgedefault="undirected">' +
      '<node id="a"><data key="s">x</data></node><node id="b"/></graph></graphml>';
    expect(problem(text, 'graphml')).toMatch(/^g: node "b": segment: missing, but other nodes have one/);
  });
});

describe('readGraph(graphology JSON) on bad input', () => {
  it('readGraph(malformed.json) reports the line and column of the syntax error', () => {
    expect(problem(fixture('malformed.json'), 'json', 'malformed.json')).toBe(
      'malformed.json: malformed JSON: line 4, column 3: expected a value, got "]"',
    );
    expect(problem('{"nodes": [], "edges": [] ', 'json')).toBe(
      'g: malformed JSON: line 1, column 27: expected "," or "}", got the end of the text',
    );
    expect(problem('{"nodes": [] "edges": []}', 'json')).toMatch(
      /column 14: expected "," or "}", got "\\"edges/,
    );
    expect(problem('{nodes: []}', 'json')).toMatch(/column 2: expected a double-quoted property name/);
    expect(problem('{"a": "\\x"}', 'json')).toMatch(/column 9: expected a valid escape/);
    expect(problem('[1, 2] 3', 'json')).toMatch(
      /column 8: expected the end of the text after the JSON value/,
    );
  });

  it('readGraph(JSON without nodes) names the missing array', () => {
    expect(problem('{"edges": []}', 'json')).toBe('g: nodes: expected an array, got nothing');
  });

  it('readGraph(an edge to an unknown key) names the JSON path and the key', () => {
    expect(problem('{"nodes":[{"key":"a"}],"edges":[{"source":"a","target":"b"}]}', 'json')).toBe(
      'g: edges[0].target: expected a node key, got "b", which is not a node',
    );
  });

  it('readGraph(a node key that is not a string) names the JSON path', () => {
    expect(problem('{"nodes":[{"key":null}]}', 'json')).toBe(
      'g: nodes[0].key: expected a string or number, got null',
    );
  });

  it('readGraph(a string weight) refuses it rather than coercing', () => {
    const text =
      '{"nodes":[{"key":"a"},{"key":"b"}],"edges":[{"source":"a","target":"b","attributes":{"weight":"2"}}]}';
    expect(problem(text, 'json')).toBe('g: edges[0].attributes.weight: expected a finite number, got "2"');
  });

  it('readGraph(a community that is not a whole number) names the node', () => {
    const text = '{"nodes":[{"key":"a","attributes":{"community":1.5}}]}';
    expect(problem(text, 'json')).toBe('g: node "a": community: expected a whole number, got 1.5');
  });
});
