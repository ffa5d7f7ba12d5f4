/**
 * Spreading the page's work over animation frames so no task holds the main thread for long: a
 * promise for the next frame, and a queue of drawing jobs (charts) worked through with a time budget
 * per frame, the jobs of visible panels first and those of hidden panels once they are shown.
 */

/** Work the queue starts in one frame (ms): the rest waits for the next frame. */
export const FRAME_BUDGET_MS = 8;
/** Animation frames stop on a hidden page: a timer stands in after this long (ms). */
const HIDDEN_PAGE_MS = 100;

/** Calls `callback` at the next animation frame (or after a short timer on a hidden page); returns a cancel. */
export function onNextFrame(callback: () => void): () => void {
  let isDone = false;
  const run = () => {
    if (isDone) return;
    isDone = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    callback();
  };
  const frame = requestAnimationFrame(run);
  const timer = setTimeout(run, HIDDEN_PAGE_MS);
  return () => {
    isDone = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** Resolves at the next animation frame: the page renders what came before in a task of its own. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    onNextFrame(resolve);
  });
}

/** One piece of drawing for a panel; returns what it drew (e.g. chart cursor handles). */
export interface FrameJob<T> {
  panelId: string;
  run: () => T;
}

/**
 * Jobs drawn a few per animation frame within {@link FRAME_BUDGET_MS}, in order, skipping (and
 * keeping) those whose panel is hidden. `onDone` hears each job's result.
 */
export class FrameQueue<T> {
  private jobs: FrameJob<T>[] = [];
  private cancel: (() => void) | null = null;

  constructor(
    private readonly isVisible: (panelId: string) => boolean,
    private readonly onDone: (result: T) => void,
  ) {}

  /** Replaces every pending job with `jobs`. */
  reset(jobs: readonly FrameJob<T>[]): void {
    this.jobs = [...jobs];
    this.schedule();
  }

  /** Drops every pending job. */
  clear(): void {
    this.jobs = [];
    this.cancel?.();
    this.cancel = null;
  }

  /** A panel was shown: its pending jobs start at the next frame. */
  wake(): void {
    this.schedule();
  }

  /** Runs the pending jobs of visible panels now (e.g. before reading what they draw). */
  flush(): void {
    for (let job = this.take(); job !== null; job = this.take()) this.onDone(job.run());
  }

  private take(): FrameJob<T> | null {
    const index = this.jobs.findIndex((job) => this.isVisible(job.panelId));
    if (index < 0) return null;
    return this.jobs.splice(index, 1)[0] ?? null;
  }

  private schedule(): void {
    if (this.cancel !== null || !this.jobs.some((job) => this.isVisible(job.panelId))) return;
    this.cancel = onNextFrame(() => {
      this.cancel = null;
      this.work();
    });
  }

  /** Runs jobs while the next one (guessed to cost as much as the last) fits the frame's budget. */
  private work(): void {
    const started = performance.now();
    let last = 0;
    while (performance.now() - started + last < FRAME_BUDGET_MS) {
      const job = this.take();
      if (job === null) break;
      const jobStarted = performance.now();
      this.onDone(job.run());
      last = performance.now() - jobStarted;
    }
    this.schedule();
  }
}
