/**
 * Colours for states and channels. A state's colour comes from its name (so "converted" is the same
 * teal in every scenario); unknown names take the next colour of a fixed categorical list.
 */

const STATE_COLOURS: Record<string, string> = {
  unaware: '#cfd6de',
  susceptible: '#cfd6de',
  inactive: '#cfd6de',
  ignorant: '#cfd6de',
  exposed: '#9cc9e8',
  engaged: '#3d8fd1',
  shared: '#f29e4c',
  converted: '#1f9e89',
  advocate: '#7b4fc9',
  active: '#f29e4c',
  infected: '#e4572e',
  adopted: '#1f9e89',
  spreader: '#f29e4c',
  recovered: '#7b8794',
  stifler: '#7b4fc9',
  believer: '#d62839',
  claim: '#d62839',
  misinformed: '#d62839',
  corrected: '#2a7de1',
  a: '#f29e4c',
  b: '#d62839',
};

const FALLBACK = ['#f29e4c', '#3d8fd1', '#1f9e89', '#7b4fc9', '#d62839', '#b5a300', '#e377c2', '#8c564b'];

/** One colour per state name, aligned with `stateNames`. */
export function stateColours(stateNames: readonly string[]): string[] {
  let next = 0;
  return stateNames.map((name, i) => {
    const known = STATE_COLOURS[name.toLowerCase()];
    if (known !== undefined) return known;
    if (i === 0) return STATE_COLOURS['unaware'] as string;
    return FALLBACK[next++ % FALLBACK.length] as string;
  });
}

const CHANNEL_COLOURS: Record<string, string> = {
  paid: '#3d8fd1',
  owned: '#7b4fc9',
  earned: '#f29e4c',
  seed: '#7b4fc9',
  peer: '#f29e4c',
  claim: '#d62839',
  correction: '#2a7de1',
};

/** One colour per channel name, aligned with `channelNames`. */
export function channelColours(channelNames: readonly string[]): string[] {
  let next = 1;
  return channelNames.map(
    (name) => CHANNEL_COLOURS[name.toLowerCase()] ?? (FALLBACK[next++ % FALLBACK.length] as string),
  );
}

/** Colour of people who believe the false claim (drawn over their funnel state). */
export const CLAIM_COLOUR = '#d62839';

/** Colour of the outline around people in the original audience. */
export const AUDIENCE_OUTLINE = 'rgba(27, 42, 65, 0.75)';
/** The outline around audience members not reached yet: faint, so the reached stand out. */
export const AUDIENCE_OUTLINE_FAINT = 'rgba(27, 42, 65, 0.22)';
/** Colour of the arcs the message travelled, at opacity `alpha` (0–1). */
export function travelledArc(alpha: number): string {
  return `rgba(226, 96, 40, ${alpha.toFixed(3)})`;
}
/** Colour of the network's other edges. */
export const EDGE_COLOUR = 'rgba(120, 135, 150, 0.16)';
