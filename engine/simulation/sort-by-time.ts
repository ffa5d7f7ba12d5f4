/**
 * Stable sort of event times with a payload, for kernels that draw event times out of order and
 * replay them in order afterwards (e.g. SIR recoveries): an LSD radix sort on the IEEE-754 bit
 * patterns, which for non-negative doubles order exactly like the numbers.
 *
 * Six passes of 11, 11, 10, 11, 11 and 10 bits (low word, then high word); a pass whose digit is the
 * same for every time is skipped, so times within a narrow range cost fewer passes. O(count) time
 * per pass plus 6 · 2048 histogram slots; allocates one scratch copy of each array.
 */

const PASSES = 6;
const RADIX = 2048;
/** Per pass: which 32-bit word (0 low, 1 high), the shift and the mask of its digit. */
const WORD = Int32Array.of(0, 0, 0, 1, 1, 1);
const SHIFT = Int32Array.of(0, 11, 22, 0, 11, 22);
const MASK = Int32Array.of(0x7ff, 0x7ff, 0x3ff, 0x7ff, 0x7ff, 0x3ff);

function count1(histogram: Int32Array, slot: number): void {
  histogram[slot] = (histogram[slot] as number) + 1;
}

/** The radix sort; same contract as {@link sortByTime}. */
function radixSortByTime(
  times: Float64Array,
  payload: Int32Array,
  count: number,
): { times: Float64Array; payload: Int32Array } {
  let sourceTimes: Float64Array = times;
  let sourcePayload: Int32Array = payload;
  let targetTimes: Float64Array = new Float64Array(count);
  let targetPayload: Int32Array = new Int32Array(count);
  const histogram = new Int32Array(PASSES * RADIX);
  let words = new Uint32Array(sourceTimes.buffer, sourceTimes.byteOffset, 2 * count);
  for (let i = 0; i < count; i++) {
    const lo = words[2 * i] as number;
    const hi = words[2 * i + 1] as number;
    count1(histogram, lo & 0x7ff);
    count1(histogram, RADIX + ((lo >>> 11) & 0x7ff));
    count1(histogram, 2 * RADIX + (lo >>> 22));
    count1(histogram, 3 * RADIX + (hi & 0x7ff));
    count1(histogram, 4 * RADIX + ((hi >>> 11) & 0x7ff));
    count1(histogram, 5 * RADIX + (hi >>> 22));
  }
  const lo0 = words[0] as number;
  const hi0 = words[1] as number;
  for (let pass = 0; pass < PASSES; pass++) {
    const base = pass * RADIX;
    const word = WORD[pass] as number;
    const shift = SHIFT[pass] as number;
    const mask = MASK[pass] as number;
    // Every time shares this digit: the pass would not move anything.
    if (histogram[base + (((word === 0 ? lo0 : hi0) >>> shift) & mask)] === count) continue;
    // Exclusive prefix sums: the first output position of each digit.
    let position = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = histogram[base + d] as number;
      histogram[base + d] = position;
      position += c;
    }
    for (let i = 0; i < count; i++) {
      const slot = base + (((words[2 * i + word] as number) >>> shift) & mask);
      const to = histogram[slot] as number;
      histogram[slot] = to + 1;
      targetTimes[to] = sourceTimes[i] as number;
      targetPayload[to] = sourcePayload[i] as number;
    }
    const swapTimes = sourceTimes;
    const swapPayload = sourcePayload;
    sourceTimes = targetTimes;
    sourcePayload = targetPayload;
    targetTimes = swapTimes;
    targetPayload = swapPayload;
    words = new Uint32Array(sourceTimes.buffer, sourceTimes.byteOffset, 2 * count);
  }
  return { times: sourceTimes, payload: sourcePayload };
}

/** Largest mean squared bucket size (Σ size² / count) the bucket sort accepts before radix. */
const MAX_BUCKET_SQUARES = 16;

/** Stable insertion sort of entries [from, to), in place. O(to − from + inversions). */
function insertionSortByTime(times: Float64Array, payload: Int32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const time = times[i] as number;
    if (!((times[i - 1] as number) > time)) continue;
    const carried = payload[i] as number;
    let j = i - 1;
    while (j >= from && (times[j] as number) > time) {
      times[j + 1] = times[j] as number;
      payload[j + 1] = payload[j] as number;
      j--;
    }
    times[j + 1] = time;
    payload[j + 1] = carried;
  }
}

/**
 * Sorts the first `count` entries of `times` ascending, moving `payload` entries with them; equal
 * times keep their input order (stable). Every time must be a non-negative number (not NaN; +0, not
 * −0). Returns the sorted arrays, which are either the inputs or fresh ones of length `count`.
 *
 * Method: a counting scatter into `count` equal-width buckets between the least and the greatest
 * time (the bucket index is a monotone function of the time, so buckets come out in order), then one
 * insertion-sort pass, which only has to fix the order inside buckets: O(count) for smooth
 * distributions. When the buckets are too uneven (Σ size² > 16 · count) the radix sort takes over,
 * so the worst case stays O(count).
 */
export function sortByTime(
  times: Float64Array,
  payload: Int32Array,
  count: number,
): { times: Float64Array; payload: Int32Array } {
  if (count < 64) {
    insertionSortByTime(times, payload, 0, count);
    return { times, payload };
  }
  let least = times[0] as number;
  let greatest = least;
  for (let i = 1; i < count; i++) {
    const time = times[i] as number;
    if (time < least) least = time;
    if (time > greatest) greatest = time;
  }
  if (!(greatest > least)) return { times, payload }; // all equal: already in (stable) order
  const scale = count / (greatest - least);
  const last = count - 1;
  const starts = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    const bucket = Math.min(last, Math.floor(((times[i] as number) - least) * scale));
    starts[bucket + 1] = (starts[bucket + 1] as number) + 1;
  }
  let squares = 0;
  for (let b = 1; b <= count; b++) {
    const size = starts[b] as number;
    squares += size * size;
    starts[b] = (starts[b - 1] as number) + size;
  }
  if (squares > MAX_BUCKET_SQUARES * count) return radixSortByTime(times, payload, count);
  const sortedTimes = new Float64Array(count);
  const sortedPayload = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const time = times[i] as number;
    const bucket = Math.min(last, Math.floor((time - least) * scale));
    const to = starts[bucket] as number;
    starts[bucket] = to + 1;
    sortedTimes[to] = time;
    sortedPayload[to] = payload[i] as number;
  }
  insertionSortByTime(sortedTimes, sortedPayload, 0, count);
  return { times: sortedTimes, payload: sortedPayload };
}
