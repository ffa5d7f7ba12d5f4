/**
 * The knobs of the parameter panel: which scenario fields get a control, their units, allowed ranges
 * and a one-line explanation of the marketing concept behind each. Controls are found by walking the
 * scenario JSON for known keys, so any scenario (and any model) gets the knobs it actually has.
 * Pure data and functions: no DOM.
 */
import type { ScenarioDoc } from '../engine-adapter.js';

/** One knob's description. */
export interface ParamDef {
  label: string;
  unit: string;
  min: number;
  max: number;
  step: number;
  isInteger: boolean;
  explain: string;
}

const probability = (label: string, explain: string): ParamDef => ({
  label,
  unit: '',
  min: 0,
  max: 1,
  step: 0.01,
  isInteger: false,
  explain,
});

/** Known numeric keys (the last path segment) and what they mean. */
export const PARAM_DEFS: Record<string, ParamDef> = {
  seed: {
    label: 'Random seed',
    unit: '',
    min: 0,
    max: 2 ** 31 - 1,
    step: 1,
    isInteger: true,
    explain: 'The same seed gives the same run, in the browser and on the command line.',
  },
  runs: {
    label: 'Monte Carlo runs',
    unit: 'runs',
    min: 1,
    max: 10_000,
    step: 1,
    isInteger: true,
    explain: 'How many independent runs the batch averages; more runs give a tighter band.',
  },
  horizon: {
    label: 'Horizon',
    unit: 'days',
    min: 1,
    max: 3650,
    step: 1,
    isInteger: true,
    explain: 'How long the campaign is simulated.',
  },
  nodes: {
    label: 'People',
    unit: 'people',
    min: 2,
    max: 2_000_000,
    step: 1,
    isInteger: true,
    explain: 'Size of the social network (nodes).',
  },
  meanDegree: {
    label: 'Mean friends',
    unit: 'per person',
    min: 0,
    max: 1000,
    step: 0.5,
    isInteger: false,
    explain: 'Average number of connections per person.',
  },
  m: {
    label: 'Links per newcomer',
    unit: 'edges',
    min: 1,
    max: 100,
    step: 1,
    isInteger: true,
    explain:
      'Preferential attachment: each new person links to m others, favouring the popular: hubs emerge.',
  },
  k: {
    label: 'Lattice neighbours',
    unit: 'people',
    min: 2,
    max: 100,
    step: 2,
    isInteger: true,
    explain: 'Neighbours per person in the starting ring (even).',
  },
  beta: probability(
    'Rewiring',
    'Chance each local tie is rewired to a random person: a few shortcuts make a small world.',
  ),
  triad: probability(
    'Triad closure',
    'Chance a new tie closes a triangle: friends of friends become friends (clustering).',
  ),
  following: {
    label: 'Accounts followed',
    unit: 'per person',
    min: 0.1,
    max: 5000,
    step: 1,
    isInteger: false,
    explain: 'Mean number of accounts each person follows on the microblog.',
  },
  reciprocity: probability('Follow-back', 'Chance a followed account follows back.'),
  probability: probability(
    'Pass-on chance',
    'Independent cascade: the chance a newly reached person passes the message to each contact, once.',
  ),
  transmissionRate: {
    label: 'Transmission rate',
    unit: 'per day',
    min: 0,
    max: 100,
    step: 0.05,
    isInteger: false,
    explain: 'How fast the message passes along one tie, per day (SIR).',
  },
  recoveryRate: {
    label: 'Loss of interest',
    unit: 'per day',
    min: 0,
    max: 100,
    step: 0.05,
    isInteger: false,
    explain: 'How fast a spreader stops spreading, per day (SIR recovery).',
  },
  innovation: {
    label: 'Innovation (p)',
    unit: 'per day',
    min: 0,
    max: 1,
    step: 0.005,
    isInteger: false,
    explain: 'Bass model: adoption driven by advertising and mass media, independent of peers.',
  },
  imitation: {
    label: 'Imitation (q)',
    unit: 'per day',
    min: 0,
    max: 5,
    step: 0.01,
    isInteger: false,
    explain: 'Bass model: adoption driven by word of mouth from adopted friends.',
  },
  fraction: probability(
    'Share',
    'A fraction of the people (for a threshold: the share of friends needed before one adopts).',
  ),
  count: {
    label: 'Seeds',
    unit: 'people',
    min: 0,
    max: 1_000_000,
    step: 1,
    isInteger: true,
    explain: 'How many people start the cascade: the influencers or first customers you reach directly.',
  },
  appeal: probability(
    'Appeal',
    'Sticky content: the chance someone engages (likes, comments, clicks) the first time they see the post.',
  ),
  shareability: probability(
    'Shareability',
    'The chance an engaged person shares the post with their followers: electronic word of mouth (eWOM).',
  ),
  conversion: probability('Conversion', 'The chance an engaged person buys.'),
  noveltyHalfLife: {
    label: 'Novelty half-life',
    unit: 'days',
    min: 0.1,
    max: 365,
    step: 0.1,
    isInteger: false,
    explain: 'Content gets stale: appeal halves every this many days as the post ages.',
  },
  fatigue: probability('Fatigue', 'How much each repeat exposure to the same post loses effect.'),
  budget: {
    label: 'Ad budget',
    unit: '$',
    min: 0,
    max: 1e9,
    step: 100,
    isInteger: false,
    explain: 'Paid media: what the ads may spend; they stop when it is spent.',
  },
  cpm: {
    label: 'CPM',
    unit: '$ per 1000',
    min: 0.01,
    max: 1000,
    step: 0.5,
    isInteger: false,
    explain: 'Cost per thousand ad impressions.',
  },
  price: {
    label: 'Price',
    unit: '$',
    min: 0,
    max: 1e6,
    step: 1,
    isInteger: false,
    explain: 'Revenue per conversion: the direct value of a customer.',
  },
  peerTrust: {
    label: 'Peer trust',
    unit: '×',
    min: 0,
    max: 20,
    step: 0.1,
    isInteger: false,
    explain: 'eWOM: how much better a friend’s recommendation converts than an ad.',
  },
  advocacy: probability(
    'Advocacy',
    'The chance a customer becomes an advocate and recommends to friends: indirect customer value.',
  ),
  responseDelay: {
    label: 'Response delay',
    unit: 'hours',
    min: 0,
    max: 720,
    step: 1,
    isInteger: false,
    explain: 'Crisis: how long the brand takes to answer a false claim with a correction.',
  },
  correctionEffect: probability(
    'Correction effect',
    'The chance the correction wins back a person who believed the claim.',
  ),
  claimImpact: probability(
    'Claim impact',
    'How much believing the false claim lowers a person’s chance to buy.',
  ),
  startDay: {
    label: 'Start day',
    unit: 'day',
    min: 0,
    max: 3650,
    step: 1,
    isInteger: false,
    explain: 'When this starts, in days from the campaign start.',
  },
  day: {
    label: 'Day',
    unit: 'day',
    min: 0,
    max: 3650,
    step: 1,
    isInteger: false,
    explain: 'The day a post goes out on the content calendar.',
  },
  dailyImpressions: {
    label: 'Daily impressions',
    unit: 'per day',
    min: 0,
    max: 1e9,
    step: 100,
    isInteger: false,
    explain: 'Ad impressions bought per day while the budget lasts.',
  },
  overwrite: probability(
    'Overwrite',
    'The chance the later message replaces the earlier one when it arrives.',
  ),
};

