import { describe, expect, it } from "vitest";
import { createRenderPacer } from "./renderPacer";

/** A clock whose frames and timers run only when the test says. */
function fakeClock() {
  let now = 0;
  let frames: (() => void)[] = [];
  let timers: { at: number; run: () => void }[] = [];
  return {
    now: () => now,
    frame(callback: () => void) {
      frames.push(callback);
      return () => void (frames = frames.filter((f) => f !== callback));
    },
    timer(callback: () => void, ms: number) {
      const t = { at: now + ms, run: callback };
      timers.push(t);
      return () => void (timers = timers.filter((x) => x !== t));
    },
    /** Move time on, running due timers, then one animation frame. */
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.run();
      const run = frames;
      frames = [];
      for (const f of run) f();
    },
  };
}

function source() {
  const listeners = new Set<() => void>();
  return {
    listen: (l: () => void) => (listeners.add(l), () => void listeners.delete(l)),
    change: () => listeners.forEach((l) => l()),
    size: () => listeners.size,
  };
}

describe("createRenderPacer", () => {
  it("tells every listener in the same frame, once per burst, at most every interval", () => {
    const clock = fakeClock();
    const src = source();
    const pacer = createRenderPacer(src.listen, 100, clock);
    const told: string[] = [];
    pacer.subscribe(() => told.push("a"));
    pacer.subscribe(() => told.push("b"));
    src.change();
    expect(told).toEqual([]); // not before the next frame
    clock.advance(16);
    expect(told).toEqual(["a", "b"]); // a change after a quiet spell: the next frame
    for (let i = 0; i < 1000; i++) src.change();
    clock.advance(16);
    expect(told).toHaveLength(2); // within the interval: waits
    clock.advance(90);
    expect(told).toEqual(["a", "b", "a", "b"]); // the whole burst in one render
    clock.advance(500);
    expect(told).toHaveLength(4); // nothing changed since: nothing told
  });

  it("listens to its source only while somebody listens to it, and drops a pending render then", () => {
    const clock = fakeClock();
    const src = source();
    const pacer = createRenderPacer(src.listen, 100, clock);
    let told = 0;
    const off = pacer.subscribe(() => told++);
    expect(src.size()).toBe(1);
    src.change();
    off();
    expect(src.size()).toBe(0);
    clock.advance(200);
    expect(told).toBe(0);
  });
});
