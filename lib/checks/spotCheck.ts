import { specUrl, type SpecPage } from "../inspect";
import { requestMeta } from "../inspect";
import { CLIENT_INFO, latestSessionStart } from "../session";
import type { SessionState } from "../base";
import { errorMessage, Store } from "../base";
import type { FrameEntry, HttpEntry } from "../traffic";
import type { TrafficLog } from "../traffic";
import type { FetchLike } from "@modelcontextprotocol/client";
import { headerRecord } from "../transports";
import { HTTP_PROBES, type HttpProbe } from "./httpProbes";
import { LEGACY_PROBES } from "./legacy";
import { PROBES, type Answer, type Probe, type ProbeContext } from "./probes";
import { SESSION_PROBES, type Asked, type SessionOutcome, type SessionProbe } from "./sessionProbes";
import { MODERN_PROBES } from "./modern";
import { wireValid } from "./wireValid";
import { SECURITY_PROBES } from "./security";

export type AnyProbe = Probe | HttpProbe | SessionProbe;

/** Every probe, in the order they run: the JSON-RPC ones, those with their own HTTP requests, the session ones. */
export const ALL_PROBES: AnyProbe[] = [
  ...PROBES,
  ...HTTP_PROBES,
  ...SESSION_PROBES,
  ...MODERN_PROBES,
  ...LEGACY_PROBES,
  ...SECURITY_PROBES,
  wireValid, // last: it judges every frame the other checks got back too
];

export interface CheckResult {
  id: string;
  title: string;
  page: SpecPage;
  /** The section of the negotiated version's specification. */
  specUrl: string;
  expected: string;
  level: Probe["level"];
  /** fail: a "must" is broken; warn: a "should" is not followed. */
  verdict: "pass" | "fail" | "warn" | "skipped";
  /** What came back, or why the check was skipped. */
  observed: string;
  /** The JSON-RPC id the probe used (a traffic query `id:<it>` finds the exchange). */
  requestId?: string;
  /** Traffic log positions of the probe and its answer, to open them there. */
  requestSeq?: number;
  answerSeq?: number;
}

export interface SpotCheckState {
  status: "idle" | "running" | "done";
  results: CheckResult[];
  /** Why the run could not start or stopped. */
  error?: string;
}

/** What the person allows the checks to do: call tools (read-only ones unless allTools), send a burst. */
export interface CallPermission {
  allowCalls?: boolean;
  /** With allowCalls: also tools not annotated `readOnlyHint: true`. */
  allTools?: boolean;
}

/** What the spot check needs of a session: its state, its log and the raw send the composer uses. */
export interface SpotCheckTarget {
  readonly state: SessionState;
  readonly log: TrafficLog;
  sendRaw(text: string): Promise<void>;
  /** For HTTP connections: a recorded fetch and the live session id (the HTTP probes need it). */
  http?(): { fetch: FetchLike; sessionId?: string; hostHeader?: boolean } | undefined;
}

const started = (): SpotCheckState => ({ status: "running", results: [] });
const checked = (s: SpotCheckState, r: CheckResult): SpotCheckState => ({ ...s, results: [...s.results, r] });
const finished = (s: SpotCheckState, error: string | undefined): SpotCheckState => ({ ...s, status: "done", error });

let runs = 0;

/**
 * Runs the probes of ./probes.ts one after another on a live connection and judges each answer.
 * Everything goes through `sendRaw`, so the probes and answers are ordinary traffic-log rows.
 */
export class SpotCheck {
  readonly store = new Store<SpotCheckState>({ status: "idle", results: [] });
  /** The opt-in of the run under way. */
  private permission: CallPermission = {};

  constructor(
    private readonly options: {
      timeoutMs?: number;
      probes?: AnyProbe[];
    } & CallPermission = {},
  ) {}

