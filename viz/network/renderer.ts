/**
 * The network view on the page: zoom and pan with d3-zoom, hover (a quadtree over the layout
 * positions), fit, and the hand-over of everything to draw to the render worker, which paints on the
 * canvas the page transferred to it (see render-core.ts). The page's thread then never paints or
 * rasterises the network: a run, a zoom or a layout update costs it a few small messages. Browsers
 * that cannot transfer a canvas get the same drawing on the page.
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
import type { RenderMessage, SnapshotReply } from '../worker/render-protocol.js';
import { applyRenderMessage } from '../worker/render-protocol.js';
import type { Frame, Scene } from './paint.js';
import { personRadius, RenderCore, type ViewState } from './render-core.js';

export type { Frame, Scene } from './paint.js';

/** How long the hover index waits for an idle moment after the layout settles (ms). */
const INDEX_WAIT_MS = 2000;
/** The ring around the hovered person. */
const HOVER_RING = '#111827';

/** Draws the network on a canvas; one instance per view. */
export class NetworkRenderer {
  /** The page's copy of the scene: positions and ids for hover and fit. */
  private scene: Scene | null = null;
  private transform: ZoomTransform = zoomIdentity;
  /**
   * The hover index: built when the page is idle once the layout has settled (or on the first hover,
   * if that comes first), not on every layout update.
   */
  private tree: Quadtree<number> | null = null;
  private cancelIndex: (() => void) | null = null;
  private readonly zoomBehavior: ZoomBehavior<HTMLCanvasElement, unknown>;
  private width = 0;
  private height = 0;
  private ratio = 1;
  private hovered = -1;
  /** A transparent canvas over the drawing for the hover ring: hovering never repaints the network. */
  private readonly overlay = document.createElement('canvas');
  private hasFitted = false;
  /** Whether the user has zoomed or panned since the last fit (a new size then keeps their view). */
  private hasUserMoved = false;
  /** The zoom scale of the last fit, so people grow as the user zooms in. */
  private fitK = 1;
  private readonly worker: Worker | null = null;
  /** The in-page drawing, when the canvas cannot be transferred. */
  private readonly core: RenderCore | null = null;
  /** The arcs the render side holds (by identity), so they are sent once per run. */
  private sentArcs: Int32Array | null = null;
  private sentArcsRunId = -1;
  private readonly snapshots = new Map<number, (blob: Blob | null) => void>();
  private nextSnapshot = 1;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onHover: (person: number, clientX: number, clientY: number) => void,
  ) {
    if (typeof canvas.transferControlToOffscreen === 'function' && typeof OffscreenCanvas === 'function') {
      this.worker = new Worker(new URL('../worker/render-worker.ts', import.meta.url), { type: 'module' });
      this.worker.onmessage = (event: MessageEvent<SnapshotReply>) => {
        this.snapshots.get(event.data.id)?.(event.data.blob);
        this.snapshots.delete(event.data.id);
      };
      const offscreen = canvas.transferControlToOffscreen();
      this.worker.postMessage({ type: 'init', canvas: offscreen } satisfies RenderMessage, [offscreen]);
    } else this.core = new RenderCore(canvas);
    this.overlay.className = 'network-overlay';
    this.overlay.setAttribute('aria-hidden', 'true');
    canvas.after(this.overlay);
    this.zoomBehavior = zoom<HTMLCanvasElement, unknown>()
      .scaleExtent([0.05, 40])
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: unknown }) => {
        this.transform = event.transform;
        // A wheel or drag has a source event; the fit's own transform has none.
        if (event.sourceEvent !== null && event.sourceEvent !== undefined) this.hasUserMoved = true;
        this.sendView();
      });
    select(canvas).call(this.zoomBehavior).on('dblclick.zoom', null);
    canvas.addEventListener('pointermove', (event) => this.hover(event));
    canvas.addEventListener('pointerleave', () => this.setHovered(-1, 0, 0));
    // The first size comes with the observer's first report, after the page's first layout (reading
    // it here would force that layout inside the script that builds the page).
    new ResizeObserver(() => this.resize()).observe(canvas.parentElement ?? canvas);
  }

  /** Sets what to draw. Positions may be updated later with {@link updatePositions}. */
  setScene(scene: Scene): void {
    this.scene = scene;
    this.dropIndex();
    this.hasFitted = false;
    this.hovered = -1;
    this.send({ type: 'scene', scene });
    this.drawOverlay();
    this.fit();
  }

  /**
   * New layout positions (same nodes); refits the view when asked, unless the user has zoomed or
   * panned since the last fit (the view then stays where they put it). `isSettled` on the last.
   */
  updatePositions(x: Float32Array, y: Float32Array, shouldFit: boolean, isSettled: boolean): void {
    if (this.scene === null) return;
    this.scene = { ...this.scene, x, y };
    this.dropIndex();
    if (isSettled) this.indexWhenIdle();
    this.send({ type: 'positions', x, y, isSettled });
    if (!this.hasFitted || (shouldFit && !this.hasUserMoved)) this.fit();
    else this.drawOverlay();
  }

  /** New state colours or audience for the same people and positions. */
  restyle(colours: readonly string[], audience: Uint8Array | null): void {
    if (this.scene === null) return;
    this.scene = { ...this.scene, colours, audience };
    this.send({ type: 'style', colours, audience });
  }

  /** Sets the replay frame to draw; the run's arcs travel once, the states with every frame. */
  setFrame(frame: Frame): void {
    if (frame.runId !== this.sentArcsRunId || frame.arcSources !== this.sentArcs) {
      this.sentArcs = frame.arcSources;
      this.sentArcsRunId = frame.runId;
      this.send({ type: 'arcs', runId: frame.runId, sources: frame.arcSources, targets: frame.arcTargets });
    }
    const { state, claim, arcCount, runId } = frame;
    this.send({ type: 'frame', frame: { state, claim, arcCount, runId } });
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
    this.hasUserMoved = false;
    this.fitK = scale;
    select(this.canvas).call(this.zoomBehavior.transform, t);
  }

  /** The view as PNG, painted in full first (the export). */
  snapshot(): Promise<Blob | null> {
    if (this.worker === null) {
      this.core?.drawNow();
      return new Promise((resolve) => this.canvas.toBlob(resolve, 'image/png'));
    }
    const id = this.nextSnapshot++;
    return new Promise((resolve) => {
      this.snapshots.set(id, resolve);
      this.send({ type: 'snapshot', id });
    });
  }

  /** To the render worker (state arrays are copied), or straight to the in-page core. */
  private send(message: RenderMessage): void {
    if (this.worker !== null) this.worker.postMessage(message);
    else if (this.core !== null) applyRenderMessage(this.core, message);
  }

  private sendView(): void {
    const { x: tx, y: ty, k } = this.transform;
    const view: ViewState = {
      tx,
      ty,
      k,
      fitK: this.fitK,
      width: this.width,
      height: this.height,
      ratio: this.ratio,
    };
    this.send({ type: 'view', view });
    this.drawOverlay();
  }

  /** Rings the hovered person on the overlay (clears it when no one is hovered). */
  private drawOverlay(): void {
    const ctx = this.overlay.getContext('2d') as CanvasRenderingContext2D;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.overlay.width, this.overlay.height);
    const scene = this.scene;
    const i = this.hovered;
    if (scene === null || i < 0 || i >= scene.x.length) return;
    const { x: tx, y: ty, k } = this.transform;
    ctx.setTransform(this.ratio, 0, 0, this.ratio, 0, 0);
    ctx.strokeStyle = HOVER_RING;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(
      tx + k * (scene.x[i] as number),
      ty + k * (scene.y[i] as number),
      this.nodeRadius() * (scene.size[i] as number) + 3,
      0,
      2 * Math.PI,
    );
    ctx.stroke();
  }

  private resize(): void {
    const box = (this.canvas.parentElement ?? this.canvas).getBoundingClientRect();
    this.ratio = window.devicePixelRatio || 1;
    this.width = Math.max(1, Math.floor(box.width));
    this.height = Math.max(1, Math.floor(box.height));
    this.overlay.width = Math.floor(this.width * this.ratio);
    this.overlay.height = Math.floor(this.height * this.ratio);
    for (const target of [this.canvas, this.overlay]) {
      target.style.width = `${this.width}px`;
      target.style.height = `${this.height}px`;
    }
    this.sendView();
    // A new size refits the view, unless the user has zoomed or panned since the last fit.
    if (!this.hasFitted || !this.hasUserMoved) this.fit();
  }

  private nodeRadius(): number {
    return personRadius(this.scene === null ? 1 : this.scene.x.length, this.transform.k, this.fitK);
  }

  private dropIndex(): void {
    this.cancelIndex?.();
    this.cancelIndex = null;
    this.tree = null;
  }

  private indexWhenIdle(): void {
    if (typeof requestIdleCallback !== 'function') return;
    const handle = requestIdleCallback(() => this.index(), { timeout: INDEX_WAIT_MS });
    this.cancelIndex = () => cancelIdleCallback(handle);
  }

  /** The hover index over the current positions (a quadtree of local indices). */
  private index(): Quadtree<number> | null {
    const scene = this.scene;
    if (scene === null) return null;
    if (this.tree === null) {
      const { x, y } = scene;
      this.tree = quadtree<number>()
        .x((i) => x[i] as number)
        .y((i) => y[i] as number)
        .addAll(Array.from({ length: x.length }, (_, i) => i));
    }
    return this.tree;
  }

  private hover(event: PointerEvent): void {
    const tree = this.index();
    if (tree === null) return;
    const box = this.canvas.getBoundingClientRect();
    const [wx, wy] = this.transform.invert([event.clientX - box.left, event.clientY - box.top]);
    const found = tree.find(wx, wy, (this.nodeRadius() * 2.5 + 4) / this.transform.k);
    this.setHovered(found ?? -1, event.clientX, event.clientY);
  }

  private setHovered(local: number, clientX: number, clientY: number): void {
    if (local !== this.hovered) {
      this.hovered = local;
      this.drawOverlay();
    }
    const scene = this.scene;
    this.onHover(local >= 0 && scene !== null ? (scene.nodes[local] as number) : -1, clientX, clientY);
  }
}
