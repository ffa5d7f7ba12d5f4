/**
 * The scenario schema: the ONE definition of a scenario file, composed from the parts' own schemas
 * (network, population, model, seeding, campaign). The TypeScript types come from it (z.infer), the
 * validator uses it ({@link validateScenario}), and `scripts/gen-schema.mjs` turns it into
 * `scenarios/scenario.schema.json` for editors.
 *
 * Invariants: every object is strict (an unknown key, a typo, is an error, never ignored); the file
 * carries its format `version` ({@link SCENARIO_FORMAT_VERSION}); cross-field rules that span parts
 * (the `campaign` key only with the campaign model, `seeding` optional only for bass) are checked on the
 * raw input so they are reported together with every other problem.
 */
import * as z from 'zod';
import { campaignSpecSchema } from '../campaign/spec.js';
import { modelSpecSchema } from '../models/spec.js';
import { populationSpecSchema } from '../network/population-spec.js';
import { networkSpecSchema } from '../network/spec.js';
import { seedingSpecSchema } from '../seeding/spec.js';

/** The scenario file format version this engine reads and writes. */
export const SCENARIO_FORMAT_VERSION = 1;

/** Largest run count a scenario may ask for (a typo guard: 10⁶ runs is already a long job). */
export const MAX_RUNS = 1_000_000;

export const scenarioSchema = z
  .strictObject({
    $schema: z
      .string()
      .optional()
      .describe('Path or URL of scenario.schema.json, so editors autocomplete and check the file.'),
    version: z.literal(SCENARIO_FORMAT_VERSION).describe('Scenario format version; this engine reads 1.'),
    name: z.string().min(1).describe('Short name shown in outputs and the visualiser.'),
    description: z
      .string()
      .optional()
      .describe('What the scenario shows: the question it answers, in a sentence or two.'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(Number.MAX_SAFE_INTEGER)
      .describe('Root seed: the same seed gives the same numbers, to the last digit.'),
    runs: z
      .number()
      .int()
      .min(1)
      .max(MAX_RUNS)
      .describe('Monte Carlo runs; run r draws from its own stream derived from (seed, r).'),
    horizon: z
      .number()
      .gt(0)
      .describe('How long to simulate: days for continuous-time and daily models, generations otherwise.'),
    network: networkSpecSchema,
    population: populationSpecSchema
      .optional()
      .describe('Who the people are: segments, regions, age bands, interests and influencer tiers.'),
    model: modelSpecSchema,
    seeding: seedingSpecSchema
      .optional()
      .describe('Who starts the cascade. Required except for the bass model (which starts from no one).'),
    campaign: campaignSpecSchema
      .optional()
      .describe('The marketing campaign: required with model "campaign", not allowed otherwise.'),
  })
  .describe('A viralsim scenario: a network, a population, a spreading model, its seeds and a run plan.');

/** A validated scenario. */
export type Scenario = z.output<typeof scenarioSchema>;

/** A scenario as written in a file (before defaults are filled in). */
export type ScenarioInput = z.input<typeof scenarioSchema>;

/** The top-level keys of a scenario, in the documented order. */
export const SCENARIO_KEYS = Object.keys(scenarioSchema.shape) as readonly (keyof Scenario)[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Rules that span several parts of a scenario, checked on the raw input (so they are reported even
 * when other parts are invalid). Returns `path: message` lines; empty when all rules hold.
 */
export function crossCheckScenario(input: unknown): string[] {
  if (!isRecord(input)) return [];
  const problems: string[] = [];
  const model = isRecord(input['model']) ? input['model'] : null;
  const modelType = model !== null && typeof model['type'] === 'string' ? model['type'] : null;
  const hasCampaign = Object.hasOwn(input, 'campaign');
  const hasSeeding = Object.hasOwn(input, 'seeding');
  if (modelType === 'campaign' && !hasCampaign) {
    problems.push('campaign: expected a campaign object for model "campaign", got nothing');
  }
  if (modelType !== null && modelType !== 'campaign' && hasCampaign) {
    problems.push(
      `campaign: only allowed with model "campaign", got model ${JSON.stringify(modelType)}; remove \`campaign\` or set model.type to "campaign"`,
    );
  }
  if (modelType !== null && modelType !== 'bass' && !hasSeeding) {
    problems.push(
      `seeding: expected a seeding object (who starts the cascade) for model ${JSON.stringify(modelType)}, got nothing; only "bass" starts without seeds`,
    );
  }
  return problems;
}
