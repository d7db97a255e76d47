/**
 * Error leaks (no calls): every error the server sent in this session — JSON-RPC errors (message
 * and data) and tool results with isError (their text) — judged by ./leaks.ts, against the request
 * that got it. It runs after the other checks, so their answers (the traversal and validation
 * probes' errors included) are judged too.
 */
import { isRecord } from "../../base";
import type { FrameEntry } from "../../traffic";
import { sessionFrames, type SessionProbe, type SessionProbeContext } from "../sessionProbes";
import { findLeaks, type Leak } from "./leaks";
import { count, listWords, resultText } from "./tools";

interface SeenError {
  frame: FrameEntry;
  what: string;
  text: string;
}

/** Every string in a JSON value, one a line (an error's data may nest them anywhere). */
function strings(value: unknown, depth = 0): string[] {
  if (typeof value === "string") return [value];
  if (depth > 8 || !value || typeof value !== "object") return [];
  return Object.values(value).flatMap((v) => strings(v, depth + 1));
}

function errorsOf(ctx: SessionProbeContext): SeenError[] {
  const out: SeenError[] = [];
  for (const frame of sessionFrames(ctx)) {
    if (frame.rpc.type !== "error" && frame.rpc.type !== "result") continue;
    let message: unknown;
    try {
      message = JSON.parse(frame.raw);
    } catch {
      continue;
    }
    if (!isRecord(message)) continue;
    const request = frame.pairedSeq === undefined ? undefined : ctx.log.entries[frame.pairedSeq];
    const method = request?.kind === "frame" && request.rpc.type === "request" ? request.rpc.method : undefined;
    const tool = request?.kind === "frame" ? /"name"\s*:\s*"([^"]{1,80})"/.exec(request.raw)?.[1] : undefined;
    const to = method ? ` to ${method}${method === "tools/call" && tool ? ` ${tool}` : ""}` : "";
    if (frame.rpc.type === "error" && isRecord(message.error)) {
      const text = [message.error.message, ...strings(message.error.data)].filter((s) => typeof s === "string");
      out.push({ frame, what: `error ${frame.rpc.code}${to}`, text: text.join("\n") });
    } else if (isRecord(message.result) && message.result.isError === true) {
      out.push({ frame, what: `isError result${to}`, text: resultText(message.result) });
    }
  }
  return out;
}

const describe = (leaks: Leak[]) => leaks.map((l) => `${l.kind} ${l.evidence}`).join(", ");

export const errorLeaks: SessionProbe = {
  kind: "session",
  id: "security-error-leaks",
  level: "must",
  title: "Errors carry no stack traces, server paths, environment values or tokens",
  page: "tools",
  expected: () =>
    "no stack trace, absolute server path (one the client neither sent nor configured), environment value or token in any error of the session",
  async run(ctx) {
    const seen = errorsOf(ctx);
    const found: string[] = [];
    let first: FrameEntry | undefined;
    for (const e of seen) {
      const request = e.frame.pairedSeq === undefined ? undefined : ctx.log.entries[e.frame.pairedSeq];
      const leaks = findLeaks(e.text, {
        sent: request?.kind === "frame" ? request.raw : "",
        connection: ctx.connection,
      });
      if (leaks.length === 0) continue;
      first ??= e.frame;
      found.push(`${e.what} (#${e.frame.seq}): ${describe(leaks)}`);
    }
    const rpc = seen.filter((e) => e.frame.rpc.type === "error").length;
    if (seen.length === 0)
      return {
        pass: true,
        observed: "no error in this session yet (with calls allowed, the checks give it some to judge)",
      };
    const of = `${count(seen.length, "error")} in this session (${rpc} JSON-RPC, ${seen.length - rpc} isError results)`;
    if (found.length === 0)
      return {
        pass: true,
        observed: `${of}: none carries a stack trace, server path, environment value or token`,
      };
    return {
      pass: false,
      observed: `${found.length} of ${of} leak: ${listWords(found, 3)}`,
      requestSeq: first?.pairedSeq,
      answerSeq: first?.seq,
    };
  },
};
