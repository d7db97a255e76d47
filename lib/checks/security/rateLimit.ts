/**
 * Rate limiting (opt-in; a "should" here): a bounded burst of cheap requests sent at once (ping;
 * in 2026-07-28, which has no ping, tools/list or server/discover), reporting whether and when the
 * server pushed back: HTTP 429, an error whose message speaks of a limit, or an error to a request
 * it had just answered. The tools page lists rate limiting among a server's MUSTs, but a client
 * cannot tell a limit above the burst from none, so a server that never pushes back gets a warning.
 */
import { isRecord } from "../../base";
import type { FrameEntry, HttpEntry } from "../../traffic";
import type { Asked, SessionProbe, SessionProbeContext } from "../sessionProbes";

export const BURST = 50;
const LIMIT_WORDS = /rate.?limit|too many|throttl|quota|slow down|try again/i;

function cheapRequest(ctx: SessionProbeContext): string {
  if (ctx.era === "legacy") return "ping";
  return "tools" in ctx.capabilities ? "tools/list" : "server/discover";
}

/** The HTTP status of the exchange that carried a request (Streamable HTTP), from the log. */
function statusOf(ctx: SessionProbeContext, requestSeq: number | undefined): number | undefined {
  const request = requestSeq === undefined ? undefined : (ctx.log.entries[requestSeq] as FrameEntry | undefined);
  if (request?.kind !== "frame" || request.channel.transport !== "http") return undefined;
  const exchange = request.channel.exchange;
  for (let i = requestSeq! + 1; i < ctx.log.entries.length; i++) {
    const e = ctx.log.entries[i] as HttpEntry;
    if (e.kind === "http" && e.exchange === exchange && e.phase === "response") return e.status;
  }
  return undefined;
}

function pushBack(ctx: SessionProbeContext, answer: Asked, answeredBefore: boolean): string | undefined {
  const status = statusOf(ctx, answer.requestSeq);
  if (status === 429) return "HTTP 429";
  if (answer.kind !== "error") return undefined;
  const said = `error ${answer.code} ${JSON.stringify(answer.message.slice(0, 80))}`;
  return LIMIT_WORDS.test(answer.message) || answeredBefore ? said : undefined;
}

export const rateLimit: SessionProbe = {
  kind: "session",
  id: "security-rate-limit",
  level: "should",
  title: "A burst of requests meets a rate limit",
  page: "tools",
  expected: () => `push-back (HTTP 429 or an error) somewhere in a burst of ${BURST} cheap requests sent at once`,
  async run(ctx) {
    if (!ctx.allowCalls) return { skipped: `opt-in: sends a burst of ${BURST} requests` };
    const method = cheapRequest(ctx);
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: BURST }, () => ctx.ask(method)));
    const ms = Date.now() - started;
    let answered = false;
    for (const [i, answer] of answers.entries()) {
      const refused = pushBack(ctx, answer, answered);
      if (refused) {
        const after = answers.slice(0, i).filter((a) => a.kind === "result").length;
        return {
          pass: true,
          observed: `${BURST} ${method} requests at once: pushed back at request ${i + 1} (after ${after} answered): ${refused}`,
          requestSeq: answer.requestSeq,
          answerSeq: answer.answerSeq,
        };
      }
      if (answer.kind === "result" && isRecord(answer.result)) answered = true;
    }
    const none = answers.filter((a) => a.kind === "none").length;
    const errors = answers.filter((a) => a.kind === "error").length;
    return {
      pass: false,
      observed:
        `${BURST} ${method} requests at once, in ${ms} ms: ${BURST - none - errors} answered` +
        (errors ? `, ${errors} errors not about a limit` : "") +
        (none ? `, ${none} unanswered (dropped, not refused)` : "") +
        "; no push-back (no HTTP 429, no rate-limit error)",
    };
  },
};
