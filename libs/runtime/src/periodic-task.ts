import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';

/**
 * A pass that runs at start-up and then every `intervalMs` (expiry sweeps, reminders). Passes never
 * overlap; a failed pass is logged and the next one tries again; shutdown waits for a running pass.
 * Subclasses must be safe to run on several instances at once (lock rows with SKIP LOCKED).
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  protected abstract readonly intervalMs: number;

  /** One pass; returns how many items it handled (logged when not zero). */
  protected abstract runOnce(): Promise<number>;

  onApplicationBootstrap(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.runOnce()
      .then((n) => {
        if (n) this.logger.log({ msg: `${this.constructor.name} pass`, count: n });
      })
      .catch((err: unknown) => this.logger.warn({ msg: `${this.constructor.name} pass failed`, error: String(err) }))
      .finally(() => {
        this.running = null;
      });
  }
}