  /** `permission` (the page's and the command line's opt-in) replaces the constructor's for this run. */
  async run(target: SpotCheckTarget, permission?: CallPermission): Promise<CheckResult[]> {
    if (this.store.get().status === "running") return this.store.get().results;
    this.permission = permission ?? { allowCalls: this.options.allowCalls, allTools: this.options.allTools };
    this.store.apply(started, undefined);
    const ctx = contextOf(target.state);
    if (!ctx) {
      this.store.apply(finished, "Connect first: the checks are sent on the live connection.");
      return [];
    }
    const run = ++runs;
    for (const probe of this.options.probes ?? ALL_PROBES) {
      if (target.state.status !== "connected") {
        this.store.apply(finished, "The connection closed during the checks.");
        return this.store.get().results;
      }
      const id = `lens-check-${run}-${probe.id}`;
      this.store.apply(
        checked,
        "kind" in probe
          ? await this.checkSession(target, probe, ctx, id)
          : "run" in probe
            ? await this.checkHttp(target, probe, ctx, id)
            : await this.check(target, probe, ctx, id),
      );
    }
    this.store.apply(finished, undefined);
    return this.store.get().results;
  }

  private async check(target: SpotCheckTarget, probe: Probe, ctx: ProbeContext, id: string): Promise<CheckResult> {
    const base = {
      id: probe.id,
      title: probe.title,
      page: probe.page,
      level: probe.level,
      specUrl: specUrl(probe.page, ctx.protocolVersion),
      expected: probe.expected(ctx),
    };
    const skipped = probe.skip?.(ctx);
    if (skipped) return { ...base, verdict: "skipped", observed: skipped };
    const from = target.log.entries.length;
    let sendError: string | undefined;
    const sent = target.sendRaw(probe.message(ctx, id)).catch((e: unknown) => void (sendError = errorMessage(e)));
    const timeoutMs = this.options.timeoutMs ?? 3000;
    const frame = await waitForAnswer(target.log, from, id, probe.nullIdAnswer === true, timeoutMs);
    await sent;
    const request = target.log.entries
      .slice(from)
      .find((e): e is FrameEntry => e.kind === "frame" && e.direction === "outgoing");
    const answer: Answer = frame
      ? answerOf(frame)
      : {
          kind: "none",
          why: sendError ? `no answer; sending failed: ${sendError}` : `no answer within ${timeoutMs / 1000} s`,
        };
    let { pass, observed } = probe.judge(answer, ctx);
    const wantStatus = ctx.transport === "streamable-http" ? probe.httpStatus?.(ctx) : undefined;
    const status = request ? httpStatusOf(target.log, from, request) : undefined;
    if (wantStatus !== undefined) {
      observed += status === undefined ? "" : ` (HTTP ${status})`;
      if (status !== wantStatus) {
        pass = false;
        observed += `; HTTP ${wantStatus} expected`;
      }
    }
    if (request && (request.rpc.type === "invalid-json" || request.rpc.type === "not-jsonrpc")) {
      target.log.amend(
        () => ((request.expected = `malformed on purpose: the spot check "${probe.title}" sends it`), true),
      );
    }
    if (pass) {
      const exchange = request?.channel.transport === "http" ? request.channel.exchange : undefined;
      markExpected(target.log, from, probe.title, (e) => (e.kind === "frame" ? e === frame : e.exchange === exchange));
    }
    return {
      ...base,
      expected: wantStatus ? `${base.expected}, HTTP ${wantStatus}` : base.expected,
      verdict: pass ? "pass" : probe.level === "must" ? "fail" : "warn",
      observed,
      requestId: id,
      requestSeq: request?.seq,
      answerSeq: frame?.seq,
    };
  }

