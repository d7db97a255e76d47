import type { Client, GetPromptResult } from "@modelcontextprotocol/client";
import { Store } from "../base";
import { promptConversation, type Conversation } from "./promptConversation";
import { asSent, describeError, type RequestFailure } from "./request";

/** The latest `prompts/get` of one prompt. */
export interface PromptRun {
  name: string;
  attempt: number;
  args: Record<string, string>;
  status: "getting" | "done" | "error";
  elapsedMs?: number;
  /** As the server sent it. */
  result?: GetPromptResult;
  conversation?: Conversation;
  error?: RequestFailure;
}

export interface PromptRunsState {
  byName: Record<string, PromptRun>;
}

export const emptyPromptRuns: PromptRunsState = { byName: {} };

export const promptRequested = (
  s: PromptRunsState,
  p: { name: string; args: Record<string, string> },
): PromptRunsState => ({
  byName: {
    ...s.byName,
    [p.name]: { name: p.name, args: p.args, attempt: (s.byName[p.name]?.attempt ?? 0) + 1, status: "getting" },
  },
});

export const promptAnswered = (
  s: PromptRunsState,
  p: { name: string; attempt: number; elapsedMs: number } & ({ result: GetPromptResult } | { error: RequestFailure }),
): PromptRunsState => {
  const run = s.byName[p.name];
  if (!run || run.attempt !== p.attempt) return s;
  const next: PromptRun =
    "result" in p
      ? { ...run, status: "done", elapsedMs: p.elapsedMs, result: p.result, conversation: promptConversation(p.result) }
      : { ...run, status: "error", elapsedMs: p.elapsedMs, error: p.error };
  return { byName: { ...s.byName, [p.name]: next } };
};

/** `prompts/get` with arguments; the result becomes the conversation it produces. */
export class PromptRunner {
  readonly store = new Store<PromptRunsState>(emptyPromptRuns);

  constructor(
    private readonly client: () => Client | undefined,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Empty optional arguments are left out, as a client fills in only what the user gave. */
  async get(name: string, args: Readonly<Record<string, string | undefined>> = {}): Promise<PromptRun> {
    const client = this.client();
    if (!client) throw new Error("Connect first: prompts are fetched over the live connection.");
    const sent: Record<string, string> = {};
    for (const [k, v] of Object.entries(args)) if (v !== undefined && v !== "") sent[k] = v;
    this.store.apply(promptRequested, { name, args: sent });
    const attempt = this.store.get().byName[name]!.attempt;
    const started = this.now();
    try {
      const params = { name, ...(Object.keys(sent).length > 0 && { arguments: sent }) };
      const result = await client.request({ method: "prompts/get", params }, asSent<GetPromptResult>());
      this.store.apply(promptAnswered, { name, attempt, elapsedMs: this.now() - started, result });
    } catch (error) {
      this.store.apply(promptAnswered, { name, attempt, elapsedMs: this.now() - started, error: describeError(error) });
    }
    return this.store.get().byName[name]!;
  }
}
