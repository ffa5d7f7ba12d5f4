/** Entry point of the browser visualiser (replaced by the full app as it lands). */
import { buildNetwork, createEdgeBuffer, createStream, pushEdge, uniformInt } from '../engine/index.js';

const rng = createStream(1, 'demo');
const n = 1000;
const edges = createEdgeBuffer(4000);
for (let i = 0; i < 4000; i++) pushEdge(edges, uniformInt(rng, n), uniformInt(rng, n));
const network = buildNetwork(edges, { nodeCount: n, isDirected: false });
const status = document.getElementById('status');
if (status !== null)
  status.textContent = `A random network of ${network.nodeCount} people and ${network.edgeCount} edges.`;
