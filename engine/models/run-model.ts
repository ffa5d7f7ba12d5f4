/**
 * Runs one classic diffusion model on one network from given seeds: the single entry point the Monte
 * Carlo driver, the CLI and the browser worker call for every model but `campaign`. Each kernel's
 * header states its exact semantics and the streams it draws from; the README's "Models" section
 * repeats them.
 */
import type { Network } from '../network/network.js';
import type { RunResult } from '../simulation/types.js';
import { runBass } from './bass.js';
import { runCompetingCascade } from './competing-cascade.js';
import { runCompetingSir } from './competing-sir.js';
import { runIndependentCascade } from './independent-cascade.js';
import { runLinearThreshold } from './linear-threshold.js';
import { runRumor } from './rumor.js';
import { assertHorizon, assertSeedsInRange, type ModelRunOptions, type StreamSource } from './run-options.js';
import { runSir } from './sir.js';
import type { ClassicModelSpec } from './spec.js';
import { runThreshold } from './threshold.js';

export type { ModelRunOptions, StreamSource } from './run-options.js';

/**
 * Runs `model` on `network` from `seeds` (person indices; duplicates ignored) with the run's streams.
 * `streams(purpose)` returns the run's stream for a purpose ('transmission', 'recovery',
 * 'thresholds', …): the caller derives each from (scenario seed, run index, purpose), so one model's
 * extra draws on one purpose never shift another. `options.horizon` is days for continuous-time and
 * daily models and the largest generation for generation models; `options.secondarySeeds` are the
 * seeds of message B for `competing` (empty when absent). Throws an OptionsError for a seed outside
 * the network or a negative horizon, and a ScenarioError for parameters the network cannot support
 * (e.g. probability "weight" without weights). Deterministic: the same inputs and streams give the
 * same result. Cost: see each kernel.
 */
export function runModel(
  network: Network,
  model: ClassicModelSpec,
  seeds: Int32Array,
  streams: StreamSource,
  options: ModelRunOptions,
): RunResult {
  assertHorizon(options.horizon);
  assertSeedsInRange(seeds, network.nodeCount, 'seeds');
  switch (model.type) {
    case 'independent-cascade':
      return runIndependentCascade(network, model, seeds, streams, options);
    case 'linear-threshold':
      return runLinearThreshold(network, model, seeds, streams, options);
    case 'sir':
      return runSir(network, model, seeds, streams, options);
    case 'bass':
      return runBass(network, model, seeds, streams, options);
    case 'threshold':
      return runThreshold(network, model, seeds, options);
    case 'rumor':
      return runRumor(network, model, seeds, streams, options);
    case 'competing': {
      const secondary = options.secondarySeeds ?? new Int32Array(0);
      assertSeedsInRange(secondary, network.nodeCount, 'secondarySeeds');
      if (model.spread === 'independent-cascade') {
        const parameters = {
          a: { probability: model.a.probability ?? 0 },
          b: { probability: model.b.probability ?? 0, startTime: model.b.startTime },
          overwrite: model.overwrite,
        };
        return runCompetingCascade(network, parameters, seeds, secondary, streams, options);
      }
      const parameters = {
        a: { transmissionRate: model.a.transmissionRate ?? 0, recoveryRate: model.a.recoveryRate ?? 1 },
        b: {
          transmissionRate: model.b.transmissionRate ?? 0,
          recoveryRate: model.b.recoveryRate ?? 1,
          startTime: model.b.startTime,
        },
        overwrite: model.overwrite,
      };
      return runCompetingSir(network, parameters, seeds, secondary, streams, options);
    }
  }
}
