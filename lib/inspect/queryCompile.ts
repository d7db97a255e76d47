/** Parsed filter terms → one predicate over log entries. */
import type { FrameEntry, RpcInfo, TrafficEntry } from "../traffic";
import { frameSubject, isError, makeMatcher } from "../traffic";
import type { Comparison, IsFlag, Kind, ParsedQuery, TermBody } from "./queryParse";
import type { ValidationStatus } from "../base";

export interface QueryLog {
  readonly entries: readonly TrafficEntry[];
}

export interface CompileOptions {
  /** Validation status per entry (e.g. `FrameValidator.status`); without it `is:invalid` uses the log's own classification. */
  validity?: (entry: TrafficEntry) => ValidationStatus | undefined;
}

export type EntryPredicate = (entry: TrafficEntry, log: QueryLog) => boolean;

/** All terms AND-ed; an empty query matches everything. Terms that failed to parse are not in `terms`. */
export function compileQuery(parsed: ParsedQuery, options: CompileOptions = {}): EntryPredicate {
  const tests = parsed.terms.map((term) => {
    const test = compileTerm(term, options);
    return term.negate ? (e: TrafficEntry, log: QueryLog) => !test(e, log) : test;
  });
  return (entry, log) => tests.every((test) => test(entry, log));
}

function compileTerm(term: TermBody, options: CompileOptions): EntryPredicate {
  switch (term.key) {
    case "method": {
      const re = glob(term.pattern);
      return (e, log) => e.kind === "frame" && methodsOf(e, log).some((m) => re.test(m));
    }
    case "tool":
    case "prompt":
    case "resource": {
      const re = glob(term.pattern);
      const methods = SUBJECT_METHODS[term.key];
      return (e, log) => {
        if (e.kind !== "frame") return false;
        const subject = frameSubject(e);
        return subject !== undefined && re.test(subject) && methodsOf(e, log).some((m) => methods.has(m));
      };
    }
    case "dir": {
      const direction = term.value === "in" ? "incoming" : "outgoing";
      return (e) => e.kind === "frame" && e.direction === direction;
    }
    case "channel":
      return (e) => e.kind === "frame" && e.channel.transport === term.value;
    case "kind":
      return (e) => hasKind(e, term.value);
    case "is":
      return flagTest(term.value, options);
    case "duration":
      return (e, log) => compare(durationOf(e, log), term.op, term.ms);
    case "size":
      return (e) => e.kind === "frame" && compare(e.size, term.op, term.bytes);
    case "status":
      return (e) => e.kind === "http" && compare(e.status, term.op, term.value);
    case "id":
      return (e) =>
        e.kind === "frame" && rpcItems(e.rpc).some((r) => "id" in r && r.id !== null && String(r.id) === term.value);
    case "text": {
      const matcher = makeMatcher(term.value);
      return matcher ? (e) => matcher(e) : () => true;
    }
  }
}

function flagTest(flag: IsFlag, options: CompileOptions): EntryPredicate {
  switch (flag) {
    case "error":
      return (e) => isError(e);
    case "truncated":
      return (e) => e.kind === "frame" && e.truncated;
    case "pending":
      return (e) =>
        e.kind === "frame" && rpcItems(e.rpc).some((r) => r.type === "request") && e.pairedSeq === undefined;
    case "invalid": {
      const validity = options.validity;
      return validity ? (e) => validity(e) === "invalid" : (e) => e.kind === "frame" && structurallyInvalid(e);
    }
  }
}

/** The methods whose subject each key matches (`subjectOf` in lib/traffic/classify.ts). */
const SUBJECT_METHODS = {
  tool: new Set(["tools/call"]),
  prompt: new Set(["prompts/get", "completion/complete"]),
  resource: new Set([
    "resources/read",
    "resources/subscribe",
    "resources/unsubscribe",
    "notifications/resources/updated",
    "completion/complete",
  ]),
};

function rpcItems(rpc: RpcInfo): RpcInfo[] {
  return rpc.type === "batch" ? rpc.items : [rpc];
}

/** A request's or notification's method; for a response, the method of the request it answers. */
function methodsOf(entry: FrameEntry, log: QueryLog): string[] {
  const own = rpcItems(entry.rpc).flatMap((r) => (r.type === "request" || r.type === "notification" ? [r.method] : []));
  if (own.length > 0 || entry.pairedSeq === undefined) return own;
  const request = log.entries[entry.pairedSeq];
  return request?.kind === "frame"
    ? rpcItems(request.rpc).flatMap((r) => (r.type === "request" ? [r.method] : []))
    : [];
}

function hasKind(entry: TrafficEntry, kind: Kind): boolean {
  if (entry.kind !== "frame") return entry.kind === kind;
  return rpcItems(entry.rpc).some((r) => {
    switch (kind) {
      case "request":
      case "notification":
      case "error":
        return r.type === kind;
      case "response":
        return r.type === "result" || r.type === "error";
      default:
        return false;
    }
  });
}

/** A response's latency; a request's is that of its response; an HTTP entry's duration. */
function durationOf(entry: TrafficEntry, log: QueryLog): number | undefined {
  if (entry.kind === "http") return entry.durationMs;
  if (entry.kind !== "frame") return undefined;
  if (entry.latencyMs !== undefined) return entry.latencyMs;
  if (entry.pairedSeq === undefined) return undefined;
  const response = log.entries[entry.pairedSeq];
  return response?.kind === "frame" ? response.latencyMs : undefined;
}

function structurallyInvalid(entry: FrameEntry): boolean {
  return (
    entry.problem !== undefined ||
    rpcItems(entry.rpc).some((r) => r.type === "invalid-json" || r.type === "not-jsonrpc")
  );
}

function compare(actual: number | undefined, op: Comparison, expected: number): boolean {
  if (actual === undefined) return false;
  switch (op) {
    case ">":
      return actual > expected;
    case "<":
      return actual < expected;
    case ">=":
      return actual >= expected;
    case "<=":
      return actual <= expected;
    case "=":
      return actual === expected;
  }
}

/** `*` matches any run of characters; everything else is literal; case-insensitive, whole name. */
function glob(pattern: string): RegExp {
  const body = pattern
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${body}$`, "i");
}