/** Choice knobs (strings) and their options. */
export const CHOICE_DEFS: Record<string, { label: string; options: readonly string[]; explain: string }> = {
  strategy: {
    label: 'Seeding strategy',
    options: ['random', 'top-degree', 'pagerank', 'k-core', 'community-spread'],
    explain:
      'Who you reach first: random people, the best-connected hubs, the most central (PageRank), the dense core, or seeds spread over communities.',
  },
};

/** Labels a knob inside an array item with the item: `posts[0].appeal` → "Post 1: appeal". */
function itemLabel(path: readonly (string | number)[], label: string): string {
  const at = path.findIndex((p) => typeof p === 'number');
  if (at < 1) return label;
  const list = String(path[at - 1]);
  const item = list.endsWith('s') ? list.slice(0, -1) : list;
  return `${item.charAt(0).toUpperCase()}${item.slice(1)} ${(path[at] as number) + 1}: ${label.toLowerCase()}`;
}

/** Models whose time runs in generations (rounds of sharing) rather than days. */
const GENERATION_MODELS = new Set(['independent-cascade', 'linear-threshold', 'threshold']);

/** Whether model `type` counts time in generations rather than days. */
export function isGenerationModel(type: string): boolean {
  return GENERATION_MODELS.has(type);
}

/** A control found in a scenario: its JSON path and definition. */
export interface FoundParam {
  path: (string | number)[];
  key: string;
  def: ParamDef;
  value: number;
  /** The group heading (the top-level key). */
  group: string;
}

