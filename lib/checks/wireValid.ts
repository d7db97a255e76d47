/**
 * Every frame the server sent in the live session, judged against the negotiated version's schema
 * (the validator the traffic view uses, lib/inspect/validate.ts). Era-independent; it runs last of
 * its list so it also covers what the other checks got back.
 */
import { validateFrame } from "../inspect";
import { sessionFrames, type SessionProbe } from "./sessionProbes";

/** How many invalid frames the observation names. */
const NAMED = 3;

export const wireValid: SessionProbe = {
  kind: "session",
  id: "wire-valid",
  title: "Every message the server sent in this session is valid for the negotiated version",
  page: "schema",
  level: "must",
  suite: ["wire-schema-valid"],
  expected: (ctx) => `every incoming frame valid JSON-RPC and valid against the ${ctx.protocolVersion} schema`,
  run(ctx) {
    // An MCP App view's postMessage channel is not the server's wire.
    const frames = sessionFrames(ctx).filter((f) => f.channel.transport !== "app");
    let unchecked = 0;
    const invalid: { seq: number; what: string }[] = [];
    for (const frame of frames) {
      const validity = validateFrame(frame, ctx.log.entries, { protocolVersion: ctx.protocolVersion });
      if (validity.status === "unchecked") unchecked++;
      if (validity.status !== "invalid") continue;
      const first = validity.violations[0];
      const kind =
        frame.rpc.type === "request" || frame.rpc.type === "notification" ? frame.rpc.method : frame.rpc.type;
      const raw = frame.raw.length > 80 ? `${frame.raw.slice(0, 80)}…` : frame.raw;
      const why = first ? `${first.path} ${first.message}` : "invalid";
      invalid.push({ seq: frame.seq, what: `#${frame.seq} (${kind}) ${raw}: ${why}` });
    }
    const note = unchecked ? `, ${unchecked} not checked (no schema applies, or too large)` : "";
    if (invalid.length === 0)
      return Promise.resolve({
        pass: true,
        observed: `${frames.length} frame${frames.length === 1 ? "" : "s"} valid${note}`,
      });
    const named = invalid.slice(0, NAMED).map((i) => i.what);
    const more = invalid.length > NAMED ? `; and ${invalid.length - NAMED} more` : "";
    return Promise.resolve({
      pass: false,
      observed: `${invalid.length} of ${frames.length} frames invalid: ${named.join("; ")}${more}`,
      answerSeq: invalid[0]!.seq,
    });
  },
};
