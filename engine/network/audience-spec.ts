/**
 * The schema of an audience filter (see audience.ts): for each node attribute, the values a person
 * may have to belong. Apart from audience.ts so that resolving a filter never loads zod.
 */
import * as z from 'zod';

const values = z.array(z.string().min(1)).min(1);

export const audienceFilterSchema = z
  .strictObject({
    segment: values.optional().describe('Segments to include.'),
    region: values.optional().describe('Regions to include.'),
    ageBand: values.optional().describe('Age bands to include.'),
    interest: values.optional().describe('Interests to include.'),
    tier: values.optional().describe('Influencer tiers to include (nano, micro, macro, mega).'),
  })
  .describe(
    'A filter over node attributes: a person matches when each named attribute has one of the listed values.',
  );

/** A validated audience filter. */
export type AudienceFilter = z.output<typeof audienceFilterSchema>;
