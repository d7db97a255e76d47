/** How long to wait before automatic reconnect attempt `n` (1-based): 0.5 s, 1 s, 2 s, 4 s, then every 5 s. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(5000, 500 * 2 ** Math.max(0, attempt - 1));
}

/** Attempts before automatic reconnecting gives up (about three minutes of a server that stays down). */
export const MAX_RECONNECT_ATTEMPTS = 40;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * The "reconnect automatically" option of a session: after a loss (or a failed attempt) it runs the
 * next attempt after a growing delay, until one connects, the person takes over, or it gives up.
 */
export class AutoReconnect {
  private timer: unknown;
  private attempt = 0;

  constructor(
    private readonly run: (attempt: number) => Promise<void>,
    private readonly onSchedule: (next: { attempt: number; inMs: number } | undefined) => void,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Plan the next attempt; false when attempts are used up. */
  schedule(): boolean {
    this.cancel();
    if (this.attempt >= MAX_RECONNECT_ATTEMPTS) {
      this.onSchedule(undefined);
      return false;
    }
    const attempt = ++this.attempt;
    const inMs = reconnectDelayMs(attempt);
    this.onSchedule({ attempt, inMs });
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      void this.run(attempt);
    }, inMs);
    return true;
  }

  /** A session is live again (or the person took over): count from the start next time. */
  reset(): void {
    this.cancel();
    this.attempt = 0;
  }

  cancel(): void {
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.onSchedule(undefined);
  }
}
