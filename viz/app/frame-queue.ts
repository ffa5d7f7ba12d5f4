/**
 * Spreading the page's work over animation frames so no task holds the main thread for long: a
 * promise for the next frame, and a queue of drawing jobs (charts, the cascade tree) worked through
 * with a time budget per frame. A job is a sequence of steps (an iterator: a chart is one step, the
 * tree a step per slice of people); the jobs of visible panels go first, those of hidden panels wait
 * until their panel is shown.
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

/** Drawing for a panel in steps; each step yields what it drew (e.g. chart cursor handles). */
export interface FrameJob<T> {
  panelId: string;
  steps: Iterator<T, void>;
}

/** A job of one step. */
export function frameJob<T>(panelId: string, run: () => T): FrameJob<T> {
  return {
    panelId,
    steps: (function* () {
      yield run();
    })(),
  };
}

/**
 * Jobs drawn a few steps per animation frame within {@link FRAME_BUDGET_MS}, in order, skipping (and
 * keeping) those whose panel is hidden. `onDone` hears what each step yields.
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

  /** Replaces the pending jobs of `panelId` with `jobs` (after the others). */
  replace(panelId: string, jobs: readonly FrameJob<T>[]): void {
    this.jobs = [...this.jobs.filter((job) => job.panelId !== panelId), ...jobs];
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

  /** Runs the next step of the first job of a visible panel; false when there is none. */
  private step(): boolean {
    const job = this.jobs.find((candidate) => this.isVisible(candidate.panelId));
    if (job === undefined) return false;
    const next = job.steps.next();
    if (next.done === true) this.jobs.splice(this.jobs.indexOf(job), 1);
    else this.onDone(next.value);
    return true;
  }

  private schedule(): void {
    if (this.cancel !== null || !this.jobs.some((job) => this.isVisible(job.panelId))) return;
    this.cancel = onNextFrame(() => {
      this.cancel = null;
      this.work();
    });
  }

  /** Runs steps while the next one (guessed to cost as much as the last) fits the frame's budget. */
  private work(): void {
    const started = performance.now();
    let last = 0;
    while (performance.now() - started + last < FRAME_BUDGET_MS) {
      const stepStarted = performance.now();
      if (!this.step()) break;
      last = performance.now() - stepStarted;
    }
    this.schedule();
  }
}
