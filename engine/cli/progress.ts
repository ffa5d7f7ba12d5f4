/**
 * A progress bar on stderr for long jobs: done/total, rate and time left. It draws only when stderr
 * is a terminal and the job has run for more than a second, redraws at most 10 times a second, and
 * clears its line when done, so piped output and quick jobs see nothing extra.
 */

/** A progress reporter: call `tick()` per unit of work and `done()` at the end. */
export interface Progress {
  tick(count?: number): void;
  done(): void;
}

const SHOW_AFTER_MS = 1000;
const REDRAW_EVERY_MS = 100;
const BAR_WIDTH = 24;

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** The progress line for `done` of `total` units after `elapsedMs` (without the carriage return). */
export function progressLine(label: string, done: number, total: number, elapsedMs: number): string {
  const fraction = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(fraction * BAR_WIDTH);
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
  return (
    `${label} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total}` +
    ` ${rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s, ${formatSeconds(left)} left`
  );
}

/**
 * Starts a progress reporter over `total` units (runs). Draws on `stream` only when it is a TTY.
 * `now` is injectable for tests.
 */
export function startProgress(
  label: string,
  total: number,
  stream: NodeJS.WriteStream = process.stderr,
  now: () => number = Date.now,
): Progress {
  const started = now();
  let done = 0;
  let lastDraw = 0;
  let isDrawn = false;
  const isTerminal = stream.isTTY === true;
  return {
    tick(count = 1) {
      done += count;
      if (!isTerminal) return;
      const t = now();
      if (t - started < SHOW_AFTER_MS || t - lastDraw < REDRAW_EVERY_MS) return;
      lastDraw = t;
      isDrawn = true;
      stream.write(`\r${progressLine(label, done, total, t - started)}\x1b[K`);
    },
    done() {
      if (isDrawn) stream.write('\r\x1b[K');
    },
  };
}
