/**
 * Painting people and arcs on a 2D canvas: the primitives the network renderer composes into a full
 * frame or an incremental one. Every function takes a {@link Painter} (the context, the scene, the
 * zoom transform and the view size) and draws one batch as a single path, so a frame issues a few
 * fills and strokes however many people it shows.
 */
import { AUDIENCE_OUTLINE, AUDIENCE_OUTLINE_FAINT, CLAIM_COLOUR, travelledArc } from './palette.js';

/** People not reached yet are drawn smaller, so the spread stands out. */
export const UNAWARE_SIZE = 0.7;
/** Dots smaller than this radius (px) are filled as squares. */
const TINY_RADIUS = 1.5;

/** What the renderer draws; arrays are indexed by local (drawn) index unless said otherwise. */
export interface Scene {
  /** Layout positions (local index). */
  x: Float32Array;
  y: Float32Array;
  /** Global person id of each drawn node. */
  nodes: Int32Array;
  /** Local index of each global person, −1 when not drawn. */
  localOf: Int32Array;
  /** Edges between drawn people (local indices). */
  sources: Int32Array;
  targets: Int32Array;
  /** Radius factor per drawn node (from its degree). */
  size: Float32Array;
  /** 1 when the global person is in the original audience, or null. */
  audience: Uint8Array | null;
  /** Colour per state code. */
  colours: readonly string[];
}

/** What changes every frame: states (global) and travelled arcs (global ids, first `arcCount`). */
export interface Frame {
  state: Uint8Array;
  /** 1 for each person who believes a false claim (drawn in the claim colour), or null. */
  claim: Uint8Array | null;
  arcSources: Int32Array;
  arcTargets: Int32Array;
  arcCount: number;
  /** Which run the frame belongs to: a frame of another run is always painted in full. */
  runId: number;
}

/** A 2D context on the page's canvas or on an OffscreenCanvas (the render worker, the cached layers). */
export type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/** Where and how to paint: the context (in CSS pixels), the scene, the zoom transform, the view size. */
export interface Painter {
  ctx: Context2D;
  scene: Scene;
  tx: number;
  ty: number;
  k: number;
  width: number;
  height: number;
}

/** Paints the drawn people `changed` (local indices) in their new state, with their audience ring. */
export function paintChanged(
  p: Painter,
  frame: Frame,
  drawn: Uint8Array,
  changed: readonly number[],
  radius: number,
): void {
  const { ctx, scene } = p;
  const { nodes } = scene;
  const { tx, ty, k } = p;
  const { x, y, size, audience } = scene;
  if (audience !== null) {
    ctx.strokeStyle = AUDIENCE_OUTLINE;
    ctx.lineWidth = Math.max(0.6, radius * 0.3);
    ctx.beginPath();
    for (const i of changed) {
      if (audience[nodes[i] as number] !== 1) continue;
      const r = radius * (size[i] as number) + ctx.lineWidth * 0.5;
      const px = tx + k * (x[i] as number);
      const py = ty + k * (y[i] as number);
      ctx.moveTo(px + r, py);
      ctx.arc(px, py, r, 0, 2 * Math.PI);
    }
    ctx.stroke();
  }
  for (let code = 1; code < scene.colours.length; code++) {
    ctx.fillStyle = scene.colours[code] as string;
    ctx.beginPath();
    for (const i of changed) {
      const u = nodes[i] as number;
      if (frame.state[u] !== code) continue;
      drawn[u] = code;
      dotPath(ctx, tx + k * (x[i] as number), ty + k * (y[i] as number), radius * (size[i] as number));
    }
    ctx.fill();
  }
}

/** Fills believers of the false claim: those listed (local indices), or every believer. */
export function fillBelievers(
  p: Painter,
  claim: Uint8Array,
  only: readonly number[] | null,
  radius: number,
): void {
  const { ctx, scene } = p;
  const { tx, ty, k } = p;
  const { x, y, nodes, size } = scene;
  ctx.fillStyle = CLAIM_COLOUR;
  ctx.beginPath();
  const count = only === null ? nodes.length : only.length;
  for (let j = 0; j < count; j++) {
    const i = only === null ? j : (only[j] as number);
    if (claim[nodes[i] as number] !== 1) continue;
    dotPath(ctx, tx + k * (x[i] as number), ty + k * (y[i] as number), radius * (size[i] as number));
  }
  ctx.fill();
}

