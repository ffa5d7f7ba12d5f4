/**
 * Monte Carlo summaries: one metric over many runs, and the distribution of cascade sizes.
 *
 * Conventions:
 * - `sd` is the sample standard deviation (divisor n − 1); 0 when n = 1.
 * - `ci95` is the 95% confidence interval of the mean, mean ± t·sd/√n with t the 0.975 quantile of
 *   Student's t with n − 1 degrees of freedom: exact table values (9 significant digits) for 1–30
 *   degrees of freedom, beyond that the Cornish–Fisher expansion to 1/ν⁴ (Abramowitz & Stegun
 *   26.7.5; error below 3e-8). For n = 1 it is [mean, mean].
 * - Quantiles p5, p50, p95 are d3-array's `quantileSorted`: type 7 of Hyndman & Fan (1996), linear
 *   interpolation between order statistics, as R's and NumPy's defaults.
 * - NaN is a missing value, not a number: a metric that is undefined in some runs (e.g. ROI with zero
 *   cost) is summarised over the runs where it is defined, `count` says how many, and `nanCount` how
 *   many were left out. When every value is NaN, every statistic is NaN (JSON shows null). NaN never
 *   becomes 0. Infinite values are kept, so they show in the mean and the extremes.
 */
import { quantileSorted } from 'd3-array';
import { OptionsError } from '../errors.js';

/** The summary of one metric over runs. */
export interface MetricSummary {
  /** Values summarised (the non-NaN ones). */
  count: number;
  /** NaN values left out. */
  nanCount: number;
  mean: number;
  /** Sample standard deviation (n − 1); 0 for one value. */
  sd: number;
  /** 95% confidence interval of the mean (Student t). */
  ci95: [number, number];
  min: number;
  /** 5% quantile (type 7). */
  p5: number;
  /** Median (type 7). */
  p50: number;
  /** 95% quantile (type 7). */
  p95: number;
  max: number;
}

/** t quantiles at 0.975 for 1..30 degrees of freedom (scipy.stats.t.ppf, 9 significant digits). */
const T_975 = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135,
  2.262157163, 2.228138852, 2.20098516, 2.17881283, 2.160368656, 2.144786688, 2.131449546, 2.119905299,
  2.109815578, 2.10092204, 2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.06865761, 2.063898562,
  2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
];

/** The standard normal 0.975 quantile. */
const Z_975 = 1.959963984540054;

/**
 * The 0.975 quantile of Student's t with `degrees` degrees of freedom (a whole number ≥ 1). O(1).
 */
export function studentT975(degrees: number): number {
  if (!(Number.isInteger(degrees) && degrees >= 1)) {
    throw new OptionsError(`studentT975: degrees: expected a whole number >= 1, got ${degrees}`);
  }
  if (degrees <= T_975.length) return T_975[degrees - 1] as number;
  const z = Z_975;
  const z2 = z * z;
  const v = degrees;
  // Cornish–Fisher expansion of t in powers of 1/ν (Abramowitz & Stegun 26.7.5).
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + g1 / v + g2 / v ** 2 + g3 / v ** 3 + g4 / v ** 4;
}

/**
 * Summarises one metric's values over runs (see the module comment for the conventions). O(n log n)
 * (a sort); allocates a Float64Array copy of the values.
 */
export function summarize(values: ArrayLike<number>): MetricSummary {
  let nanCount = 0;
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i] as number)) nanCount++;
  const sorted = new Float64Array(values.length - nanCount);
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    if (!Number.isNaN(x)) sorted[count++] = x;
  }
  sorted.sort();
  const list = Array.from(sorted);
  if (count === 0) {
    return {
      count,
      nanCount,
      mean: Number.NaN,
      sd: Number.NaN,
      ci95: [Number.NaN, Number.NaN],
      min: Number.NaN,
      p5: Number.NaN,
      p50: Number.NaN,
      p95: Number.NaN,
      max: Number.NaN,
    };
  }
  let sum = 0;
  for (let i = 0; i < count; i++) sum += sorted[i] as number;
  const mean = sum / count;
  // Two-pass variance: stable when the spread is small next to the mean.
  let squares = 0;
  for (let i = 0; i < count; i++) {
    const d = (sorted[i] as number) - mean;
    squares += d * d;
  }
  const sd = count === 1 ? 0 : Math.sqrt(squares / (count - 1));
  const half = count === 1 ? 0 : (studentT975(count - 1) * sd) / Math.sqrt(count);
  return {
    count,
    nanCount,
    mean,
    sd,
    ci95: [mean - half, mean + half],
    min: sorted[0] as number,
    p5: quantileSorted(list, 0.05) as number,
    p50: quantileSorted(list, 0.5) as number,
    p95: quantileSorted(list, 0.95) as number,
    max: sorted[count - 1] as number,
  };
}

