/**
 * The model spec: the scenario's `model` object, one zod schema (a discriminated union on `type`) from
 * which the types, the validator and the JSON Schema come. Cross-field rules (threshold's `fraction`
 * versus `count`, competing's per-spread parameters) are checked here so every problem is reported
 * with its JSON path before anything runs. The exact semantics of each model are in its kernel's
 * header and in the README's "Models" section.
 */
import * as z from 'zod';
import { parseWith } from '../scenario/problems.js';
import { seedingSpecSchema } from '../seeding/spec.js';

/** Per-arc probability rules of independent cascade besides a constant. */
export const ARC_PROBABILITY_RULES = ['weighted-cascade', 'trivalency', 'weight'] as const;
export type ArcProbabilityRule = (typeof ARC_PROBABILITY_RULES)[number];

const probability = z
  .union([z.number().min(0).max(1), z.enum(ARC_PROBABILITY_RULES)])
  .describe(
    'Chance that an active person activates an out-neighbour: a number in [0, 1], "weighted-cascade" ' +
      '(1 / in-degree of the target), "trivalency" (0.1, 0.01 or 0.001 drawn per arc per run) or ' +
      '"weight" (the arc weight, which must lie in [0, 1]).',
  );
const transmissionRate = z
  .number()
  .min(0)
  .describe('Transmissions per day along each arc from an infected (spreading) person.');
const recoveryRate = z
  .number()
  .gt(0)
  .describe('Recoveries per day per infected person (mean infectious time 1 / rate).');

/** Parameters of one message in a competing run; which ones apply depends on `spread`. */
const messageSchema = z.strictObject({
  probability: probability.optional(),
  transmissionRate: transmissionRate.optional(),
  recoveryRate: recoveryRate.optional(),
});

const competingSchema = z
  .strictObject({
    type: z.literal('competing'),
    spread: z
      .enum(['independent-cascade', 'sir'])
      .describe('How both messages spread: by independent cascade (generations) or SIR (continuous days).'),
    a: messageSchema.describe('Message A (e.g. the false claim), seeded by the scenario `seeding`.'),
    b: messageSchema
      .extend({
        startTime: z
          .number()
          .min(0)
          .describe('When B is seeded: days for "sir", generations for "independent-cascade" (rounded up).'),
        seeding: seedingSpecSchema.describe('Who starts message B.'),
      })
      .describe('Message B (e.g. the correction).'),
    overwrite: z
      .number()
      .min(0)
      .max(1)
      .describe('Chance that B replaces A in a person who holds A when B reaches them.'),
  })
  .superRefine((spec, ctx) => {
    for (const key of ['a', 'b'] as const) {
      const message = spec[key];
      if (spec.spread === 'independent-cascade') {
        if (message.probability === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [key, 'probability'],
            message: 'expected a probability for spread "independent-cascade", got nothing',
          });
        }
        for (const rate of ['transmissionRate', 'recoveryRate'] as const) {
          if (message[rate] !== undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [key, rate],
              message: `\`${rate}\` is for spread "sir"; spread "independent-cascade" takes \`probability\``,
            });
          }
        }
      } else {
        for (const rate of ['transmissionRate', 'recoveryRate'] as const) {
          if (message[rate] === undefined) {
            ctx.addIssue({
              code: 'custom',
              path: [key, rate],
              message: `expected a rate per day for spread "sir", got nothing`,
            });
          }
        }
        if (message.probability !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: [key, 'probability'],
            message:
              '`probability` is for spread "independent-cascade"; spread "sir" takes `transmissionRate` and `recoveryRate`',
          });
        }
      }
    }
  })
  .describe('Two messages (A and B) competing for the same people.');

const thresholdSchema = z
  .strictObject({
    type: z.literal('threshold'),
    fraction: z
      .number()
      .gt(0)
      .max(1)
      .optional()
      .describe("Watts: adopt when at least this fraction of one's in-neighbours has adopted."),
    count: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe("Centola: adopt when at least this many of one's in-neighbours have adopted."),
  })
  .superRefine((spec, ctx) => {
    const hasFraction = spec.fraction !== undefined;
    const hasCount = spec.count !== undefined;
    if (hasFraction && hasCount) {
      ctx.addIssue({
        code: 'custom',
        path: ['count'],
        message: '`fraction` and `count` are mutually exclusive; give one',
      });
    } else if (!hasFraction && !hasCount) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message:
          'expected `fraction` (a share of in-neighbours, Watts) or `count` (a number of in-neighbours, Centola), got neither',
      });
    }
  })
  .describe('Complex contagion: one friend is not enough.');

export const modelSpecSchema = z
  .discriminatedUnion('type', [
    z
      .strictObject({ type: z.literal('independent-cascade'), probability })
      .describe('Each newly active person gets one chance to activate each out-neighbour.'),
    z
      .strictObject({
        type: z.literal('linear-threshold'),
        weights: z
          .enum(['in-degree', 'file'])
          .default('in-degree')
          .describe('Arc weights: 1 / in-degree of the target (default) or the network file weights.'),
      })
      .describe('Activate when the weight of active in-neighbours reaches a uniform random threshold.'),
    z
      .strictObject({ type: z.literal('sir'), transmissionRate, recoveryRate })
      .describe('Continuous-time Markov SIR, simulated exactly (event-driven).'),
    z
      .strictObject({
        type: z.literal('bass'),
        innovation: z
          .number()
          .min(0)
          .max(1)
          .describe('Daily chance of adopting from advertising and mass media.'),
        imitation: z
          .number()
          .min(0)
          .max(1)
          .describe('Daily chance of adopting by word of mouth, times the adopted share of in-neighbours.'),
      })
      .describe('Network Bass diffusion in daily synchronous steps.'),
    thresholdSchema,
    z
      .strictObject({
        type: z.literal('rumor'),
        contactRate: z
          .number()
          .gt(0)
          .default(1)
          .describe('Contacts per day made by each spreader, to a random out-neighbour. Default 1.'),
      })
      .describe('Maki–Thompson rumour: spreaders, ignorants and stiflers.'),
    competingSchema,
    z
      .strictObject({ type: z.literal('campaign') })
      .describe('The marketing model; its parameters live under the scenario `campaign` key.'),
  ])
  .describe('How the message spreads.');

/** A validated model spec. */
export type ModelSpec = z.output<typeof modelSpecSchema>;
/** Every model {@link runModel} runs: all but `campaign`, which has its own runner. */
export type ClassicModelSpec = Exclude<ModelSpec, { type: 'campaign' }>;
/** The model type names. */
export const MODEL_TYPES = [
  'independent-cascade',
  'linear-threshold',
  'sir',
  'bass',
  'threshold',
  'rumor',
  'competing',
  'campaign',
] as const;

/**
 * Validates a model spec. Throws a ScenarioError listing every problem, each as
 * `place: model.path: expected …, got …` (`prefix` is the spec's path in the scenario, default `model`).
 */
export function parseModelSpec(
  input: unknown,
  place: string,
  prefix: readonly PropertyKey[] = ['model'],
): ModelSpec {
  return parseWith(modelSpecSchema, input, place, prefix);
}
