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
import { AUDIENCE_OUTLINE, EDGE_COLOUR, TRAVELLED_ARC } from './palette.js';

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
  arcSources: Int32Array;
  arcTargets: Int32Array;
  arcCount: number;
}

/** Draws the network on a canvas; one instance per view. */
export class NetworkRenderer {
  private scene: Scene | null = null;
  private frame: Frame | null = null;
  private transform: ZoomTransform = zoomIdentity;
  private readonly edgeLayer = document.createElement('canvas');
  private isEdgeLayerStale = true;
  private tree: Quadtree<number> | null = null;
  private readonly zoomBehavior: ZoomBehavior<HTMLCanvasElement, unknown>;
  private width = 0;
  private height = 0;
  private ratio = 1;
  private pendingDraw = 0;
  private hovered = -1;
  private hasFitted = false;
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
        this.isEdgeLayerStale = true;
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
    this.hasFitted = false;
    this.rebuildIndex();
    this.fit();
  }

  /** New layout positions (same nodes); refits the view while the layout is still settling. */
  updatePositions(x: Float32Array, y: Float32Array, shouldFit: boolean): void {
    if (this.scene === null) return;
    this.scene = { ...this.scene, x, y };
    this.rebuildIndex();
    if (shouldFit || !this.hasFitted) this.fit();
    else {
      this.isEdgeLayerStale = true;
      this.requestDraw();
    }
  }

  /** Sets the replay frame to draw. */
  setFrame(frame: Frame): void {
    this.frame = frame;
    this.requestDraw();
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
    this.draw();
  }

  private requestDraw(): void {
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
    for (const target of [this.canvas, this.edgeLayer]) {
      target.width = Math.floor(this.width * this.ratio);
      target.height = Math.floor(this.height * this.ratio);
    }
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
    this.isEdgeLayerStale = true;
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
    this.isEdgeLayerStale = false;
  }

  private draw(): void {
    const ctx = this.canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const scene = this.scene;
    if (scene === null) return;
    if (this.isEdgeLayerStale) this.drawEdgeLayer();
    ctx.drawImage(this.edgeLayer, 0, 0);
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    const { x: tx, y: ty, k } = this.transform;
    const frame = this.frame;
    const { localOf, x, y } = scene;
    if (frame !== null && frame.arcCount > 0) {
      ctx.strokeStyle = TRAVELLED_ARC;
      ctx.lineWidth = 1.2;
      ctx.beginPath();
      for (let i = 0; i < frame.arcCount; i++) {
        const u = localOf[frame.arcSources[i] as number] as number;
        const v = localOf[frame.arcTargets[i] as number] as number;
        if (u < 0 || v < 0) continue;
        ctx.moveTo(tx + k * (x[u] as number), ty + k * (y[u] as number));
        ctx.lineTo(tx + k * (x[v] as number), ty + k * (y[v] as number));
      }
      ctx.stroke();
    }
    const radius = this.nodeRadius();
    const n = scene.nodes.length;
    const audience = scene.audience;
    if (audience !== null) {
      ctx.strokeStyle = AUDIENCE_OUTLINE;
      ctx.lineWidth = Math.max(0.8, radius * 0.35);
      ctx.beginPath();
      for (let i = 0; i < n; i++) {
        if (audience[scene.nodes[i] as number] !== 1) continue;
        const r = radius * (scene.size[i] as number) + ctx.lineWidth * 0.5;
        const px = tx + k * (x[i] as number);
        const py = ty + k * (y[i] as number);
        ctx.moveTo(px + r, py);
        ctx.arc(px, py, r, 0, 2 * Math.PI);
      }
      ctx.stroke();
    }
    const state = frame?.state ?? null;
    for (let code = 0; code < scene.colours.length; code++) {
      ctx.fillStyle = scene.colours[code] as string;
      ctx.beginPath();
      for (let i = 0; i < n; i++) {
        const s = state === null ? 0 : (state[scene.nodes[i] as number] as number);
        if (s !== code) continue;
        const r = radius * (scene.size[i] as number);
        const px = tx + k * (x[i] as number);
        const py = ty + k * (y[i] as number);
        if (px < -r || py < -r || px > this.width + r || py > this.height + r) continue;
        ctx.moveTo(px + r, py);
        ctx.arc(px, py, r, 0, 2 * Math.PI);
      }
      ctx.fill();
    }
    if (this.hovered >= 0) {
      const i = this.hovered;
      ctx.strokeStyle = '#111827';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(
        tx + k * (x[i] as number),
        ty + k * (y[i] as number),
        radius * (scene.size[i] as number) + 3,
        0,
        2 * Math.PI,
      );
      ctx.stroke();
    }
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
