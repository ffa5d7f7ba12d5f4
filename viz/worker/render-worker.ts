/**
 * The render worker: paints the network view on the canvas the page transferred to it
 * (transferControlToOffscreen), so drawing 100,000 edges and 20,000 people, and rasterising them in
 * software, never holds up the page's thread. The page sends the scene, positions, view, frames and
 * hover as they change (see RenderMessage); frames are painted at the worker's own animation frames.
 * It answers only snapshot requests (a PNG of the view).
 */
import { RenderCore } from '../network/render-core.js';
import { applyRenderMessage, type RenderMessage, type SnapshotReply } from './render-protocol.js';

let core: RenderCore | null = null;
let canvas: OffscreenCanvas | null = null;

self.onmessage = (event: MessageEvent<RenderMessage>) => {
  const message = event.data;
  if (message.type === 'init') {
    canvas = message.canvas;
    core = new RenderCore(canvas);
    return;
  }
  if (core === null || canvas === null) return;
  if (message.type !== 'snapshot') {
    applyRenderMessage(core, message);
    return;
  }
  core.drawNow();
  const reply = (blob: Blob | null) =>
    (self as unknown as Worker).postMessage({ id: message.id, blob } satisfies SnapshotReply);
  canvas.convertToBlob({ type: 'image/png' }).then(reply, () => reply(null));
};
