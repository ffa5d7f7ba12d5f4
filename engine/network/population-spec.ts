/**
 * The population spec (the scenario's `population` object): its schema (zod), from which the type,
 * the validator and the JSON Schema come, and {@link assignPopulation}, which validates a spec and
 * fills a network's attribute columns (population.ts does the work, without the schema library).
 */
import * as z from 'zod';
import type { Rng } from '../rng.js';
import { parseWith } from '../scenario/problems.js';
import type { Network } from './network.js';
import { ASSIGN_MODES, assignValidPopulation, POPULATION_DEFAULTS } from './population.js';

const MAX_VALUES = 256;

const attributeSpecSchema = z
  .strictObject({
    values: z
      .record(z.string().min(1), z.number().min(0))
      .describe(
        'Each value with its share (weights >= 0, normalised by their sum), e.g. {"young": 2, "old": 1}.',
      ),
    assign: z
      .enum(ASSIGN_MODES)
      .optional()
      .describe(
        "'random': each person draws from the shares; 'community': by community, see homophily. Default random.",
      ),
    homophily: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe("With assign 'community': chance a person takes their community's value. Default 0.8."),
  })
  .superRefine((spec, ctx) => {
    const shares = Object.values(spec.values);
    const total = shares.reduce((sum, share) => sum + share, 0);
    if (shares.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'expected at least one value, got none' });
    } else if (shares.length > MAX_VALUES) {
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        message: `expected at most ${MAX_VALUES} values, got ${shares.length}`,
      });
    } else if (shares.every((share) => share >= 0) && !(total > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['values'],
        message: 'expected shares summing to more than 0, got 0',
      });
    }
    if (spec.homophily !== undefined && spec.assign !== 'community') {
      ctx.addIssue({
        code: 'custom',
        path: ['homophily'],
        message: `applies only with assign "community", got assign ${JSON.stringify(spec.assign ?? 'random')}`,
      });
    }
  });

const threshold = z.number().gt(0);

export const populationSpecSchema = z
  .strictObject({
    segment: attributeSpecSchema.optional().describe('Customer segments.'),
    region: attributeSpecSchema.optional().describe('Regions.'),
    ageBand: attributeSpecSchema.optional().describe('Age bands.'),
    interest: attributeSpecSchema.optional().describe('Interests.'),
    tiers: z
      .strictObject({
        micro: threshold.optional().describe('Minimum followers of a micro-influencer. Default 20.'),
        macro: threshold.optional().describe('Minimum followers of a macro-influencer. Default 100.'),
        mega: threshold.optional().describe('Minimum followers of a mega-influencer. Default 1000.'),
      })
      .optional()
      .describe('Influencer tiers by follower count; below micro is nano.'),
    followerScale: z
      .number()
      .gt(0)
      .optional()
      .describe('Real followers each network follower stands for (tiers compare the product). Default 1.'),
  })
  .superRefine((spec, ctx) => {
    const tiers = { ...POPULATION_DEFAULTS.tiers, ...spec.tiers };
    if (!(tiers.macro > tiers.micro)) {
      ctx.addIssue({
        code: 'custom',
        path: ['tiers', 'macro'],
        message: `expected macro > micro (${tiers.micro}), got ${tiers.macro}`,
      });
    }
    if (!(tiers.mega > tiers.macro)) {
      ctx.addIssue({
        code: 'custom',
        path: ['tiers', 'mega'],
        message: `expected mega > macro (${tiers.macro}), got ${tiers.mega}`,
      });
    }
  })
  .describe('Who the people are: attributes by shares or by community, and influencer tiers.');

/** A validated population spec (the scenario's `population` object). */
export type PopulationSpec = z.output<typeof populationSpecSchema>;

/** Validates a population spec, reporting every problem at once (ScenarioError). */
export function parsePopulationSpec(
  input: unknown,
  place = 'population spec',
  prefix: readonly PropertyKey[] = [],
): PopulationSpec {
  return parseWith(populationSpecSchema, input, place, prefix);
}

/**
 * Validates `spec` (a ScenarioError names every problem) and fills `network.attributes.columns`:
 * each attribute the spec names, then always `tier` (see assignValidPopulation in population.ts).
 * O(n + m) time plus community detection; allocates one byte per person per column.
 */
export function assignPopulation(network: Network, spec: PopulationSpec | undefined, rng: Rng): void {
  assignValidPopulation(
    network,
    spec === undefined ? undefined : parsePopulationSpec(spec, 'population'),
    rng,
  );
}
