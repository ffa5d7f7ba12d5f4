import { describe, expect, it } from 'vitest';
import { parseScenario, resetWarnings, ScenarioError, warningCount } from '../../engine/index.js';
import { compareRows, describeChange } from '../../viz/app/compare.js';
import { graphFormatOf, readGraphText } from '../../viz/engine-adapter.js';
import { csvCell, fileStem, resultsCsv } from '../../viz/io/export.js';
import { decodeShare, encodeShare } from '../../viz/io/share.js';
import { chooseDrawn, DRAW_NODE_LIMIT, iterationBudget } from '../../viz/network/layout-budget.js';
import { checkValue, findParams, PARAM_DEFS, setAtPath } from '../../viz/params/param-defs.js';
import { campaignText, KARATE_IC } from './helpers.js';

/** Knobs whose allowed range also depends on another field (m < nodes, seeds ≤ people, days ≤ horizon). */
const CROSS_FIELD_KEYS = new Set(['nodes', 'm', 'k', 'count', 'day', 'startDay']);

describe('parameter panel data', () => {
  it('findParams(campaign scenario) finds the marketing knobs with their paths, units and groups', () => {
    const doc = JSON.parse(campaignText());
    const { numbers, choices } = findParams(doc);
    const byPath = Object.fromEntries(
      numbers.map((p) => [p.path.join('.'), [p.def.label, p.def.unit, p.group]]),
    );
    expect(byPath['campaign.posts.0.appeal']).toEqual(['Post 1: appeal', '', 'campaign']);
    expect(byPath['campaign.ads.budget']).toEqual(['Ad budget', '$', 'campaign']);
    expect(byPath['campaign.crisis.responseDelay']).toEqual(['Response delay', 'hours', 'campaign']);
    expect(byPath['seeding.count']).toEqual(['Seeds', 'people', 'seeding']);
    expect(byPath['seed']).toEqual(['Random seed', '', 'run']);
    expect(choices.map((c) => c.path.join('.'))).toEqual([
      'seeding.strategy',
      'campaign.crisis.seeding.strategy',
    ]);
    expect(numbers.every((p) => p.def.explain.length > 20)).toBe(true);
    expect(byPath['horizon']).toEqual(['Horizon', 'days', 'run']);
    const cascade = findParams(JSON.parse(KARATE_IC)).numbers.find((p) => p.key === 'horizon');
    expect(cascade?.def.unit).toBe('generations');
  });

  it('checkValue(def, text) refuses out-of-range and malformed input and names the allowed range', () => {
    const appeal = PARAM_DEFS['appeal'] as NonNullable<(typeof PARAM_DEFS)['appeal']>;
    expect(checkValue(appeal, '0.25')).toEqual({ isValid: true, value: 0.25 });
    expect(checkValue(appeal, '1.4')).toEqual({
      isValid: false,
      message: 'Appeal: 1.4 is out of range; allowed 0 to 1',
    });
    expect(checkValue(appeal, 'abc')).toMatchObject({
      isValid: false,
      message: expect.stringContaining('expected a number, got "abc"; allowed 0 to 1'),
    });
    const delay = PARAM_DEFS['responseDelay'] as NonNullable<(typeof PARAM_DEFS)['responseDelay']>;
    expect(checkValue(delay, '-2')).toMatchObject({
      message: 'Response delay: -2 is out of range; allowed 0 to 720 hours',
    });
    const seeds = PARAM_DEFS['count'] as NonNullable<(typeof PARAM_DEFS)['count']>;
    expect(checkValue(seeds, '2.5')).toMatchObject({
      message: expect.stringContaining('expected a whole number'),
    });
  });

  it('setAtPath(doc, path, value) changes one field of a copy, and every knob range is accepted by the engine', () => {
    const doc = JSON.parse(campaignText());
    const next = setAtPath(doc, ['campaign', 'posts', 0, 'appeal'], 0.9);
    expect(next['campaign']).toMatchObject({ posts: [{ appeal: 0.9 }] });
    expect(doc.campaign.posts[0].appeal).toBe(0.3);
    for (const param of findParams(doc).numbers) {
      if (CROSS_FIELD_KEYS.has(param.key)) continue;
      for (const value of [param.def.min, param.def.max]) {
        expect(
          () => parseScenario(JSON.stringify(setAtPath(doc, param.path, value)), 'x.json'),
          param.path.join('.'),
        ).not.toThrow();
      }
    }
  });
});

