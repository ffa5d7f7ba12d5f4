/**
 * The network view: a canvas drawing of the drawn people (see chooseDrawn) at their layout positions,
 * coloured by replay state, with the original audience outlined and the arcs the message travelled
 * drawn over the faint network. Zoom and pan with d3-zoom; hovering a person reports them to a
 * callback. The network's own edges are drawn to an offscreen layer only when the view moves, so a
 * replay frame costs O(drawn people + travelled arcs).
 */
import {
  type Quadtree,
  quadtree,
  select,
  type ZoomBehavior,
  type ZoomTransform,
  zoom,
  zoomIdentity,
} from 'd3';
import { EDGE_COLOUR } from './palette.js';

/** A full repaint follows the last incremental frame after this long (ms). */
const SETTLE_MS = 250;
/** Most arcs and people one incremental frame paints; the rest follow on the next frames. */
const ARC_CHUNK = 1500;
const NODE_CHUNK = 2000;

import {
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

export type { Frame, Scene } from './paint.js';

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function sameMask(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Draws the network on a canvas; one instance per view. */
export class NetworkRenderer {
  private scene: Scene | null = null;
  private frame: Frame | null = null;
  private transform: ZoomTransform = zoomIdentity;
  /** The network's edges, redrawn only when the view moves or the layout changes. */
  private readonly edgeLayer = document.createElement('canvas');
  private isEdgeStale = true;
  /** Everyone as a not-yet-reached dot with the faint audience rings; redrawn also on restyle. */
  private readonly dotLayer = document.createElement('canvas');
  private isDotStale = true;
  /** The faint rings around the original audience; redrawn when the audience changes (a new run). */
  private readonly ringLayer = document.createElement('canvas');
  private isRingStale = true;
  private tree: Quadtree<number> | null = null;
  private readonly zoomBehavior: ZoomBehavior<HTMLCanvasElement, unknown>;
  private width = 0;
  private height = 0;
  private ratio = 1;
  private pendingDraw = 0;
  private hovered = -1;
  /** What the canvas shows now: each person's drawn state and the arcs drawn, for incremental frames. */
  private drawnState: Uint8Array | null = null;
  private drawnArcCount = 0;
  private drawnClaim: Uint8Array | null = null;
  private drawnRunId = -1;
  /** Painting a run from the empty network, in order: no repaint needed when it completes. */
  private isProgressive = false;
  private needsFull = true;
  private settleTimer: ReturnType<typeof setTimeout> | undefined = undefined;
  private hasFitted = false;
  /** Whether the layout is still moving people (edges are not drawn meanwhile). */
  private isSettling = true;
  /** The zoom scale of the last fit, so people grow as the user zooms in. */
  private fitK = 1;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onHover: (person: number, clientX: number, clientY: number) => void,
  ) {
    this.zoomBehavior = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.05, 40])
      .on('zoom', (event: { transform: ZoomTransform }) => {
        this.transform = event.transform;
        this.isEdgeStale = true;
        this.isDotStale = true;
        this.isRingStale = true;
        this.requestDraw();
      });
    select(canvas).call(this.zoomBehavior).on('dblclick.zoom', null);
    canvas.addEventListener('pointermove', (event) => this.hover(event));
    canvas.addEventListener('pointerleave', () => this.setHovered(-1, 0, 0));
    new ResizeObserver(() => this.resize()).observe(canvas.parentElement ?? canvas);
    this.resize();
  }

  /** Sets what to draw. Positions may be updated later with {@link updatePositions}. */
  setScene(scene: Scene): void {
    this.scene = scene;
    this.isSettling = true;
    this.hasFitted = false;
    this.rebuildIndex();
    this.fit();
  }

  /**
   * New layout positions (same nodes); refits the view when asked. Until the layout has settled the
   * edges are left out: people move, and drawing 100,000 edges per update would freeze the page.
   */
  updatePositions(x: Float32Array, y: Float32Array, shouldFit: boolean, isSettled: boolean): void {
    if (this.scene === null) return;
    this.scene = { ...this.scene, x, y };
    this.isSettling = !isSettled;
    this.rebuildIndex();
    this.isEdgeStale = true;
    this.isDotStale = true;
    this.isRingStale = true;
    if (shouldFit || !this.hasFitted) this.fit();
    else this.requestDraw();
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

  /** Sets the replay frame to draw. */
  setFrame(frame: Frame): void {
    this.frame = frame;
    this.requestDraw(false);
  }

  /** Zooms to show every drawn person. */
  fit(): void {
    const scene = this.scene;
    if (scene === null || this.width === 0 || scene.x.length === 0) return;
    let x0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let y0 = Number.POSITIVE_INFINITY;
    let y1 = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < scene.x.length; i++) {
      const x = scene.x[i] as number;
      const y = scene.y[i] as number;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    const margin = 24;
    const k = Math.min(
      (this.width - 2 * margin) / Math.max(1e-9, x1 - x0),
      (this.height - 2 * margin) / Math.max(1e-9, y1 - y0),
    );
    const scale = Number.isFinite(k) && k > 0 ? Math.min(k, 40) : 1;
    const t = zoomIdentity
      .translate(this.width / 2 - (scale * (x0 + x1)) / 2, this.height / 2 - (scale * (y0 + y1)) / 2)
      .scale(scale);
    this.hasFitted = true;
    this.fitK = scale;
    select(this.canvas).call(this.zoomBehavior.transform, t);
  }

  /** Draws now (synchronously); used by tests and the PNG export. */
  drawNow(): void {
    if (this.pendingDraw !== 0) cancelAnimationFrame(this.pendingDraw);
    this.pendingDraw = 0;
    this.needsFull = true;
    this.draw();
  }

  /** Asks for a draw at the next animation frame; `isFull` (the default) repaints everything. */
  private requestDraw(isFull = true): void {
    if (isFull) this.needsFull = true;
    if (this.pendingDraw !== 0) return;
    this.pendingDraw = requestAnimationFrame(() => {
      this.pendingDraw = 0;
      this.draw();
    });
  }

  private resize(): void {
    const box = (this.canvas.parentElement ?? this.canvas).getBoundingClientRect();
    this.ratio = window.devicePixelRatio || 1;
    this.width = Math.max(1, Math.floor(box.width));
    this.height = Math.max(1, Math.floor(box.height));
    for (const target of [this.canvas, this.edgeLayer, this.dotLayer, this.ringLayer]) {
      target.width = Math.floor(this.width * this.ratio);
      target.height = Math.floor(this.height * this.ratio);
    }
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
    this.isEdgeStale = true;
    this.isDotStale = true;
    this.isRingStale = true;
    if (!this.hasFitted) this.fit();
    this.requestDraw();
  }

  private rebuildIndex(): void {
    const scene = this.scene;
    if (scene === null) return;
    this.tree = quadtree<number>()
      .x((i) => scene.x[i] as number)
      .y((i) => scene.y[i] as number)
      .addAll(Array.from({ length: scene.x.length }, (_, i) => i));
  }

  private nodeRadius(): number {
    const scene = this.scene;
    const n = scene === null ? 1 : scene.x.length;
    const base = n > 5000 ? 1.3 : n > 500 ? 2.2 : 4.5;
    return Math.min(12, base * Math.max(0.7, Math.sqrt(this.transform.k / this.fitK)));
  }

  private drawEdgeLayer(): void {
    const scene = this.scene as Scene;
    const ctx = this.edgeLayer.getContext('2d') as CanvasRenderingContext2D;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    const { x: tx, y: ty, k } = this.transform;
    if (this.isSettling) {
      this.isEdgeStale = false;
      return;
    }
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
    this.isEdgeStale = false;
  }

  /**
   * Everyone as a small not-yet-reached dot: a reached person is drawn larger on top each frame,
   * covering their dot, so frames only draw who was reached.
   */
  private drawDotLayer(): void {
    const ctx = this.dotLayer.getContext('2d') as CanvasRenderingContext2D;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    fillNodes(this.painter(ctx), null, 0, this.nodeRadius() * UNAWARE_SIZE);
    this.isDotStale = false;
  }

  /** The faint rings around the original audience at the not-yet-reached size. */
  private drawRingLayer(): void {
    const scene = this.scene as Scene;
    const ctx = this.ringLayer.getContext('2d') as CanvasRenderingContext2D;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.clearRect(0, 0, this.width, this.height);
    if (scene.audience !== null) strokeAudience(this.painter(ctx), scene.audience, null, this.nodeRadius());
    this.isRingStale = false;
  }

  /** Paints the three cached layers (edges, dots, rings), redrawing those that are stale. */
  private paintLayers(ctx: CanvasRenderingContext2D): void {
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
   * change, not to the network. Anything else (a zoom, going back, a hover) repaints everything, and
   * a full repaint follows shortly after the last incremental frame to restore the layering.
   */
  private draw(): void {
    const frame = this.frame;
    if (frame !== null && frame.runId !== this.drawnRunId && !this.needsFull && this.hovered < 0) {
      // Another run: start from the empty network and paint the run over the next frames (the
      // layers alone this frame when one of them had to be redrawn: that is a frame's worth of work).
      const wasStale = this.isEdgeStale || this.isDotStale || this.isRingStale;
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
      frame.arcCount >= this.drawnArcCount &&
      this.hovered < 0
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

  /** Clears the canvas to the edge and dot layers (no one reached). */
  private drawLayersOnly(): void {
    const ctx = this.canvas.getContext('2d') as CanvasRenderingContext2D;
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
    const ctx = this.canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
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
    const ctx = this.canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const scene = this.scene;
    if (scene === null) return;
    this.paintLayers(ctx);
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
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
    if (this.hovered >= 0) {
      const i = this.hovered;
      const { x: tx, y: ty, k } = this.transform;
      ctx.strokeStyle = '#111827';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(
        tx + k * (scene.x[i] as number),
        ty + k * (scene.y[i] as number),
        radius * (scene.size[i] as number) + 3,
        0,
        2 * Math.PI,
      );
      ctx.stroke();
    }
  }

  /** The painter for `ctx` with the current scene, transform and size. */
  private painter(ctx: CanvasRenderingContext2D): Painter {
    const { x: tx, y: ty, k } = this.transform;
    return { ctx, scene: this.scene as Scene, tx, ty, k, width: this.width, height: this.height };
  }

  private hover(event: PointerEvent): void {
    const scene = this.scene;
    if (scene === null || this.tree === null) return;
    const box = this.canvas.getBoundingClientRect();
    const [wx, wy] = this.transform.invert([event.clientX - box.left, event.clientY - box.top]);
    const found = this.tree.find(wx, wy, (this.nodeRadius() * 2.5 + 4) / this.transform.k);
    this.setHovered(found ?? -1, event.clientX, event.clientY);
  }

  private setHovered(local: number, clientX: number, clientY: number): void {
    if (local !== this.hovered) {
      this.hovered = local;
      this.requestDraw();
    }
    const scene = this.scene;
    this.onHover(local >= 0 && scene !== null ? (scene.nodes[local] as number) : -1, clientX, clientY);
  }
}
