/** A plain observable value: each change is a named pure function of the previous state. */
export class Store<S> {
  private listeners = new Set<() => void>();
  constructor(private state: S) {}

  get = (): S => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  apply<P>(reducer: (state: S, payload: P) => S, payload: P): void {
    const next = reducer(this.state, payload);
    if (next === this.state) return;
    this.state = next;
    for (const l of this.listeners) l();
  }
}
