/**
 * The network spec: the scenario's `network` object, one schema (zod) from which the type, the
 * validator and the JSON Schema come. Cross-field rules (m < nodes, k < nodes…) are checked here too,
 * so every problem is reported with its path before anything is generated.
 */
import * as z from 'zod';
import { parseWith } from '../scenario/problems.js';

const nodes = z.number().int().min(1).describe('Number of people (nodes).');
const probability = z.number().min(0).max(1);
const common = {
  directed: z
    .boolean()
    .optional()
    .describe(
      'Store arcs one way (a follows b) instead of both ways. Default false (follower: always true).',
    ),
  resample: z
    .boolean()
    .optional()
    .describe('Build a fresh network for every run (from the run stream) instead of once per scenario.'),
};

/** Formats a graph file can be read from and written to. */
export const GRAPH_FORMATS = ['edgelist', 'gexf', 'graphml', 'json'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export const networkSpecSchema = z
  .discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('erdos-renyi'),
      nodes,
      meanDegree: z
        .number()
        .min(0)
        .describe('Expected number of neighbours per person (arcs out per person when directed).'),
      ...common,
    }),
    z.strictObject({
      type: z.literal('barabasi-albert'),
      nodes,
      m: z.number().int().min(1).describe('Edges each newcomer attaches by preferential attachment.'),
      ...common,
    }),
    z.strictObject({
      type: z.literal('watts-strogatz'),
      nodes,
      k: z
        .number()
        .int()
        .min(2)
        .multipleOf(2)
        .describe('Neighbours per person in the starting ring lattice (even).'),
      beta: probability.describe('Chance that each lattice edge is rewired to a random person.'),
      ...common,
    }),
    z.strictObject({
      type: z.literal('holme-kim'),
      nodes,
      m: z.number().int().min(1).describe('Edges each newcomer attaches.'),
      triad: probability.describe('Chance that each further edge closes a triangle (raises clustering).'),
      ...common,
    }),
    z.strictObject({
      type: z.literal('stochastic-block'),
      sizes: z.array(z.number().int().min(1)).min(1).describe('People per community (block).'),
      pIn: probability.describe('Edge probability between two people of the same block.'),
      pOut: probability.describe('Edge probability between two people of different blocks.'),
      ...common,
    }),
    z.strictObject({
      type: z.literal('configuration'),
      nodes,
      exponent: z
        .number()
        .gt(1)
        .describe('Power-law exponent of the degree distribution, P(k) ∝ k^-exponent.'),
      minDegree: z.number().int().min(1).describe('Smallest degree.'),
      maxDegree: z.number().int().min(1).describe('Largest degree (below nodes).'),
      ...common,
    }),
    z.strictObject({
      type: z.literal('follower'),
      nodes,
      following: z.number().gt(0).describe('Mean number of accounts each person follows.'),
      reciprocity: probability.describe('Chance that a followed person follows back.'),
      exponent: z
        .number()
        .gt(2)
        .optional()
        .describe('Power-law exponent of the follower (in-degree) distribution. Default 2.3.'),
      ...common,
    }),
    z.strictObject({ type: z.literal('complete'), nodes, ...common }),
    z.strictObject({
      type: z.literal('ring'),
      nodes,
      k: z
        .number()
        .int()
        .min(2)
        .multipleOf(2)
        .optional()
        .describe('Neighbours per person (even). Default 2.'),
      ...common,
    }),
    z.strictObject({ type: z.literal('karate'), ...common }),
    z.strictObject({ type: z.literal('florentine'), ...common }),
    z.strictObject({
      type: z.literal('file'),
      path: z.string().min(1).describe("Graph file path, relative to the scenario file's folder."),
      format: z
        .enum(GRAPH_FORMATS)
        .optional()
        .describe('File format; inferred from the extension when absent.'),
      ...common,
    }),
  ])
  .superRefine((spec, ctx) => {
    const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    switch (spec.type) {
      case 'barabasi-albert':
      case 'holme-kim':
        if (spec.m >= spec.nodes) fail('m', `expected m < nodes (${spec.nodes}), got ${spec.m}`);
        break;
      case 'watts-strogatz':
        if (spec.k >= spec.nodes) fail('k', `expected k < nodes (${spec.nodes}), got ${spec.k}`);
        break;
      case 'ring':
        if (spec.k !== undefined && spec.k >= spec.nodes)
          fail('k', `expected k < nodes (${spec.nodes}), got ${spec.k}`);
        else if (spec.k === undefined && spec.nodes < 3)
          fail('nodes', `expected at least 3 nodes for a ring with the default k = 2, got ${spec.nodes}`);
        break;
      case 'configuration':
        if (spec.maxDegree < spec.minDegree) {
          fail('maxDegree', `expected maxDegree >= minDegree (${spec.minDegree}), got ${spec.maxDegree}`);
        }
        if (spec.maxDegree >= spec.nodes)
          fail('maxDegree', `expected maxDegree < nodes (${spec.nodes}), got ${spec.maxDegree}`);
        break;
      case 'erdos-renyi':
        if (spec.meanDegree > spec.nodes - 1) {
          fail('meanDegree', `expected meanDegree <= nodes - 1 (${spec.nodes - 1}), got ${spec.meanDegree}`);
        }
        break;
      case 'follower':
        if (spec.directed === false) {
          fail('directed', 'expected true or nothing: follower graphs are always directed, got false');
        }
        if (spec.following > spec.nodes - 1) {
          fail('following', `expected following <= nodes - 1 (${spec.nodes - 1}), got ${spec.following}`);
        }
        break;
      default:
        break;
    }
  })
  .describe('The social network: a generated family, a classic small network, or a graph file.');

/** A validated network spec. */
export type NetworkSpec = z.output<typeof networkSpecSchema>;

/** The network types, for messages and the visualiser's picker. */
export type NetworkType = NetworkSpec['type'];

/**
 * Validates a network spec, reporting every problem at once (ScenarioError) as
 * `place: path: expected …, got …`; `prefix` is the spec's own path in a larger document.
 */
export function parseNetworkSpec(
  input: unknown,
  place = 'network spec',
  prefix: readonly PropertyKey[] = [],
): NetworkSpec {
  return parseWith(networkSpecSchema, input, place, prefix);
}
