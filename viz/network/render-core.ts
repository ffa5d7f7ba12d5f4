/**
 * The network drawing itself, independent of where it runs: in the render worker on an OffscreenCanvas
 * (the page hands its canvas over, so painting and software rasterising never occupy the page's
 * thread), or on the page when the browser cannot transfer a canvas. It keeps three cached layers (the
 * network's edges, everyone as a not-yet-reached dot, the audience rings), paints a replay frame over
 * them, and while the replay moves forward paints only what changed, a bounded chunk per animation
 * frame. It receives plain data (scene, view, frames) and never touches the DOM.
 */

import {
  type Context2D,
  type Frame,
  fillBelievers,
  fillNodes,
  type Painter,
  paintChanged,
  type Scene,
  strokeArcs,
  strokeAudience,
  UNAWARE_SIZE,
} from './paint.js';
import { EDGE_COLOUR } from './palette.js';

/** A full repaint follows the last incremental frame after this long (ms). */
const SETTLE_MS = 250;
/** Most arcs and people one incremental frame paints; the rest follow on the next frames. */
const ARC_CHUNK = 1500;
const NODE_CHUNK = 2000;

/** Where the view looks: the zoom transform, the zoom scale of the last fit, and the size in CSS px. */
export interface ViewState {
  tx: number;
  ty: number;
  k: number;
  /** The zoom scale of the last fit, so people grow as the user zooms in. */
  fitK: number;
  width: number;
  height: number;
  /** Device pixels per CSS pixel. */
  ratio: number;
}

/** A replay frame as sent to the core: the travelled arcs come once per run with {@link RenderCore.setArcs}. */
export interface FrameState {
  state: Uint8Array;
  claim: Uint8Array | null;
  arcCount: number;
  runId: number;
}

/** Radius (CSS px) of a drawn person of size factor 1 among `count` drawn, at zoom k after a fit at fitK. */
export function personRadius(count: number, k: number, fitK: number): number {
  const base = count > 5000 ? 1.3 : count > 500 ? 2.2 : 4.5;
  return Math.min(12, base * Math.max(0.7, Math.sqrt(k / fitK)));
}

/** A canvas the core can draw on (the page's, or one transferred to a worker). */
export type Surface = HTMLCanvasElement | OffscreenCanvas;

function createLayer(): Surface {
  return typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1) : document.createElement('canvas');
}

function context(surface: Surface): Context2D {
  return surface.getContext('2d') as Context2D;
}

