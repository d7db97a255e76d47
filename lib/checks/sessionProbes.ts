/**
 * Checks that need more than one message, or none: a probe of this kind gets `ask` (a request sent
 * on the live connection through `sendRaw`, answered from the traffic log) and the log itself, so it
 * can judge an exchange (pagination, subscribe then unsubscribe) or what the server already sent in
 * the session (every frame valid, the initialize result's structure). Everything it sends is an
 * ordinary log row, like the single-message probes of ./probes.ts.
 */
import type { ConnectionConfig } from "../base";
import type { SpecPage } from "../inspect";
import type { FrameEntry, TrafficLog } from "../traffic";
import type { Answer, ProbeContext } from "./probes";

/** A request's answer plus where it is in the log. */
export type Asked = Answer & { requestSeq?: number; answerSeq?: number };

export interface SessionProbeContext extends ProbeContext {
  /** Sends a request (`id` is filled in) and waits for its answer. */
  ask(method: string, params?: Record<string, unknown>): Promise<Asked>;
  /** Sends text as it is (a malformed message, a notification); answered or not, it is logged. */
  sendRaw(text: string): Promise<void>;
  /** The connection's traffic log: everything the server sent in this session is there. */
  log: TrafficLog;
  /** The log position where the live session began (after any earlier sessions in the same log). */
  sessionStart: number;
  /** The person allowed checks that call tools or read resources (off by default). */
  allowCalls: boolean;
  /** With allowCalls: also tools not annotated `readOnlyHint: true` (off by default). */
  allTools?: boolean;
  /** The connection's settings: what the person already knows (command, args, URL) and gave (environment, headers). */
  connection?: ConnectionConfig;
  timeoutMs: number;
}

export type SessionOutcome =
  { pass: boolean; observed: string; requestSeq?: number; answerSeq?: number } | { skipped: string };

export interface SessionProbe {
  kind: "session";
  id: string;
  title: string;
  page: SpecPage;
  level: "must" | "should";
  /** The official suite's check ids this check judges too (scripts/conformance-server.ts pairs verdicts by them). */
  suite?: readonly string[];
  expected(ctx: ProbeContext): string;
  skip?(ctx: ProbeContext): string | undefined;
  run(ctx: SessionProbeContext): Promise<SessionOutcome>;
}

/** The incoming frames of the live session, for checks that judge what the server already sent. */
export function sessionFrames(ctx: SessionProbeContext): FrameEntry[] {
  const out: FrameEntry[] = [];
  for (let i = ctx.sessionStart; i < ctx.log.entries.length; i++) {
    const e = ctx.log.entries[i]!;
    if (e.kind === "frame" && e.direction === "incoming") out.push(e);
  }
  return out;
}

/** Session-level checks; ./spotCheck.ts runs them after the single-message and HTTP probes. */
export const SESSION_PROBES: SessionProbe[] = [];