  private async checkHttp(
    target: SpotCheckTarget,
    probe: HttpProbe,
    ctx: ProbeContext,
    id: string,
  ): Promise<CheckResult> {
    const base = {
      id: probe.id,
      title: probe.title,
      page: probe.page,
      level: probe.level,
      specUrl: specUrl(probe.page, ctx.protocolVersion),
      expected: probe.expected(ctx),
    };
    const http = target.http?.();
    const config = target.state.config;
    const skipped =
      probe.skip?.({ ...ctx, sessionId: http?.sessionId }) ??
      (http && config.transport !== "stdio" ? undefined : "needs an HTTP connection");
    if (skipped || !http || config.transport === "stdio")
      return { ...base, verdict: "skipped", observed: skipped ?? "" };
    const from = target.log.entries.length;
    const timeoutMs = this.options.timeoutMs ?? 3000;
    let outcome: Awaited<ReturnType<HttpProbe["run"]>>;
    try {
      outcome = await probe.run({
        ...ctx,
        url: config.url,
        headers: headerRecord(config.headers),
        fetch: http.fetch,
        sessionId: http.sessionId,
        hostHeader: http.hostHeader === true,
        id,
        timeoutMs,
      });
    } catch (e) {
      outcome = {
        pass: false,
        observed: `no answer: ${e instanceof Error && e.name === "AbortError" ? `nothing within ${timeoutMs / 1000} s` : errorMessage(e)}`,
      };
    }
    if ("skipped" in outcome) return { ...base, verdict: "skipped", observed: outcome.skipped };
    const frames = target.log.entries.slice(from).filter((e): e is FrameEntry => e.kind === "frame");
    if (outcome.pass) markExpected(target.log, from, probe.title, () => true);
    return {
      ...base,
      verdict: outcome.pass ? "pass" : probe.level === "must" ? "fail" : "warn",
      observed: outcome.observed,
      requestId: id,
      requestSeq: frames.find((f) => f.direction === "outgoing")?.seq,
      answerSeq: frames.find((f) => f.direction === "incoming")?.seq,
    };
  }

  private async checkSession(
    target: SpotCheckTarget,
    probe: SessionProbe,
    ctx: ProbeContext,
    id: string,
  ): Promise<CheckResult> {
    const base = {
      id: probe.id,
      title: probe.title,
      page: probe.page,
      level: probe.level,
      specUrl: specUrl(probe.page, ctx.protocolVersion),
      expected: probe.expected(ctx),
    };
    const skipped = probe.skip?.(ctx);
    if (skipped) return { ...base, verdict: "skipped", observed: skipped };
    const timeoutMs = this.options.timeoutMs ?? 3000;
    const from = target.log.entries.length;
    let asked = 0;
    const ask = async (method: string, params: Record<string, unknown> = {}): Promise<Asked> => {
      const requestId = `${id}-${++asked}`;
      const start = target.log.entries.length;
      const message = JSON.stringify({ jsonrpc: "2.0", id: requestId, method, params: { ...params, ...ctx.meta } });
      let sendError: string | undefined;
      const sent = target.sendRaw(message).catch((e: unknown) => void (sendError = errorMessage(e)));
      const frame = await waitForAnswer(target.log, start, requestId, false, timeoutMs);
      await sent;
      const request = target.log.entries
        .slice(start)
        .find((e): e is FrameEntry => e.kind === "frame" && e.direction === "outgoing");
      const answer: Answer = frame
        ? answerOf(frame)
        : {
            kind: "none",
            why: sendError ? `no answer; sending failed: ${sendError}` : `no answer within ${timeoutMs / 1000} s`,
          };
      return { ...answer, requestSeq: request?.seq, answerSeq: frame?.seq };
    };
    let outcome: SessionOutcome;
    try {
      outcome = await probe.run({
        ...ctx,
        ask,
        sendRaw: (text) => target.sendRaw(text),
        log: target.log,
        sessionStart: latestSessionStart(target.log.entries),
        allowCalls: this.permission.allowCalls === true,
        allTools: this.permission.allTools === true,
        connection: target.state.config,
        timeoutMs,
      });
    } catch (e) {
      outcome = { pass: false, observed: `the check could not finish: ${errorMessage(e)}` };
    }
    if ("skipped" in outcome) return { ...base, verdict: "skipped", observed: outcome.skipped };
    if (outcome.pass) markExpected(target.log, from, probe.title, () => true);
    const firstSent = target.log.entries
      .slice(from)
      .find((e): e is FrameEntry => e.kind === "frame" && e.direction === "outgoing");
    return {
      ...base,
      verdict: outcome.pass ? "pass" : probe.level === "must" ? "fail" : "warn",
      observed: outcome.observed,
      requestId: asked > 0 ? `${id}-1` : undefined,
      requestSeq: outcome.requestSeq ?? firstSent?.seq,
      answerSeq: outcome.answerSeq,
    };
  }
}

