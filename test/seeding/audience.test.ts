import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../engine/errors.js';
import { audienceMask } from '../../engine/network/audience.js';
import { column, makeNetwork } from './fixtures.js';

// Six people: segments and regions as columns; "senior" is in the segment table but no one has it.
const people = makeNetwork(6, [[0, 1]], {
  columns: {
    segment: column(['young', 'family', 'senior'], ['young', 'family', 'young', 'family', 'young', 'young']),
    region: column(['north', 'south'], ['north', 'north', 'south', 'south', 'south', 'north']),
  },
});

function problemsOf(action: () => unknown): readonly string[] {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).problems;
  }
  throw new Error('expected a ScenarioError');
}

describe('audienceMask', () => {
  it('audienceMask(network, undefined) and an empty filter select everyone (null)', () => {
    expect(audienceMask(people, undefined)).toBeNull();
    expect(audienceMask(people, {})).toBeNull();
  });

  it('audienceMask ORs the values of one attribute', () => {
    expect(Array.from(audienceMask(people, { segment: ['young'] })!)).toEqual([1, 0, 1, 0, 1, 1]);
    expect(Array.from(audienceMask(people, { segment: ['family', 'young'] })!)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('audienceMask ANDs different attributes', () => {
    const mask = audienceMask(people, { segment: ['young'], region: ['north'] });
    expect(Array.from(mask!)).toEqual([1, 0, 0, 0, 0, 1]);
  });

  it('audienceMask rejects a misspelt value, naming the path and the known values', () => {
    expect(() => audienceMask(people, { segment: ['young', 'yuong'] })).toThrow(
      'seeding.audience.segment[1]: unknown segment "yuong", known: "young", "family"',
    );
  });

  it('audienceMask rejects a value that no one has and omits it from the known values', () => {
    expect(() => audienceMask(people, { segment: ['senior'] }, 'city.json')).toThrow(
      'city.json: seeding.audience.segment[0]: no one has segment "senior", known: "young", "family"',
    );
  });

  it('audienceMask rejects an attribute the network lacks, listing the attributes it has', () => {
    expect(() => audienceMask(people, { tier: ['micro'] })).toThrow(
      'seeding.audience.tier: the network has no tier attribute; known attributes: "segment", "region"',
    );
    const bare = makeNetwork(2, [[0, 1]]);
    expect(() => audienceMask(bare, { segment: ['young'] })).toThrow('the network has no attributes');
  });

  it('audienceMask reports every problem at once, under the given path', () => {
    const problems = problemsOf(() =>
      audienceMask(people, { segment: ['yuong'], region: ['east', 'west'] }, 'a.json', 'campaign.audience'),
    );
    expect(problems).toEqual([
      'a.json: campaign.audience.segment[0]: unknown segment "yuong", known: "young", "family"',
      'a.json: campaign.audience.region[0]: unknown region "east", known: "north", "south"',
      'a.json: campaign.audience.region[1]: unknown region "west", known: "north", "south"',
    ]);
  });
});
