/**
 * The generated JSON Schema is current, and every scenario in scenarios/ validates, points at it and
 * says what it shows.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCENARIO_SCHEMA_PATH, scenarioJsonSchemaText } from '../../engine/scenario/json-schema.js';
import { parseScenario } from '../../engine/scenario/parse.js';

const SCENARIO_FILES = readdirSync('scenarios')
  .filter((file) => file.endsWith('.json') && file !== 'scenario.schema.json')
  .sort();

describe('scenarioJsonSchemaText', () => {
  it('scenarioJsonSchemaText equals scenarios/scenario.schema.json (run node scripts/gen-schema.mjs when not)', () => {
    expect(readFileSync(SCENARIO_SCHEMA_PATH, 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('scenarioJsonSchemaText forbids unknown top-level keys and requires the version', () => {
    const schema = JSON.parse(scenarioJsonSchemaText()) as {
      additionalProperties: boolean;
      required: string[];
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(['version', 'name', 'seed', 'runs', 'horizon', 'network', 'model']),
    );
  });
});

describe('the scenario library', () => {
  it.each(SCENARIO_FILES)(
    'parseScenario accepts scenarios/%s, which carries $schema and a description',
    (file) => {
      const text = readFileSync(`scenarios/${file}`, 'utf8');
      const scenario = parseScenario(text, file);
      expect(scenario.$schema).toBe('./scenario.schema.json');
      expect(scenario.description?.length ?? 0).toBeGreaterThan(40);
    },
  );
});
