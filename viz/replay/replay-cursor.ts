/**
 * Replays one run's trace: the state of every person at a time t, moved forward event by event while
 * playing and rebuilt from the start when the scrubber goes back. Convention: an event whose kind is
 * named like one of the model's states means "enters that state"; other kinds (impressions, likes)
 * leave the state alone. O(events applied) per move; allocates only at creation.
 */
import type { Trace } from '../../engine/index.js';

/** Per-person first reach: when, by whom and through which channel (−1 when never reached). */
export interface FirstReach {
  time: Float64Array;
  source: Int32Array;
  channel: Int8Array;
}

/** The state code each trace kind sets, or −1 for kinds that are not states. */
export function kindToState(trace: Trace, stateNames: readonly string[]): Int8Array {
  return Int8Array.from(trace.kindNames, (name) => stateNames.indexOf(name));
}

/** Each person's first state-entering event (beyond the initial state): time, source, channel. */
export function firstReach(trace: Trace, stateNames: readonly string[], nodeCount: number): FirstReach {
  const toState = kindToState(trace, stateNames);
  const time = new Float64Array(nodeCount).fill(Number.POSITIVE_INFINITY);
  const source = new Int32Array(nodeCount).fill(-1);
  const channel = new Int8Array(nodeCount).fill(-1);
  for (let i = 0; i < trace.length; i++) {
    if ((toState[trace.kind[i] as number] as number) <= 0) continue;
    const u = trace.person[i] as number;
    if (channel[u] !== -1) continue;
    time[u] = trace.time[i] as number;
    source[u] = trace.source[i] as number;
    channel[u] = trace.channel[i] as number;
  }
  return { time, source, channel };
}

/** Trace kinds that change whether a person believes the false claim (campaign crisis). */
const CLAIM_KINDS: Readonly<Record<string, number>> = { believe: 1, 'won-back': 0 };

/** A replay position: everyone's state after all events with time ≤ `time`. */
export class ReplayCursor {
  /** State code per person at the current time (Uint8Array, n). */
  readonly state: Uint8Array;
  /** Number of trace events applied. */
  index = 0;
  time = Number.NEGATIVE_INFINITY;
  /**
   * 1 for each person who believes the false claim now (Uint8Array, n); null when no one in the trace
   * ever believes one. `believe` sets it, `won-back` clears it.
   */
  readonly claim: Uint8Array | null;
  /** People who believe the claim now. */
  believerCount = 0;
  private readonly toState: Int8Array;
  /** The claim value each kind sets (1 believe, 0 won back), or −1. */
  private readonly toClaim: Int8Array;

  constructor(
    readonly trace: Trace,
    stateNames: readonly string[],
    nodeCount: number,
  ) {
    this.state = new Uint8Array(nodeCount);
    this.toState = kindToState(trace, stateNames);
    this.toClaim = Int8Array.from(trace.kindNames, (name) => CLAIM_KINDS[name] ?? -1);
    const believe = trace.kindNames.indexOf('believe');
    this.claim =
      believe >= 0 && trace.kind.subarray(0, trace.length).includes(believe)
        ? new Uint8Array(nodeCount)
        : null;
  }

  /** The last event time, where the replay ends. */
  get endTime(): number {
    return this.trace.length > 0 ? (this.trace.time[this.trace.length - 1] as number) : 0;
  }

  /** Moves to time t; returns whether any state changed. */
  seek(t: number): boolean {
    let changed = false;
    const claim = this.claim;
    if (t < this.time) {
      this.state.fill(0);
      claim?.fill(0);
      this.believerCount = 0;
      this.index = 0;
      changed = true;
    }
    const { time, kind, person, length } = this.trace;
    const toState = this.toState;
    const toClaim = this.toClaim;
    const state = this.state;
    let i = this.index;
    while (i < length && (time[i] as number) <= t) {
      const k = kind[i] as number;
      const code = toState[k] as number;
      if (code >= 0) {
        state[person[i] as number] = code;
        changed = true;
      } else if (claim !== null && (toClaim[k] as number) >= 0) {
        const u = person[i] as number;
        const next = toClaim[k] as number;
        this.believerCount += next - (claim[u] as number);
        claim[u] = next;
        changed = true;
      }
      i++;
    }
    this.index = i;
    this.time = t;
    return changed;
  }

  /** People in each state now, aligned with the state names. O(n). */
  counts(stateCount: number): number[] {
    const out = new Array<number>(stateCount).fill(0);
    for (let u = 0; u < this.state.length; u++)
      out[this.state[u] as number] = (out[this.state[u] as number] as number) + 1;
    return out;
  }

  /** Events of kind `kindIndex` applied so far. O(index). */
  countKind(kindIndex: number): number {
    let count = 0;
    for (let i = 0; i < this.index; i++) if (this.trace.kind[i] === kindIndex) count++;
    return count;
  }
}
