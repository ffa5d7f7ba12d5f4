/**
 * The seeding spec: who starts the cascade (the scenario's `seeding` object). Exactly one of `count`
 * and `fraction` is given, except for strategy `nodes`, which lists ids as in the network (indices for
 * generated graphs, file ids for files).
 */
import * as z from 'zod';
import { audienceFilterSchema } from '../network/audience-spec.js';

/** The seeding strategies. */
export const SEEDING_STRATEGIES = [
  'random',
  'top-degree',
  'pagerank',
  'k-core',
  'community-spread',
  'nodes',
] as const;
export type SeedingStrategy = (typeof SEEDING_STRATEGIES)[number];

export const seedingSpecSchema = z
  .strictObject({
    strategy: z.enum(SEEDING_STRATEGIES).describe('How seeds are chosen.'),
    count: z.number().int().min(0).optional().describe('Number of seeds.'),
    fraction: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .describe('Seeds as a fraction of the people (of the audience when given).'),
    nodes: z
      .array(z.union([z.string(), z.number().int().min(0)]))
      .optional()
      .describe('Seed ids (strategy nodes): indices for generated networks, file ids for files.'),
    audience: audienceFilterSchema
      .optional()
      .describe('Choose seeds only among these people: the original audience.'),
  })
  .superRefine((spec, ctx) => {
    const hasCount = spec.count !== undefined;
    const hasFraction = spec.fraction !== undefined;
    if (spec.strategy === 'nodes') {
      if (spec.nodes === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['nodes'],
          message: 'expected a list of node ids for strategy "nodes", got nothing',
        });
      }
      if (hasCount || hasFraction) {
        ctx.addIssue({
          code: 'custom',
          path: [hasCount ? 'count' : 'fraction'],
          message: 'strategy "nodes" takes its seeds from `nodes`; remove `count` and `fraction`',
        });
      }
      return;
    }
    if (spec.nodes !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['nodes'],
        message: `\`nodes\` is only for strategy "nodes", got strategy "${spec.strategy}"`,
      });
    }
    if (hasCount === hasFraction) {
      ctx.addIssue({
        code: 'custom',
        path: hasCount ? ['fraction'] : [],
        message: hasCount
          ? '`count` and `fraction` are mutually exclusive; give one'
          : 'expected `count` (a number of seeds) or `fraction` (a share of the people), got neither',
      });
    }
  })
  .describe('Who starts the cascade.');

/** A validated seeding spec. */
export type SeedingSpec = z.output<typeof seedingSpecSchema>;
