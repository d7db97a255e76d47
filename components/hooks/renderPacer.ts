import type { TrafficLog } from "@/lib/traffic";

/** The shortest time between two renders of a log's views while its frames keep coming. */
export const RENDER_INTERVAL_MS = 100;

export interface RenderPacer {
  subscribe(listener: () => void): () => void;
}

interface Clock {
  now(): number;
  frame(callback: () => void): () => void;
  timer(callback: () => void, ms: number): () => void;
}

const browserClock: Clock = {
  now: () => performance.now(),
  frame: (callback) => {
    const id = requestAnimationFrame(callback);
    return () => cancelAnimationFrame(id);
  },
  timer: (callback, ms) => {
    const id = setTimeout(callback, ms);
    return () => clearTimeout(id);
  },
};

/**
 * Tells a source's listeners of its changes in one animation frame, together, and no more often
 * than every `intervalMs`: a burst of 10,000 frames costs ten renders a second, not one per frame,
 * and a single change after a quiet spell still shows on the next frame. Listening to the source
 * starts with the first listener and stops with the last.
 */
export function createRenderPacer(
  listen: (onChange: () => void) => () => void,
  intervalMs = RENDER_INTERVAL_MS,
  clock: Clock = browserClock,
): RenderPacer {
  const listeners = new Set<() => void>();
  let stopListening: (() => void) | undefined;
  let cancelPending: (() => void) | undefined;
  let last = -Infinity;

  const fire = () => {
    cancelPending = undefined;
    last = clock.now();
    for (const listener of [...listeners]) listener();
  };
  const onChange = () => {
    if (cancelPending) return;
    const wait = last + intervalMs - clock.now();
    if (wait <= 0) {
      cancelPending = clock.frame(fire);
      return;
    }
    let cancelFrame: (() => void) | undefined;
    const cancelTimer = clock.timer(() => {
      cancelFrame = clock.frame(fire);
    }, wait);
    cancelPending = () => {
      cancelTimer();
      cancelFrame?.();
    };
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      stopListening ??= listen(onChange);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        stopListening?.();
        stopListening = undefined;
        cancelPending?.();
        cancelPending = undefined;
      };
    },
  };
}

const pacers = new WeakMap<TrafficLog, RenderPacer>();

/** The one pacer of a log's views. */
export function logRenderPacer(log: TrafficLog): RenderPacer {
  let pacer = pacers.get(log);
  if (!pacer) {
    pacer = createRenderPacer((onChange) => log.subscribe(onChange));
    pacers.set(log, pacer);
  }
  return pacer;
}
