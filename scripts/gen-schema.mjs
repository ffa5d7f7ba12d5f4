#!/usr/bin/env node
// Writes scenarios/scenario.schema.json from the engine's scenario schema (zod → JSON Schema), so
// editors autocomplete and check scenario files. Run after changing any part of the schema:
// `node scripts/gen-schema.mjs`. A test (test/scenario/json-schema.test.ts) fails when the file is stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const out = 'dist/gen-schema/json-schema.mjs';
mkdirSync('dist/gen-schema', { recursive: true });
await build({
  entryPoints: ['engine/scenario/json-schema.ts'],
  outfile: out,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { scenarioJsonSchemaText, SCENARIO_SCHEMA_PATH } = await import(
  new URL(`../${out}`, import.meta.url).href
);
writeFileSync(SCENARIO_SCHEMA_PATH, scenarioJsonSchemaText());
console.log(`wrote ${SCENARIO_SCHEMA_PATH}`);