/** A choice control found in a scenario. */
export interface FoundChoice {
  path: (string | number)[];
  key: string;
  label: string;
  options: readonly string[];
  explain: string;
  value: string;
  group: string;
}

const SKIP_TOP = new Set(['$schema', 'name', 'description', 'version']);

/** Every knob in `doc`, in document order. Keys inside arrays get the item number in their label. */
export function findParams(doc: ScenarioDoc): { numbers: FoundParam[]; choices: FoundChoice[] } {
  const numbers: FoundParam[] = [];
  const choices: FoundChoice[] = [];
  const model = doc['model'];
  const modelType =
    model !== null && typeof model === 'object' ? String((model as Record<string, unknown>)['type']) : '';
  const walk = (value: unknown, path: (string | number)[]) => {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, [...path, i]);
      return;
    }
    if (value === null || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (path.length === 0 && SKIP_TOP.has(key)) continue;
      const childPath = [...path, key];
      const group = path.length === 0 ? 'run' : String(path[0]);
      const def = PARAM_DEFS[key];
      const choice = CHOICE_DEFS[key];
      if (typeof child === 'number' && def !== undefined) {
        const label = itemLabel(path, def.label);
        const isRounds = key === 'horizon' && path.length === 0 && isGenerationModel(modelType);
        const unit = isRounds ? 'generations' : def.unit;
        const explain = isRounds
          ? 'The most generations (rounds of passing it on) a run may take.'
          : def.explain;
        numbers.push({ path: childPath, key, def: { ...def, label, unit, explain }, value: child, group });
      } else if (typeof child === 'string' && choice !== undefined) {
        choices.push({ path: childPath, key, ...choice, value: child, group });
      } else {
        walk(child, childPath);
      }
    }
  };
  walk(doc, []);
  return { numbers, choices };
}

/** The result of checking what a user typed. */
export type CheckedValue = { isValid: true; value: number } | { isValid: false; message: string };

/** Checks typed text against a knob's range; the refusal names the allowed range. */
export function checkValue(def: ParamDef, text: string): CheckedValue {
  const range = `allowed ${formatBound(def.min)} to ${formatBound(def.max)}${def.unit === '' ? '' : ` ${def.unit}`}`;
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value)) {
    return {
      isValid: false,
      message: `${def.label}: expected a number, got ${JSON.stringify(text)}; ${range}`,
    };
  }
  if (def.isInteger && !Number.isInteger(value)) {
    return { isValid: false, message: `${def.label}: expected a whole number, got ${trimmed}; ${range}` };
  }
  if (value < def.min || value > def.max) {
    return { isValid: false, message: `${def.label}: ${trimmed} is out of range; ${range}` };
  }
  return { isValid: true, value };
}

function formatBound(value: number): string {
  return Math.abs(value) >= 1e5 ? value.toLocaleString('en-US') : String(value);
}

/** A copy of `doc` with the value at `path` replaced. */
export function setAtPath(doc: ScenarioDoc, path: readonly (string | number)[], value: unknown): ScenarioDoc {
  const copy = structuredClone(doc);
  let target: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path[path.length - 1] as string | number] = value;
  return copy;
}
