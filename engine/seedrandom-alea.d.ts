/**
 * Types for seedrandom's alea generator imported on its own (`seedrandom/lib/alea.js`, CommonJS,
 * exporting the generator function): the package's main entry also loads its five other generators
 * and, in Node, the `crypto` module (about 2.6 ms of every thread's start-up), none of which
 * viralsim uses.
 */
declare module 'seedrandom/lib/alea.js' {
  import type { PRNG } from 'seedrandom';

  /** A seeded alea stream: a function returning doubles in [0, 1), with seedrandom's extras. */
  export default function alea(seed?: string): PRNG;
}
