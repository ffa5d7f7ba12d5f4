/**
 * An audience: a filter over node attributes (the target audience of a campaign, the seeding
 * audience of a cascade). A person belongs when, for every attribute the filter names, their value
 * is one of the listed values; an empty filter matches everyone.
 */
import { z } from 'zod';

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