describe('export and share', () => {
  it('csvCell(text) quotes separators and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('-1.5')).toBe('-1.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(fileStem('Sticky video: goes viral!')).toBe('sticky-video-goes-viral');
  });

  it('resultsCsv(run, batch) writes one tidy row per metric with the batch statistics', () => {
    const csv = resultsCsv('demo', 0, { reach: 10, roi: 0.5 }, { reach: Float64Array.from([8, 10, 12]) });
    expect(csv).toBe(
      'scenario,metric,run0,mean,sd,p05,p50,p95,runs\n' +
        'demo,reach,10,10,2,8.2,10,11.8,3\n' +
        'demo,roi,0.5,,,,,,\n',
    );
  });

  it('encodeShare(scenario, run) round-trips through decodeShare, and a damaged link is refused', async () => {
    const text = campaignText();
    const fragment = await encodeShare({ scenarioText: text, runIndex: 7 });
    expect(fragment).toMatch(/^s=[A-Za-z0-9_-]+$/);
    const back = await decodeShare(`#${fragment}`);
    expect(back?.runIndex).toBe(7);
    expect(JSON.parse(back?.scenarioText ?? '')).toEqual(JSON.parse(text));
    expect(await decodeShare('#nothing=1')).toBeNull();
    await expect(decodeShare(`#${fragment.slice(0, 40)}`)).rejects.toThrow(ScenarioError);
  });
});

describe('drawing budget', () => {
  it('chooseDrawn(network) draws everyone under the limit, each undirected edge once', () => {
    const offsets = Int32Array.from([0, 2, 3, 4]);
    const targets = Int32Array.from([1, 2, 0, 0]);
    const drawn = chooseDrawn(3, offsets, targets, false, null);
    expect(Array.from(drawn.nodes)).toEqual([0, 1, 2]);
    expect([Array.from(drawn.sources), Array.from(drawn.targets)]).toEqual([
      [0, 0],
      [1, 2],
    ]);
    expect(drawn.isSampled).toBe(false);
  });

  it('chooseDrawn(large network) samples DRAW_NODE_LIMIT people, the reached ones first', () => {
    const n = DRAW_NODE_LIMIT * 2;
    const offsets = new Int32Array(n + 1);
    const priority = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    for (let u = 0; u < 100; u++) priority[n - 1 - u] = u;
    const drawn = chooseDrawn(n, offsets, new Int32Array(0), false, priority);
    expect(drawn.nodes.length).toBe(DRAW_NODE_LIMIT);
    expect(drawn.isSampled).toBe(true);
    expect(drawn.localOf[n - 1]).toBeGreaterThanOrEqual(0);
    expect(drawn.localOf[n - 100]).toBeGreaterThanOrEqual(0);
  });

  it('iterationBudget(n, m) gives small graphs many iterations and 20k people about 30', () => {
    expect(iterationBudget(1, 0)).toBe(0);
    expect(iterationBudget(34, 78)).toBe(150);
    expect(iterationBudget(20_000, 100_000)).toBe(31);
  });
});

describe('graph files through the adapter', () => {
  it('readGraphText(edge list with a duplicate) builds the network and warns exactly once', () => {
    resetWarnings();
    const network = readGraphText('a b\nb c\na b\n', graphFormatOf('club.txt'), 'club.txt');
    expect([network.nodeCount, network.edgeCount]).toEqual([3, 2]);
    expect(warningCount()).toBe(1);
    expect(graphFormatOf('club.graphml')).toBe('graphml');
    expect(graphFormatOf('club.unknown')).toBe('edgelist');
    expect(() => readGraphText('a\n', 'edgelist', 'bad.txt')).toThrow(/bad\.txt.*line 1/);
  });
});

describe('compare', () => {
  it('compareRows(A, B) lists metrics either side has with signed differences; describeChange says what B changed', () => {
    const doc = { name: 'x', model: { type: 'independent-cascade', probability: 0.4 }, seed: 1 };
    const a = {
      label: 'A',
      doc,
      runIndex: 0,
      metrics: { reach: 1000, roi: 0.1 },
      curve: new Float64Array(0),
      nodeCount: 10,
    };
    const b = {
      label: 'B',
      doc: { ...doc, name: 'y', model: { type: 'independent-cascade', probability: 0.3 } },
      runIndex: 2,
      metrics: { reach: 1500, roi: 0.05 },
      curve: new Float64Array(0),
      nodeCount: 10,
    };
    expect(describeChange(a, b)).toBe('model.probability 0.4 → 0.3, run 0 → 2');
    expect(describeChange(a, a)).toBe('same scenario and run');
    expect(compareRows(a, b)).toEqual([
      { label: 'Reach', a: '1k', b: '1.5k', delta: '+500', sign: 1 },
      { label: 'ROI', a: '10%', b: '5%', delta: '-5 pts', sign: -1 },
    ]);
  });
});
