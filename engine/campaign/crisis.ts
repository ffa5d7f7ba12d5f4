/**
 * The crisis: a false claim that spreads as a competing message, and the brand's correction.
 *
 * - At `crisis.startDay` the crisis seeds believe the claim and post it; a person who sees the claim
 *   believes it with chance appeal · 2^(−age / noveltyHalfLife) · (1 − fatigue)^(earlier views), and a
 *   new believer shares it with chance `shareability`. Believers buy with their conversion chance cut
 *   by `claimImpact`.
 * - `responseDelay` hours after the start the brand answers: its followers see the correction (owned,
 *   with the platform's owned reach), correction ads run from the response budget (paid, to everyone,
 *   spread over `responseDays`), and readers share it (earned). A person who reads the correction
 *   (chance `correctionAppeal` · fatigue) is, with chance `correctionEffect`, won back (a believer
 *   stops believing) or protected (a non-believer will not believe the claim); a reader shares the
 *   correction with chance `correctionShareability`.
 * - People protected or won back ignore the claim from then on.
 *
 * All draws come from the `crisis` stream (and `crisis-ads` for the correction ads' targets), so a
 * crisis never shifts the campaign's own streams. The claim and the correction have their own
 * counters; they are not campaign impressions.
 */
import { CHANNEL, CLAIM, COUNTER, ENGAGED_MARK, ITEM_OFFSET, KIND, MAX_EXPOSURE_COUNT } from './codes.js';
import { broadcast, type CampaignState, note } from './kernel.js';

/** The claim starts: each crisis seed believes it and posts it. */
export function startClaim(s: CampaignState, crisisSeeds: Int32Array, time: number): void {
  s.crisisStart = time;
  const item = s.prepared.postCount + ITEM_OFFSET.claim;
  for (let i = 0; i < crisisSeeds.length; i++) {
    const v = crisisSeeds[i] as number;
    if (((s.crisisSeen[v] as number) & 1) === 0) {
      s.crisisSeen[v] = (s.crisisSeen[v] as number) | 1;
      s.counters[COUNTER.claimReach] = (s.counters[COUNTER.claimReach] as number) + 1;
    }
    if (s.claim[v] !== CLAIM.believes) {
      s.claim[v] = CLAIM.believes;
      s.counters[COUNTER.believers] = (s.counters[COUNTER.believers] as number) + 1;
    }
    note(s, time, KIND.believe, v, -1, CHANNEL.earned);
    s.counters[COUNTER.claimMentions] = (s.counters[COUNTER.claimMentions] as number) + 1;
    note(s, time, KIND.claimShare, v, -1, CHANNEL.earned);
    broadcast(s, v, item, CHANNEL.earned, time, s.crisisRng);
  }
}

/** Person v sees the claim, posted by `source`. */
export function seeClaim(s: CampaignState, v: number, source: number, time: number): void {
  s.counters[COUNTER.claimImpressions] = (s.counters[COUNTER.claimImpressions] as number) + 1;
  if (((s.crisisSeen[v] as number) & 1) === 0) {
    s.crisisSeen[v] = (s.crisisSeen[v] as number) | 1;
    s.counters[COUNTER.claimReach] = (s.counters[COUNTER.claimReach] as number) + 1;
  }
  note(s, time, KIND.claimImpression, v, source, CHANNEL.earned);
  if (s.claim[v] !== CLAIM.none) return;
  const pr = s.prepared;
  const crisis = pr.campaign.crisis;
  if (crisis === null) return;
  const slot = v * pr.stride + pr.postCount + ITEM_OFFSET.claim;
  const seen = s.exposures[slot] as number;
  s.exposures[slot] = seen < MAX_EXPOSURE_COUNT ? seen + 1 : MAX_EXPOSURE_COUNT;
  const age = time - s.crisisStart;
  const chance =
    crisis.appeal * (pr.fatiguePower[seen] as number) * Math.exp((-age * Math.LN2) / crisis.noveltyHalfLife);
  const rng = s.crisisRng;
  if (!(chance > 0) || rng() >= chance) return;
  s.claim[v] = CLAIM.believes;
  s.counters[COUNTER.believers] = (s.counters[COUNTER.believers] as number) + 1;
  note(s, time, KIND.believe, v, source, CHANNEL.earned);
  if (rng() < crisis.shareability) {
    s.counters[COUNTER.claimMentions] = (s.counters[COUNTER.claimMentions] as number) + 1;
    note(s, time, KIND.claimShare, v, -1, CHANNEL.earned);
    broadcast(s, v, pr.postCount + ITEM_OFFSET.claim, CHANNEL.earned, time, rng);
  }
}

/** Person v sees the brand's correction through `channel` (source: the sharer, or −1). */
export function seeCorrection(
  s: CampaignState,
  v: number,
  channel: number,
  source: number,
  time: number,
): void {
  s.counters[COUNTER.correctionImpressions] = (s.counters[COUNTER.correctionImpressions] as number) + 1;
  if (((s.crisisSeen[v] as number) & 2) === 0) {
    s.crisisSeen[v] = (s.crisisSeen[v] as number) | 2;
    s.counters[COUNTER.correctionReach] = (s.counters[COUNTER.correctionReach] as number) + 1;
  }
  note(s, time, KIND.correctionImpression, v, source, channel);
  const pr = s.prepared;
  const crisis = pr.campaign.crisis;
  if (crisis === null) return;
  const slot = v * pr.stride + pr.postCount + ITEM_OFFSET.correction;
  const seen = s.exposures[slot] as number;
  if (seen === ENGAGED_MARK) return;
  s.exposures[slot] = seen < MAX_EXPOSURE_COUNT ? seen + 1 : MAX_EXPOSURE_COUNT;
  const chance = crisis.correctionAppeal * (pr.fatiguePower[seen] as number);
  const rng = s.crisisRng;
  if (!(chance > 0) || rng() >= chance) return;
  s.exposures[slot] = ENGAGED_MARK;
  s.counters[COUNTER.correctionReads] = (s.counters[COUNTER.correctionReads] as number) + 1;
  note(s, time, KIND.correctionRead, v, source, channel);
  const state = s.claim[v] as number;
  if ((state === CLAIM.believes || state === CLAIM.none) && rng() < crisis.correctionEffect) {
    if (state === CLAIM.believes) {
      s.claim[v] = CLAIM.wonBack;
      s.counters[COUNTER.believers] = (s.counters[COUNTER.believers] as number) - 1;
      s.counters[COUNTER.wonBack] = (s.counters[COUNTER.wonBack] as number) + 1;
      note(s, time, KIND.wonBack, v, source, channel);
    } else {
      s.claim[v] = CLAIM.protected;
      s.counters[COUNTER.protected] = (s.counters[COUNTER.protected] as number) + 1;
      note(s, time, KIND.protected, v, source, channel);
    }
  }
  if (rng() < crisis.correctionShareability) {
    s.counters[COUNTER.correctionShares] = (s.counters[COUNTER.correctionShares] as number) + 1;
    s.counters[COUNTER.campaignMentions] = (s.counters[COUNTER.campaignMentions] as number) + 1;
    note(s, time, KIND.correctionShare, v, -1, CHANNEL.earned);
    broadcast(s, v, pr.postCount + ITEM_OFFSET.correction, CHANNEL.earned, time, rng);
  }
}
