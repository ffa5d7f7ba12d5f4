/**
 * The network panel: the canvas renderer, the layout worker feeding it positions, the legend (every
 * colour explained, with counts at the replay time), the hover tooltip (attributes, who reached the
 * person and when) and the note that says when the drawing is sampled. Tooltip text is set with
 * textContent: labels and attribute values come from files.
 */
import { ATTRIBUTE_NAMES, type Network, nodeId, outDegree } from '../../engine/index.js';
import { formatCount, formatDay } from '../format.js';
import type { DrawnGraph } from '../network/layout-budget.js';
import { CLAIM_COLOUR, stateColours } from '../network/palette.js';
import { type Frame, NetworkRenderer } from '../network/renderer.js';
import type { FirstReach } from '../replay/replay-cursor.js';
import type { LayoutRequest, LayoutResponse } from '../worker/layout-worker.js';

/** What the tooltip needs about the current run. */
export interface HoverContext {
  stateNames: readonly string[];
  state: Uint8Array;
  reach: FirstReach;
  channelNames: readonly string[];
  seeds: Set<number>;
  time: number;
  unit: string;
  /** 1 for each believer of the false claim now, or null without a claim. */
  claim: Uint8Array | null;
  believers: number;
}

/** Owns the network drawing. */
export class NetworkView {
  private readonly renderer: NetworkRenderer;
  /** Started with the first network, not while the page loads. */
  private layoutWorker: Worker | null = null;
  private layoutId = 0;
  private network: Network | null = null;
  private audience: Uint8Array | null = null;
  private hoverContext: HoverContext | null = null;
  private readonly tooltip = document.getElementById('tooltip') as HTMLDivElement;
  private readonly note = document.getElementById('network-note') as HTMLDivElement;
  private readonly legend = document.getElementById('legend') as HTMLDivElement;
  private colours: string[] = [];
  private layoutNote = '';
  private legendStructure = '';
  private audienceLabel = 'original audience';
  /** Resolves when the current layout has finished (tests and the benchmark wait on it). */
  layoutDone: Promise<number> = Promise.resolve(0);
  private resolveLayout: (ms: number) => void = () => {};

  constructor(canvas: HTMLCanvasElement) {
    this.renderer = new NetworkRenderer(canvas, (person, x, y) => this.hover(person, x, y));
    (document.getElementById('fit') as HTMLButtonElement).addEventListener('click', () =>
      this.renderer.fit(),
    );
  }

