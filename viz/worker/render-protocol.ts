/**
 * Messages from the page to the render worker, and the function that applies them to a render core
 * (the worker's, or the page's own when it cannot hand its canvas over). Position and state arrays are
 * copied (the page keeps its own: hover and the replay read them); nothing is sent back but snapshots.
 */
import type { Scene } from '../network/paint.js';
import type { FrameState, RenderCore, ViewState } from '../network/render-core.js';

/** What the page tells the render worker. */
export type RenderMessage =
  | { type: 'init'; canvas: OffscreenCanvas }
  | { type: 'scene'; scene: Scene }
  | { type: 'positions'; x: Float32Array; y: Float32Array; isSettled: boolean }
  | { type: 'style'; colours: readonly string[]; audience: Uint8Array | null }
  | { type: 'view'; view: ViewState }
  | { type: 'arcs'; runId: number; sources: Int32Array; targets: Int32Array }
  | { type: 'frame'; frame: FrameState }
  | { type: 'snapshot'; id: number };

/** The worker's answer to a snapshot request: the view as PNG (null when it could not be encoded). */
export interface SnapshotReply {
  id: number;
  blob: Blob | null;
}

/** Applies a message (other than init and snapshot) to a render core; shared with the in-page fallback. */
export function applyRenderMessage(core: RenderCore, message: RenderMessage): void {
  switch (message.type) {
    case 'scene':
      core.setScene(message.scene);
      break;
    case 'positions':
      core.setPositions(message.x, message.y, message.isSettled);
      break;
    case 'style':
      core.restyle(message.colours, message.audience);
      break;
    case 'view':
      core.setView(message.view);
      break;
    case 'arcs':
      core.setArcs(message.runId, message.sources, message.targets);
      break;
    case 'frame':
      core.setFrame(message.frame);
      break;
    default:
      break;
  }
}