/** The next animation frame where there is one (window, dedicated worker), else a timer. */
function nextFrame(callback: () => void): () => void {
  if (typeof requestAnimationFrame === 'function') {
    const handle = requestAnimationFrame(() => callback());
    return () => cancelAnimationFrame(handle);
  }
  const handle = setTimeout(callback, 16);
  return () => clearTimeout(handle);
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function sameMask(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Draws one network view on one surface. */
export class RenderCore {
  private scene: Scene | null = null;
  private frame: Frame | null = null;
  private arcs: { runId: number; sources: Int32Array; targets: Int32Array } = {
    runId: -1,
    sources: new Int32Array(0),
    targets: new Int32Array(0),
  };
  private view: ViewState = { tx: 0, ty: 0, k: 1, fitK: 1, width: 1, height: 1, ratio: 1 };
  /** The network's edges, redrawn only when the view moves or the layout changes. */
  private readonly edgeLayer = createLayer();
  private isEdgeStale = true;
  /** Everyone as a not-yet-reached dot; redrawn when the view, the positions or the colours change. */
  private readonly dotLayer = createLayer();
  private isDotStale = true;
  /** The faint rings around the original audience; redrawn when the audience changes (a new run). */
  private readonly ringLayer = createLayer();
  private isRingStale = true;
  /** Whether the layout is still moving people (edges are not drawn meanwhile). */
  private isSettling = true;
  private cancelDraw: (() => void) | null = null;
  /** What the canvas shows now: each person's drawn state and the arcs drawn, for incremental frames. */
  private drawnState: Uint8Array | null = null;
  private drawnArcCount = 0;
  private drawnClaim: Uint8Array | null = null;
  private drawnRunId = -1;
  /** Painting a run from the empty network, in order: no repaint needed when it completes. */
  private isProgressive = false;
  private needsFull = true;
  private settleTimer: ReturnType<typeof setTimeout> | undefined = undefined;

  constructor(private readonly canvas: Surface) {}

  /** Sets what to draw (with its current positions); the layout may still be moving it. */
  setScene(scene: Scene): void {
    this.scene = scene;
    this.isSettling = true;
    this.staleLayers();
    this.requestDraw();
  }

  /**
   * New layout positions for the same people. Until the layout has settled the edges are left out:
   * people move, and drawing 100,000 edges per update would be wasted.
   */
  setPositions(x: Float32Array, y: Float32Array, isSettled: boolean): void {
    if (this.scene === null) return;
    this.scene = { ...this.scene, x, y };
    this.isSettling = !isSettled;
    this.staleLayers();
    this.requestDraw();
  }

  /** New state colours or audience for the same people and positions. */
  restyle(colours: readonly string[], audience: Uint8Array | null): void {
    const scene = this.scene;
    if (scene === null) return;
    const isSameColours = sameStrings(scene.colours, colours);
    const isSameAudience = sameMask(scene.audience, audience);
    this.scene = { ...scene, colours, audience };
    if (isSameColours && isSameAudience) return;
    if (!isSameColours) this.isDotStale = true;
    if (!isSameAudience) this.isRingStale = true;
    this.requestDraw();
  }

  /** Moves or resizes the view; a changed size resizes the canvas and its layers. */
  setView(view: ViewState): void {
    const old = this.view;
    const keys = Object.keys(view) as (keyof ViewState)[];
    if (keys.every((key) => old[key] === view[key])) return;
    this.view = view;
    if (old.width !== view.width || old.height !== view.height || old.ratio !== view.ratio) {
      const w = Math.max(1, Math.floor(view.width * view.ratio));
      const h = Math.max(1, Math.floor(view.height * view.ratio));
      for (const target of [this.canvas, this.edgeLayer, this.dotLayer, this.ringLayer]) {
        target.width = w;
        target.height = h;
      }
    }
    this.staleLayers();
    this.requestDraw();
  }

  /** The travelled arcs of run `runId` (global ids, in order of time). */
  setArcs(runId: number, sources: Int32Array, targets: Int32Array): void {
    this.arcs = { runId, sources, targets };
  }

  /** Sets the replay frame to draw (of the run whose arcs were set last). */
  setFrame(frame: FrameState): void {
    const { arcs } = this;
    this.frame = {
      state: frame.state,
      claim: frame.claim,
      arcSources: arcs.sources,
      arcTargets: arcs.targets,
      arcCount: arcs.runId === frame.runId ? Math.min(frame.arcCount, arcs.sources.length) : 0,
      runId: frame.runId,
    };
    this.requestDraw(false);
  }

  /** Draws everything now (synchronously): the PNG export. */
  drawNow(): void {
    this.cancelDraw?.();
    this.cancelDraw = null;
    this.needsFull = true;
    this.draw();
  }

  private staleLayers(): void {
    this.isEdgeStale = true;
    this.isDotStale = true;
    this.isRingStale = true;
  }

  /** Asks for a draw at the next animation frame; `isFull` (the default) repaints everything. */
  private requestDraw(isFull = true): void {
    if (isFull) this.needsFull = true;
    if (this.cancelDraw !== null) return;
    this.cancelDraw = nextFrame(() => {
      this.cancelDraw = null;
      this.draw();
    });
  }

  private nodeRadius(): number {
    return personRadius(this.scene === null ? 1 : this.scene.x.length, this.view.k, this.view.fitK);
  }

  /** A context on `surface` drawing in CSS pixels. */
  private cssContext(surface: Surface, shouldClear: boolean): Context2D {
    const ctx = context(surface);
    const { ratio, width, height } = this.view;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (shouldClear) ctx.clearRect(0, 0, width, height);
    return ctx;
  }

  private drawEdgeLayer(): void {
    const scene = this.scene as Scene;
    const ctx = this.cssContext(this.edgeLayer, true);
    this.isEdgeStale = false;
    if (this.isSettling) return;
    const { tx, ty, k } = this.view;
    ctx.strokeStyle = EDGE_COLOUR;
    ctx.lineWidth = scene.sources.length > 20_000 ? 0.5 : 0.8;
    ctx.beginPath();
    for (let e = 0; e < scene.sources.length; e++) {
      const u = scene.sources[e] as number;
      const v = scene.targets[e] as number;
      ctx.moveTo(tx + k * (scene.x[u] as number), ty + k * (scene.y[u] as number));
      ctx.lineTo(tx + k * (scene.x[v] as number), ty + k * (scene.y[v] as number));
    }
    ctx.stroke();
  }

  /**
   * Everyone as a small not-yet-reached dot: a reached person is drawn larger on top each frame,
   * covering their dot, so frames only draw who was reached.
   */
  private drawDotLayer(): void {
    fillNodes(this.painter(this.cssContext(this.dotLayer, true)), null, 0, this.nodeRadius() * UNAWARE_SIZE);
    this.isDotStale = false;
  }

  /** The faint rings around the original audience at the not-yet-reached size. */
  private drawRingLayer(): void {
    const scene = this.scene as Scene;
    const ctx = this.cssContext(this.ringLayer, true);
    if (scene.audience !== null) strokeAudience(this.painter(ctx), scene.audience, null, this.nodeRadius());
    this.isRingStale = false;
  }

  /** Paints the three cached layers (edges, dots, rings), redrawing those that are stale. */
  private paintLayers(ctx: Context2D): void {
    if (this.isEdgeStale) this.drawEdgeLayer();
    if (this.isDotStale) this.drawDotLayer();
    if (this.isRingStale) this.drawRingLayer();
    ctx.drawImage(this.edgeLayer, 0, 0);
    ctx.drawImage(this.dotLayer, 0, 0);
    ctx.drawImage(this.ringLayer, 0, 0);
  }

  /**
   * Draws the frame. While the replay moves forward only what changed since the last frame is painted
   * over the canvas (new arcs, people whose state changed): a frame then costs in proportion to the
   * change, not to the network. Anything else (a zoom, going back) repaints everything, and
   * a full repaint follows shortly after the last incremental frame to restore the layering.
   */
  private draw(): void {
    const frame = this.frame;
    if (frame !== null && frame.runId !== this.drawnRunId) {
      // Another run: start from the empty network (redrawing whichever layer is stale, so this also
      // stands for a full repaint) and paint the run over the next frames, a chunk per frame (the
      // layers alone this frame when one of them had to be redrawn: that is a frame's worth of work).
      const wasStale = this.isEdgeStale || this.isDotStale || this.isRingStale;
      this.needsFull = false;
      this.drawLayersOnly();
      this.drawnState = new Uint8Array(frame.state.length);
      this.drawnClaim = frame.claim === null ? null : new Uint8Array(frame.claim.length);
      this.drawnArcCount = 0;
      this.drawnRunId = frame.runId;
      this.isProgressive = true;
      if (wasStale) {
        this.requestDraw(false);
        return;
      }
    }
    const drawn = this.drawnState;
    const change =
      !this.needsFull &&
      frame !== null &&
      drawn !== null &&
      frame.runId === this.drawnRunId &&
      drawn.length === frame.state.length &&
      frame.arcCount >= this.drawnArcCount
        ? this.drawChanges(frame, drawn)
        : 'full';
    if (change === 'full') {
      this.drawInner();
      this.needsFull = false;
      this.isProgressive = false;
      this.drawnState = frame === null ? null : frame.state.slice();
      this.drawnClaim = frame?.claim?.slice() ?? null;
      this.drawnArcCount = frame?.arcCount ?? 0;
      this.drawnRunId = frame?.runId ?? -1;
      clearTimeout(this.settleTimer);
      return;
    }
    if (change === 'partial') {
      this.requestDraw(false);
      return;
    }
    if (change === 'none') return;
    if (this.isProgressive) {
      // Painted from empty in the right order (arcs first, then people): nothing to restore.
      this.isProgressive = false;
      return;
    }
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.requestDraw(), SETTLE_MS);
  }

  /** Clears the canvas to the cached layers (no one reached). */
  private drawLayersOnly(): void {
    const ctx = context(this.canvas);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (this.scene === null) return;
    this.paintLayers(ctx);
  }

  /**
   * Paints the arcs and people that changed since the drawn state, at most a chunk of each per frame
   * so no frame is a long task (arcs first, then people). Returns `none` when nothing changed,
   * `partial` when more remains for the next frame, and `full` (painting nothing) when a person went
   * back, which needs a full repaint.
   */
  private drawChanges(frame: Frame, drawn: Uint8Array): 'none' | 'some' | 'partial' | 'full' {
    const scene = this.scene;
    if (scene === null) return 'full';
    const { nodes } = scene;
    const changed: number[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const u = nodes[i] as number;
      const next = frame.state[u] as number;
      if (next === drawn[u]) continue;
      if (next === 0) return 'full';
      changed.push(i);
    }
    const claim = frame.claim;
    const drawnClaim = this.drawnClaim;
    if ((claim === null) !== (drawnClaim === null)) return 'full';
    let newBelievers: number[] = [];
    if (claim !== null && drawnClaim !== null) {
      for (let i = 0; i < nodes.length; i++) {
        const u = nodes[i] as number;
        if (claim[u] === drawnClaim[u]) continue;
        if (claim[u] === 0) return 'full';
        newBelievers.push(i);
      }
      // A person whose state changed is repainted in its state colour: paint the believer again on top.
      for (const i of changed) if (claim[nodes[i] as number] === 1) newBelievers.push(i);
      newBelievers = [...new Set(newBelievers)];
    }
    const hasNewArcs = frame.arcCount > this.drawnArcCount;
    if (!hasNewArcs && changed.length === 0 && newBelievers.length === 0) return 'none';
    const ctx = this.cssContext(this.canvas, false);
    if (hasNewArcs) {
      const to = Math.min(frame.arcCount, this.drawnArcCount + ARC_CHUNK);
      strokeArcs(this.painter(ctx), frame, this.drawnArcCount, to);
      this.drawnArcCount = to;
      if (to < frame.arcCount) return 'partial';
    }
    const radius = this.nodeRadius();
    const chunk = changed.length > NODE_CHUNK ? changed.slice(0, NODE_CHUNK) : changed;
    if (chunk.length > 0) paintChanged(this.painter(ctx), frame, drawn, chunk, radius);
    if (claim !== null && drawnClaim !== null && newBelievers.length > 0) {
      for (const i of newBelievers) drawnClaim[nodes[i] as number] = 1;
      fillBelievers(this.painter(ctx), claim, newBelievers, radius);
    }
    return chunk.length < changed.length ? 'partial' : 'some';
  }

  private drawInner(): void {
    const ctx = context(this.canvas);
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const scene = this.scene;
    if (scene === null) return;
    this.paintLayers(ctx);
    this.cssContext(this.canvas, false);
    const frame = this.frame;
    const state = frame?.state ?? null;
    const radius = this.nodeRadius();
    // Order: the unaware (small, under everything), the paths the message took, the audience rings,
    // then everyone reached, so the spread stands out against the network.
    if (frame !== null && frame.arcCount > 0) strokeArcs(this.painter(ctx), frame);
    if (scene.audience !== null && state !== null)
      strokeAudience(this.painter(ctx), scene.audience, state, radius);
    for (let code = 1; code < scene.colours.length; code++) fillNodes(this.painter(ctx), state, code, radius);
    if (frame?.claim != null) fillBelievers(this.painter(ctx), frame.claim, null, radius);
  }

  /** The painter for `ctx` with the current scene, transform and size. */
  private painter(ctx: Context2D): Painter {
    const { tx, ty, k, width, height } = this.view;
    return { ctx, scene: this.scene as Scene, tx, ty, k, width, height };
  }
}