function contextOf(state: SessionState): ProbeContext | undefined {
  if (state.status !== "connected" || !state.protocolVersion || state.recording) return undefined;
  const era = state.era ?? "legacy";
  return {
    era,
    protocolVersion: state.protocolVersion,
    transport: state.config.transport,
    capabilities: (state.serverCapabilities ?? {}) as Record<string, unknown>,
    meta: era === "modern" ? requestMeta(state.protocolVersion, CLIENT_INFO) : {},
  };
}

/**
 * A probe that passed got the error it asked for: its error answer and HTTP 4xx, from `from` on and
 * chosen by `mine`, are marked expected, so the log shows them neutral. A failed probe's stay errors.
 */
function markExpected(
  log: TrafficLog,
  from: number,
  title: string,
  mine: (e: FrameEntry | HttpEntry) => boolean,
): void {
  const note = `the answer the spot check "${title}" asked for`;
  log.amend((entries) => {
    let changed = false;
    for (let i = from; i < entries.length; i++) {
      const e = entries[i]!;
      const error =
        (e.kind === "frame" && e.direction === "incoming" && e.rpc.type === "error") ||
        (e.kind === "http" && e.phase === "response" && (e.status ?? 0) >= 400);
      if (!error || !mine(e as FrameEntry | HttpEntry)) continue;
      (e as FrameEntry | HttpEntry).expected = note;
      changed = true;
    }
    return changed;
  });
}

/** The first incoming frame from `from` on that answers `id` (or, when allowed, answers with id null). */
function findAnswer(log: TrafficLog, from: number, id: string, nullId: boolean): FrameEntry | undefined {
  for (let i = from; i < log.entries.length; i++) {
    const e = log.entries[i];
    if (e?.kind !== "frame" || e.direction !== "incoming") continue;
    if ((e.rpc.type === "result" || e.rpc.type === "error") && e.rpc.id === id) return e;
    if (nullId && e.rpc.type === "error" && e.rpc.id === null) return e;
  }
  return undefined;
}

function waitForAnswer(
  log: TrafficLog,
  from: number,
  id: string,
  nullId: boolean,
  timeoutMs: number,
): Promise<FrameEntry | undefined> {
  return new Promise((resolve) => {
    const done = (frame: FrameEntry | undefined) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(frame);
    };
    const unsubscribe = log.subscribe(() => {
      const frame = findAnswer(log, from, id, nullId);
      if (frame) done(frame);
    });
    const timer = setTimeout(() => done(findAnswer(log, from, id, nullId)), timeoutMs);
    const already = findAnswer(log, from, id, nullId);
    if (already) done(already);
  });
}

function answerOf(frame: FrameEntry): Answer {
  if (frame.rpc.type === "error") return { kind: "error", code: frame.rpc.code, message: frame.rpc.message };
  try {
    return { kind: "result", result: (JSON.parse(frame.raw) as { result?: unknown }).result };
  } catch {
    return { kind: "none", why: "an answer that could not be read" };
  }
}

/** The status of the HTTP response that carried the request frame's exchange. */
function httpStatusOf(log: TrafficLog, from: number, request: FrameEntry): number | undefined {
  if (request.channel.transport !== "http") return undefined;
  const exchange = request.channel.exchange;
  const response = log.entries
    .slice(from)
    .find((e): e is HttpEntry => e.kind === "http" && e.exchange === exchange && e.phase === "response");
  return response?.status;
}