/** Adds a dot of radius r at (px, py) to the current path: a square when tiny, else a circle. */
export function dotPath(ctx: Context2D, px: number, py: number, r: number): void {
  if (r < TINY_RADIUS) {
    // A dot this small covers about the same pixels as a square, which is far cheaper to fill.
    ctx.rect(px - r, py - r, 2 * r, 2 * r);
    return;
  }
  ctx.moveTo(px + r, py);
  ctx.arc(px, py, r, 0, 2 * Math.PI);
}

/** Fills every drawn person in state `code` (state null: everyone is in state 0). */
export function fillNodes(p: Painter, state: Uint8Array | null, code: number, radius: number): void {
  const { ctx, scene } = p;
  const { tx, ty, k } = p;
  const { x, y, nodes, size } = scene;
  const { width, height } = p;
  ctx.fillStyle = scene.colours[code] as string;
  ctx.beginPath();
  for (let i = 0; i < nodes.length; i++) {
    const s = state === null ? 0 : (state[nodes[i] as number] as number);
    if (s !== code) continue;
    const r = radius * (size[i] as number);
    const px = tx + k * (x[i] as number);
    const py = ty + k * (y[i] as number);
    if (px < -r || py < -r || px > width + r || py > height + r) continue;
    dotPath(ctx, px, py, r);
  }
  ctx.fill();
}

/** Strokes travelled arcs `from` to `to` (global ids; all so far by default) between drawn people. */
export function strokeArcs(p: Painter, frame: Frame, from = 0, to = frame.arcCount): void {
  const { ctx, scene } = p;
  const { tx, ty, k } = p;
  const { localOf, x, y } = scene;
  // Fainter as arcs multiply, so thousands read as a flow rather than a blot.
  const alpha = Math.min(0.55, Math.max(0.07, 8 / Math.sqrt(Math.max(1, frame.arcCount))));
  ctx.strokeStyle = travelledArc(alpha);
  ctx.lineWidth = frame.arcCount > 2000 ? 0.7 : 1.1;
  ctx.beginPath();
  for (let i = from; i < to; i++) {
    const u = localOf[frame.arcSources[i] as number] as number;
    const v = localOf[frame.arcTargets[i] as number] as number;
    if (u < 0 || v < 0) continue;
    ctx.moveTo(tx + k * (x[u] as number), ty + k * (y[u] as number));
    ctx.lineTo(tx + k * (x[v] as number), ty + k * (y[v] as number));
  }
  ctx.stroke();
}

/**
 * Rings around the people of the original audience: with `state` null, around everyone at the
 * not-yet-reached size (the base layer); else around the reached only, at full size.
 */
export function strokeAudience(
  p: Painter,
  audience: Uint8Array,
  state: Uint8Array | null,
  radius: number,
): void {
  const { ctx, scene } = p;
  const { tx, ty, k } = p;
  const { x, y, nodes, size } = scene;
  ctx.strokeStyle = state === null ? AUDIENCE_OUTLINE_FAINT : AUDIENCE_OUTLINE;
  ctx.lineWidth = Math.max(0.6, radius * 0.3);
  ctx.beginPath();
  for (let i = 0; i < nodes.length; i++) {
    const u = nodes[i] as number;
    if (audience[u] !== 1 || (state !== null && state[u] === 0)) continue;
    const r = radius * (size[i] as number) * (state === null ? UNAWARE_SIZE : 1) + ctx.lineWidth * 0.5;
    const px = tx + k * (x[i] as number);
    const py = ty + k * (y[i] as number);
    if (px < -r || py < -r || px > p.width + r || py > p.height + r) continue;
    ringPath(ctx, px, py, r, state === null);
  }
  ctx.stroke();
}

/**
 * Adds a ring of radius r: a circle, or for the faint rings of the not-yet-reached (`mayBeSquare`), a
 * square outline when that small, which is far cheaper and reads the same at that size and opacity.
 */
function ringPath(ctx: Context2D, px: number, py: number, r: number, mayBeSquare: boolean): void {
  if (mayBeSquare && r < TINY_RADIUS * 1.5) {
    ctx.rect(px - r, py - r, 2 * r, 2 * r);
    return;
  }
  ctx.moveTo(px + r, py);
  ctx.arc(px, py, r, 0, 2 * Math.PI);
}
