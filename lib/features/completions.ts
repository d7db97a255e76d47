import type { Client, CompleteResult } from "@modelcontextprotocol/client";
import { isRecord, Store } from "../base";
import { asSent, describeError, type RequestFailure } from "./request";

/** What is being completed: a prompt's argument or a resource template's variable. */
export type CompletionRef = { type: "ref/prompt"; name: string } | { type: "ref/resource"; uri: string };

export interface Suggestions {
  /** The value typed when these were asked for. */
  value: string;
  status: "waiting" | "loading" | "ready" | "error";
  values: string[];
  total?: number;
  hasMore?: boolean;
  error?: RequestFailure;
}

/** Suggestions per argument name. */
export interface CompletionsState {
  byArgument: Record<string, Suggestions>;
}

export const emptyCompletions: CompletionsState = { byArgument: {} };

export const suggestionsChanged = (
  s: CompletionsState,
  p: { argument: string; suggestions: Suggestions },
): CompletionsState => ({
  byArgument: { ...s.byArgument, [p.argument]: p.suggestions },
});
export const suggestionsCleared = (s: CompletionsState, argument: string): CompletionsState => {
  if (!(argument in s.byArgument)) return s;
  const { [argument]: _gone, ...byArgument } = s.byArgument;
  return { byArgument };
};

/** The spec caps `completion.values` at 100; more from a server is cut here too. */
const MAX_VALUES = 100;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * As-you-type suggestions for one prompt or template form (`completion/complete`). Each keystroke
 * restarts a short debounce; the request carries the other filled-in arguments as
 * `context.arguments`; a newer keystroke aborts the request in flight (the SDK sends
 * `notifications/cancelled`) and any late answer for an older value is ignored. Inactive (no
 * request at all) unless the server declared the `completions` capability.
 */
export class Completer {
  readonly store = new Store<CompletionsState>(emptyCompletions);
  private readonly latest = new Map<string, number>();
  private readonly timers = new Map<string, unknown>();
  private readonly inFlight = new Map<string, AbortController>();
  private seq = 0;

  constructor(
    readonly ref: CompletionRef,
    private readonly host: { client(): Client | undefined; enabled(): boolean },
    private readonly options: { debounceMs?: number; timers?: Timers } = {},
  ) {}

  get enabled(): boolean {
    return this.host.enabled() && this.host.client() !== undefined;
  }

  /** A keystroke in `argument`: suggestions land in the store after the debounce. */
  type(argument: string, value: string, filled: Readonly<Record<string, unknown>> = {}): void {
    if (!this.enabled) return;
    const timers = this.options.timers ?? realTimers;
    const seq = this.begin(argument);
    this.store.apply(suggestionsChanged, {
      argument,
      suggestions: { value, status: "waiting", values: this.current(argument) },
    });
    this.timers.set(
      argument,
      timers.setTimeout(() => void this.fetch(argument, value, filled, seq), this.options.debounceMs ?? 250),
    );
  }

  /** Ask now, without the debounce; resolves to the suggestions, or undefined when superseded or inactive. */
  async complete(
    argument: string,
    value: string,
    filled: Readonly<Record<string, unknown>> = {},
  ): Promise<Suggestions | undefined> {
    if (!this.enabled) return undefined;
    return this.fetch(argument, value, filled, this.begin(argument));
  }

  /** Stop everything pending (the form closed). */
  dispose(): void {
    const timers = this.options.timers ?? realTimers;
    for (const t of this.timers.values()) timers.clearTimeout(t);
    for (const c of this.inFlight.values()) c.abort(new Error("superseded"));
    this.timers.clear();
    this.inFlight.clear();
    this.latest.clear();
  }

  private begin(argument: string): number {
    const seq = ++this.seq;
    this.latest.set(argument, seq);
    const timer = this.timers.get(argument);
    if (timer !== undefined) (this.options.timers ?? realTimers).clearTimeout(timer);
    this.timers.delete(argument);
    this.inFlight.get(argument)?.abort(new Error("superseded by newer input"));
    this.inFlight.delete(argument);
    return seq;
  }

  private current(argument: string): string[] {
    return this.store.get().byArgument[argument]?.values ?? [];
  }

  private async fetch(
    argument: string,
    value: string,
    filled: Readonly<Record<string, unknown>>,
    seq: number,
  ): Promise<Suggestions | undefined> {
    const client = this.host.client();
    if (!client || this.latest.get(argument) !== seq) return undefined;
    this.timers.delete(argument);
    const controller = new AbortController();
    this.inFlight.set(argument, controller);
    this.store.apply(suggestionsChanged, {
      argument,
      suggestions: { value, status: "loading", values: this.current(argument) },
    });
    const context = contextArguments(argument, filled);
    let suggestions: Suggestions;
    try {
      const result = await client.request(
        {
          method: "completion/complete",
          params: {
            ref: this.ref,
            argument: { name: argument, value },
            ...(context && { context: { arguments: context } }),
          },
        },
        asSent<CompleteResult>(),
        { signal: controller.signal },
      );
      suggestions = { value, status: "ready", ...readCompletion(result) };
    } catch (error) {
      suggestions = { value, status: "error", values: [], error: describeError(error) };
    }
    if (this.latest.get(argument) !== seq) return undefined; // a newer keystroke owns this argument
    this.inFlight.delete(argument);
    this.store.apply(suggestionsChanged, { argument, suggestions });
    return suggestions;
  }
}

/** The other arguments with a non-empty value, as strings (`context.arguments` is string → string). */
export function contextArguments(
  argument: string,
  filled: Readonly<Record<string, unknown>>,
): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(filled)) {
    if (name === argument || v === undefined || v === null || v === "") continue;
    out[name] = typeof v === "string" ? v : JSON.stringify(v);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function readCompletion(result: unknown): Pick<Suggestions, "values" | "total" | "hasMore"> {
  const c = isRecord(result) && isRecord(result.completion) ? result.completion : {};
  const values = Array.isArray(c.values)
    ? c.values.filter((v): v is string => typeof v === "string").slice(0, MAX_VALUES)
    : [];
  return {
    values,
    ...(typeof c.total === "number" && { total: c.total }),
    ...(typeof c.hasMore === "boolean" && { hasMore: c.hasMore }),
  };
}
