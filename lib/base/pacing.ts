/**
 * Keeps a burst of incoming frames from holding the page's main thread: call the returned function
 * after each frame; once a time slice is used up it yields to the event loop (input, rendering).
 */
export function createPacer(budgetMs = 8, now: () => number = () => performance.now()): () => Promise<void> {
  let sliceStart = now();
  return async () => {
    if (now() - sliceStart < budgetMs) return;
    await yieldToEventLoop();
    sliceStart = now();
  };
}

function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}
