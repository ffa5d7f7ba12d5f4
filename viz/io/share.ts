/**
 * Share links: the scenario and the run index travel in the page's URL fragment (`#s=…`), compressed
 * (deflate-raw) and base64url-encoded, so a link reproduces the same run with the same numbers.
 * Nothing is sent to a server: the fragment never leaves the browser.
 */
import { ScenarioError } from '../../engine/index.js';

/** What a share link carries. */
export interface SharedRun {
  scenarioText: string;
  runIndex: number;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const binary = atob(padded);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The URL fragment (without '#') for a scenario and run index. */
export async function encodeShare(shared: SharedRun): Promise<string> {
  const json = JSON.stringify({ r: shared.runIndex, s: JSON.parse(shared.scenarioText) });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'));
  return `s=${toBase64Url(packed)}`;
}

/** Reads a fragment made by {@link encodeShare}; null when it carries no scenario. */
export async function decodeShare(fragment: string): Promise<SharedRun | null> {
  const match = /(?:^|&)s=([A-Za-z0-9_-]+)/.exec(fragment.replace(/^#/, ''));
  if (match === null) return null;
  let parsed: { r?: unknown; s?: unknown };
  try {
    const bytes = await pipe(fromBase64Url(match[1] as string), new DecompressionStream('deflate-raw'));
    parsed = JSON.parse(new TextDecoder().decode(bytes)) as { r?: unknown; s?: unknown };
  } catch {
    throw new ScenarioError(
      'shared link: the scenario in the link is damaged (was it cut short when copied?)',
    );
  }
  const runIndex = typeof parsed.r === 'number' && Number.isInteger(parsed.r) && parsed.r >= 0 ? parsed.r : 0;
  return { scenarioText: JSON.stringify(parsed.s, null, 2), runIndex };
}
