/**
 * The JSON Schema of a scenario file, generated from {@link scenarioSchema} (zod 4's `toJSONSchema`,
 * input side: optional fields with defaults stay optional). `scripts/gen-schema.mjs` writes it to
 * `scenarios/scenario.schema.json`; a test fails when that file differs from this text.
 * Cross-field rules (which the JSON Schema cannot say) are checked by the engine's validator only.
 */
import * as z from 'zod';
import { scenarioSchema } from './schema.js';

/** Where the generated schema lives, relative to the repository root. */
export const SCENARIO_SCHEMA_PATH = 'scenarios/scenario.schema.json';

/** The scenario JSON Schema as an object (draft 2020-12). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(scenarioSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'viralsim scenario',
    ...rest,
  };
}

/** The exact text of scenarios/scenario.schema.json (2-space JSON and a final newline). */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
