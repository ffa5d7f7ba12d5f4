/**
 * Replay controls: play, pause, step, speed and the scrubber over days. The controller owns the
 * replay time and the animation loop (requestAnimationFrame); everything that follows the scrubber
 * listens through `onTime`. At 1× a whole run replays in REPLAY_SECONDS.
 */
import { formatDay } from '../format.js';

/** Seconds a whole replay takes at speed 1×. */
export const REPLAY_SECONDS = 12;

/** Drives the replay time. */
export class ReplayController {
  private endTime = 0;
  private time = 0;
  private isPlaying = false;
  private lastFrame = 0;
  private frame = 0;
  private readonly play = document.getElementById('play') as HTMLButtonElement;
  private readonly scrubber = document.getElementById('scrubber') as HTMLInputElement;
  private readonly speed = document.getElementById('speed') as HTMLSelectElement;
  private readonly label = document.getElementById('replay-time') as HTMLOutputElement;
  private unit = 'day';

  constructor(private readonly onTime: (time: number) => void) {
    this.play.addEventListener('click', () => (this.isPlaying ? this.pause() : this.start()));
    (document.getElementById('step-back') as HTMLButtonElement).addEventListener('click', () =>
      this.step(-1),
    );
    (document.getElementById('step-forward') as HTMLButtonElement).addEventListener('click', () =>
      this.step(1),
    );
    // Keyboard: Space plays or pauses, the arrow keys step, wherever the focus is not in a field.
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement;
      if (target.closest('input, select, textarea, button, [role="tab"], summary') !== null) return;
      if (event.key === ' ') {
        event.preventDefault();
        if (this.isPlaying) this.pause();
        else this.start();
      } else if (event.key === 'ArrowRight') this.step(1);
      else if (event.key === 'ArrowLeft') this.step(-1);
    });
    this.scrubber.addEventListener('input', () => {
      this.pause();
      this.setTime(Number(this.scrubber.value));
    });
  }

  /** Prepares for a new run ending at `endTime`; shows its end state. `unit` names a step (day, generation). */
  load(endTime: number, unit: string): void {
    this.pause();
    this.endTime = Math.max(0, endTime);
    this.unit = unit;
    this.scrubber.max = String(this.endTime);
    this.scrubber.step = this.endTime > 50 ? '0.1' : '0.01';
    this.setTime(this.endTime);
  }

  /** The current replay time. */
  get current(): number {
    return this.time;
  }

  /** Whether the replay is running. */
  get playing(): boolean {
    return this.isPlaying;
  }

  /** Starts playing (from the beginning when at the end). */
  start(): void {
    if (this.endTime <= 0) return;
    if (this.time >= this.endTime) this.setTime(0);
    this.isPlaying = true;
    this.play.textContent = '❚❚';
    this.play.setAttribute('aria-label', 'Pause');
    this.lastFrame = performance.now();
    this.frame = requestAnimationFrame((now) => this.tick(now));
  }

  /** Pauses. */
  pause(): void {
    this.isPlaying = false;
    cancelAnimationFrame(this.frame);
    this.play.textContent = '▶';
    this.play.setAttribute('aria-label', 'Play');
  }

  /** Moves one whole step (day or generation) forward or back. */
  step(direction: 1 | -1): void {
    this.pause();
    const next = direction > 0 ? Math.floor(this.time + 1e-9) + 1 : Math.ceil(this.time - 1e-9) - 1;
    this.setTime(Math.max(0, Math.min(this.endTime, next)));
  }

  /** Jumps to time t. */
  setTime(t: number): void {
    this.time = Math.max(0, Math.min(this.endTime, t));
    this.scrubber.value = String(this.time);
    const isGeneration = this.unit !== 'day';
    this.label.value = isGeneration ? `${this.unit} ${Math.floor(this.time)}` : formatDay(this.time);
    this.scrubber.setAttribute('aria-valuetext', this.label.value);
    this.onTime(this.time);
  }

  private tick(now: number): void {
    if (!this.isPlaying) return;
    const seconds = Math.min(0.1, (now - this.lastFrame) / 1000);
    this.lastFrame = now;
    const rate = (this.endTime / REPLAY_SECONDS) * Number(this.speed.value);
    const next = this.time + seconds * rate;
    this.setTime(next);
    if (next >= this.endTime) {
      this.pause();
      return;
    }
    this.frame = requestAnimationFrame((time) => this.tick(time));
  }
}