  /**
   * Shows a (new) network: `drawn` is what to draw of it (see chooseDrawn; the simulation worker
   * chooses it with the run). Starts its layout.
   */
  setNetwork(
    network: Network,
    drawn: DrawnGraph,
    audience: Uint8Array | null,
    stateNames: readonly string[],
    seed: number,
  ): void {
    this.network = network;
    this.audience = audience;
    this.colours = stateColours(stateNames);
    const n = drawn.nodes.length;
    const size = new Float32Array(n);
    const mean = network.nodeCount === 0 ? 1 : network.arcCount / network.nodeCount;
    for (let i = 0; i < n; i++) {
      const degree =
        outDegree(network, drawn.nodes[i] as number) +
        (network.isDirected
          ? (network.inOffsets[(drawn.nodes[i] as number) + 1] as number) -
            (network.inOffsets[drawn.nodes[i] as number] as number)
          : 0);
      size[i] = Math.min(3, 0.8 + 0.35 * Math.log2(1 + degree / Math.max(1, mean)));
    }
    const x = new Float32Array(n);
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const a = i * 2.399963;
      const r = Math.sqrt(i + 0.5) * 10;
      x[i] = r * Math.cos(a);
      y[i] = r * Math.sin(a);
    }
    this.renderer.setScene({
      x,
      y,
      nodes: drawn.nodes,
      localOf: drawn.localOf,
      sources: drawn.sources,
      targets: drawn.targets,
      size,
      audience,
      colours: this.colours,
    });
    const people =
      n === network.nodeCount
        ? `all ${formatCount(n)}`
        : `${formatCount(n)} of ${formatCount(network.nodeCount)}`;
    this.layoutNote = drawn.isSampled
      ? `Drawing a sample: ${people} people, ${formatCount(drawn.sources.length)} of ${formatCount(network.edgeCount)} edges. Charts and figures count everyone.`
      : '';
    this.note.textContent = this.layoutNote === '' ? 'Laying out…' : `${this.layoutNote} · laying out…`;
    const id = ++this.layoutId;
    this.layoutDone = new Promise((resolve) => {
      this.resolveLayout = resolve;
    });
    const community = network.attributes.community;
    const request: LayoutRequest = {
      id,
      nodeCount: n,
      sources: drawn.sources.slice(),
      targets: drawn.targets.slice(),
      community: community === null ? null : Int32Array.from(drawn.nodes, (u) => community[u] as number),
      seed,
    };
    const transfer = [request.sources.buffer, request.targets.buffer];
    if (request.community !== null) transfer.push(request.community.buffer);
    this.startLayoutWorker().postMessage(request, transfer);
  }

  private startLayoutWorker(): Worker {
    if (this.layoutWorker === null) {
      this.layoutWorker = new Worker(new URL('../worker/layout-worker.ts', import.meta.url), {
        type: 'module',
      });
      this.layoutWorker.onmessage = (event: MessageEvent<LayoutResponse>) => this.receiveLayout(event.data);
    }
    return this.layoutWorker;
  }

  /** Restyles the same network for another run: its model's state colours and its audience. */
  restyle(stateNames: readonly string[], audience: Uint8Array | null): void {
    this.colours = stateColours(stateNames);
    this.audience = audience;
    this.renderer.restyle(this.colours, audience);
  }

  /** How the legend names the outlined people (target audience, seeding audience…). */
  setAudienceLabel(label: string): void {
    this.audienceLabel = label;
  }

  /** Draws a replay frame and updates the legend counts. */
  showFrame(frame: Frame, context: HoverContext, counts: readonly number[]): void {
    this.hoverContext = context;
    this.renderer.setFrame(frame);
    this.renderLegend(context.stateNames, context.claim === null ? counts : [...counts, context.believers]);
  }

  /** The colour of a state code. */
  colourOf(code: number): string {
    return this.colours[code] ?? '#999';
  }

  /** The view as PNG, painted in full first (the export). */
  snapshot(): Promise<Blob | null> {
    return this.renderer.snapshot();
  }

  private receiveLayout(message: LayoutResponse): void {
    if (message.id !== this.layoutId) return;
    this.renderer.updatePositions(message.x, message.y, true, message.isFinal);
    if (message.isFinal) {
      this.note.textContent = this.layoutNote;
      document.body.dataset['layoutMs'] = String(Math.round(message.elapsedMs));
      this.resolveLayout(message.elapsedMs);
    }
  }

  private renderLegend(stateNames: readonly string[], counts: readonly number[]): void {
    const hasClaim = this.hoverContext?.claim != null;
    const structure = `${stateNames.join('|')}|${this.colours.join('|')}|${this.audience !== null}|${hasClaim}|${this.audienceLabel}`;
    if (structure === this.legendStructure) {
      // Same rows: update the counts in place (a replay frame must not rebuild the DOM).
      const cells = this.legend.querySelectorAll<HTMLElement>('.count');
      cells.forEach((cell, code) => {
        const text = formatCount(counts[code] ?? 0);
        if (cell.textContent !== text) cell.textContent = text;
      });
      return;
    }
    this.legendStructure = structure;
    const rows: HTMLElement[] = [];
    const row = (swatchClass: string, colour: string, text: string, count?: number) => {
      const line = document.createElement('div');
      line.className = 'row';
      const swatch = document.createElement('i');
      if (swatchClass !== '') swatch.className = swatchClass;
      if (colour !== '') swatch.style.background = colour;
      const label = document.createElement('span');
      label.textContent = text;
      line.append(swatch, label);
      if (count !== undefined) {
        const value = document.createElement('span');
        value.className = 'count';
        value.textContent = formatCount(count);
        line.append(value);
      }
      rows.push(line);
    };
    for (const [code, name] of stateNames.entries()) row('', this.colourOf(code), name, counts[code] ?? 0);
    if (hasClaim) row('', CLAIM_COLOUR, 'believes the false claim', counts[stateNames.length] ?? 0);
    if (this.audience !== null) row('outline', '', this.audienceLabel);
    row('arc', '', 'how the message travelled');
    this.legend.replaceChildren(...rows);
  }

  private hover(person: number, clientX: number, clientY: number): void {
    const network = this.network;
    const context = this.hoverContext;
    if (person < 0 || network === null || context === null) {
      this.tooltip.hidden = true;
      return;
    }
    const lines: [string, string][] = [];
    const code = context.state[person] as number;
    lines.push(['state', context.stateNames[code] ?? String(code)]);
    if (context.claim !== null)
      lines.push(['false claim', context.claim[person] === 1 ? 'believes it' : 'does not believe it']);
    for (const name of ATTRIBUTE_NAMES) {
      const column = network.attributes.columns[name];
      if (column !== undefined) lines.push([name, column.names[column.codes[person] as number] ?? '']);
    }
    lines.push([
      network.isDirected ? 'followers' : 'connections',
      formatCount(
        network.isDirected
          ? (network.inOffsets[person + 1] as number) - (network.inOffsets[person] as number)
          : outDegree(network, person),
      ),
    ]);
    if (this.audience !== null)
      lines.push([
        'audience',
        this.audience[person] === 1 ? `in: ${this.audienceLabel}` : `outside: ${this.audienceLabel}`,
      ]);
    const reachedTime = context.reach.time[person] as number;
    if (context.seeds.has(person)) lines.push(['reached', 'a seed: reached directly']);
    else if (reachedTime <= context.time) {
      const source = context.reach.source[person] as number;
      const channel = context.channelNames[context.reach.channel[person] as number] ?? '';
      const when = context.unit === 'day' ? formatDay(reachedTime) : `${context.unit} ${reachedTime}`;
      const who = source >= 0 ? `by ${nodeId(network, source)}` : 'directly';
      lines.push(['reached', `${when}, ${who}${channel === '' ? '' : ` via ${channel}`}`]);
    } else lines.push(['reached', 'not yet']);
    const title = document.createElement('strong');
    const label = network.labels?.[person];
    title.textContent = `Person ${nodeId(network, person)}${label !== undefined && label !== '' ? ` · ${label}` : ''}`;
    const body = lines.map(([key, value]) => {
      const div = document.createElement('div');
      const k = document.createElement('span');
      k.className = 'k';
      k.textContent = `${key}: `;
      div.append(k, document.createTextNode(value));
      return div;
    });
    this.tooltip.replaceChildren(title, ...body);
    this.tooltip.hidden = false;
    const width = this.tooltip.offsetWidth;
    const left = clientX + 14 + width > window.innerWidth ? clientX - width - 14 : clientX + 14;
    this.tooltip.style.left = `${Math.max(4, left)}px`;
    this.tooltip.style.top = `${Math.min(window.innerHeight - this.tooltip.offsetHeight - 4, clientY + 12)}px`;
  }
}