/**
 * Summarises every metric over runs: one {@link MetricSummary} per name, in the key order of the first
 * run (names that appear only in later runs follow, in order of appearance). A run that lacks a metric
 * counts as NaN for it. O(runs · metrics · log runs).
 */
export function summarizeRuns(
  metricsPerRun: readonly Record<string, number>[],
): Record<string, MetricSummary> {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const metrics of metricsPerRun) {
    for (const name of Object.keys(metrics)) {
      if (!seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
    }
  }
  const out: Record<string, MetricSummary> = {};
  const values = new Float64Array(metricsPerRun.length);
  for (const name of names) {
    metricsPerRun.forEach((metrics, r) => {
      values[r] = Object.hasOwn(metrics, name) ? (metrics[name] as number) : Number.NaN;
    });
    out[name] = summarize(values);
  }
  return out;
}

/** One bin of a cascade-size histogram: sizes in [lower, upper). */
export interface SizeBin {
  lower: number;
  upper: number;
  /** Runs whose size falls in the bin. */
  count: number;
  /** count / (runs · (upper − lower)): a probability density per unit size, for log-log plots. */
  density: number;
}

/** One point of the complementary CDF: the fraction of runs with size ≥ `size`. */
export interface CcdfPoint {
  size: number;
  fraction: number;
}

/** The distribution of cascade sizes over runs. */
export interface CascadeSizeDistribution {
  histogram: SizeBin[];
  ccdf: CcdfPoint[];
}

/**
 * The distribution of cascade sizes (reach per run) for log-log plots of the heavy tail.
 * - `histogram`: logarithmic bins of base 2, [1, 2), [2, 4), [4, 8), … up to the bin holding the
 *   largest size, every bin listed (empty ones with count 0) so the axis has no gaps; a bin [0, 1)
 *   comes first when some size is below 1 (a run that reached no one).
 * - `ccdf`: at each distinct size s, ascending, the fraction of runs with size ≥ s. It starts at 1
 *   and never increases.
 * Throws an OptionsError for a NaN, infinite or negative size. O(n log n); allocates a sorted copy.
 */
export function cascadeSizeDistribution(sizes: ArrayLike<number>): CascadeSizeDistribution {
  const n = sizes.length;
  for (let i = 0; i < n; i++) {
    const s = sizes[i] as number;
    if (!(s >= 0 && s < Number.POSITIVE_INFINITY)) {
      throw new OptionsError(`cascadeSizeDistribution: sizes[${i}]: expected a finite number >= 0, got ${s}`);
    }
  }
  const sorted = Float64Array.from(sizes).sort();
  const histogram: SizeBin[] = [];
  const ccdf: CcdfPoint[] = [];
  if (n === 0) return { histogram, ccdf };

  let i = 0;
  if ((sorted[0] as number) < 1) {
    while (i < n && (sorted[i] as number) < 1) i++;
    histogram.push({ lower: 0, upper: 1, count: i, density: i / n });
  }
  for (let lower = 1; i < n; lower *= 2) {
    const upper = lower * 2;
    const start = i;
    while (i < n && (sorted[i] as number) < upper) i++;
    const count = i - start;
    histogram.push({ lower, upper, count, density: count / (n * (upper - lower)) });
  }

  for (let j = 0; j < n; j++) {
    const s = sorted[j] as number;
    if (j > 0 && s === sorted[j - 1]) continue;
    ccdf.push({ size: s, fraction: (n - j) / n });
  }
  return { histogram, ccdf };
}
