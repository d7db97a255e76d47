/**
 * 2026-07-28 `subscriptions/listen`: the acknowledgement comes first, every notification of the
 * stream carries the subscription id (the listen request's id), and the server keeps to the filter.
 * Each check opens a stream for the change types the server declares and cancels it afterwards;
 * nothing on the server is changed, so the filter is judged on what the server acknowledges and on
 * whatever it sends while the stream is open.
 */
import { isRecord } from "../base";
import type { FrameEntry } from "../traffic";
import type { ProbeContext } from "./probes";
import type { SessionOutcome, SessionProbe, SessionProbeContext } from "./sessionProbes";
import { checkId, describeExchanged, exchange, frameJson, META, type Exchanged } from "./modernExchange";
import { modernOnly } from "./modernDiscover";

type Filter = Record<string, boolean>;
const CHANGE_TYPES: [key: string, capability: string, notification: string][] = [
  ["toolsListChanged", "tools", "notifications/tools/list_changed"],
  ["promptsListChanged", "prompts", "notifications/prompts/list_changed"],
  ["resourcesListChanged", "resources", "notifications/resources/list_changed"],
];
const ACK = "notifications/subscriptions/acknowledged";

/** The change types the server declares it can deliver. */
function declared(ctx: ProbeContext): string[] {
  return CHANGE_TYPES.filter(([, cap]) => {
    const c = ctx.capabilities[cap];
    return isRecord(c) && c.listChanged === true;
  }).map(([key]) => key);
}
const subscribable = (ctx: ProbeContext) => {
  const r = ctx.capabilities.resources;
  return isRecord(r) && r.subscribe === true;
};

const skip = (ctx: ProbeContext) =>
  modernOnly(ctx) ??
  (declared(ctx).length || subscribable(ctx)
    ? undefined
    : "the server declares no listChanged or subscribe capability, so subscriptions/listen is not needed");

const tagOf = (frame: FrameEntry) => {
  const params = frameJson(frame)?.params;
  return isRecord(params) && isRecord(params._meta) ? params._meta[META.subscriptionId] : undefined;
};
const methodOf = (frame: FrameEntry) => (frame.rpc.type === "notification" ? frame.rpc.method : undefined);

interface Listened {
  x: Exchanged;
  id: string;
  /** The frames of this stream: on its HTTP exchange, or (stdio) tagged with its id, answering it, or an acknowledgement. */
  stream: FrameEntry[];
}

/** Opens a listen stream for `filter`, reads it for a moment, then cancels it. */
async function listen(ctx: SessionProbeContext, filter: Filter, lingerMs: number): Promise<Listened> {
  const id = checkId("listen");
  const mine = (x: Exchanged) =>
    x.frames.filter(
      (f) =>
        f.channel.transport === "http" ||
        methodOf(f) === ACK ||
        tagOf(f) === id ||
        ((f.rpc.type === "result" || f.rpc.type === "error") && f.rpc.id === id),
    );
  const opened = await exchange(
    ctx,
    { id, method: "subscriptions/listen", params: { notifications: filter, ...ctx.meta } },
    { done: (y) => y.answer !== undefined || mine(y).length > 0 },
  );
  if (lingerMs > 0 && !opened.answer) await new Promise((r) => setTimeout(r, lingerMs));
  const x = opened.again();
  if (!x.answer) {
    // The spec's cancellation of a stream; over HTTP the stream also ends when the connection closes.
    await ctx
      .sendRaw(
        JSON.stringify({
          jsonrpc: "2.0",
          method: "notifications/cancelled",
          params: { requestId: id, reason: "spot check done" },
        }),
      )
      .catch(() => undefined);
  }
  return { x, id, stream: mine(x) };
}

/** A server that declares what listen needs but refuses it, or never opens a stream. */
function refused(l: Listened): SessionOutcome | undefined {
  if (l.stream.length > 0 && l.x.answer?.error === undefined) return undefined;
  return {
    pass: false,
    observed: l.x.answer?.error
      ? `${describeExchanged(l.x)}: the listen request was refused`
      : `nothing on the stream within the time limit`,
    requestSeq: l.x.requestSeq,
  };
}

const fullFilter = (ctx: ProbeContext): Filter => Object.fromEntries(declared(ctx).map((k) => [k, true]));

const acknowledged: SessionProbe = {
  kind: "session",
  id: "listen-acknowledged",
  title: "subscriptions/listen: the acknowledgement is the stream's first message",
  page: "subscriptions",
  level: "must",
  suite: ["sep-2575-server-sends-subscription-ack"],
  expected: () => `${ACK} first`,
  skip,
  async run(ctx) {
    const l = await listen(ctx, fullFilter(ctx), 0);
    const bad = refused(l);
    if (bad) return bad;
    const first = l.stream[0]!;
    const method = methodOf(first) ?? first.rpc.type;
    return { pass: method === ACK, observed: `first: ${method}`, requestSeq: l.x.requestSeq, answerSeq: first.seq };
  },
};

const tagged: SessionProbe = {
  kind: "session",
  id: "listen-subscription-id",
  title: "subscriptions/listen: every notification of the stream carries its subscription id",
  page: "subscriptions",
  level: "must",
  suite: ["sep-2575-server-tags-subscription-id"],
  expected: () => `_meta["${META.subscriptionId}"] = the listen request's id on each notification`,
  skip,
  async run(ctx) {
    const l = await listen(ctx, fullFilter(ctx), 300);
    const bad = refused(l);
    if (bad) return bad;
    const notes = l.stream.filter((f) => f.rpc.type === "notification");
    const wrong = notes.find((f) => tagOf(f) !== l.id);
    if (wrong)
      return {
        pass: false,
        observed: `${methodOf(wrong)} has subscription id ${JSON.stringify(tagOf(wrong)) ?? "missing"}, not "${l.id}"`,
        requestSeq: l.x.requestSeq,
        answerSeq: wrong.seq,
      };
    return {
      pass: notes.length > 0,
      observed: `${notes.length} notification${notes.length === 1 ? "" : "s"}, each tagged "${l.id}"`,
      requestSeq: l.x.requestSeq,
      answerSeq: notes[0]?.seq,
    };
  },
};

const filtered: SessionProbe = {
  kind: "session",
  id: "listen-filter",
  title: "subscriptions/listen: the server acknowledges and sends only the change types asked for",
  page: "subscriptions",
  level: "must",
  suite: ["sep-2575-server-honors-notification-filter"],
  expected: () => "an acknowledged filter within the requested one, and no other change notification on the stream",
  skip: (ctx) => skip(ctx) ?? (declared(ctx).length ? undefined : "the server declares no listChanged capability"),
  async run(ctx) {
    const asked = declared(ctx)[0]!;
    const l = await listen(ctx, { [asked]: true }, 500);
    const bad = refused(l);
    if (bad) return bad;
    const ack = l.stream.find((f) => methodOf(f) === ACK);
    const params = ack ? frameJson(ack)?.params : undefined;
    const honored = isRecord(params) && isRecord(params.notifications) ? params.notifications : {};
    const extra = Object.keys(honored).filter((k) => k !== asked && honored[k] !== false);
    const at = { requestSeq: l.x.requestSeq, answerSeq: ack?.seq };
    if (extra.length)
      return { pass: false, observed: `asked for ${asked} only, acknowledged ${extra.join(", ")} too`, ...at };
    const allowed = CHANGE_TYPES.find(([key]) => key === asked)![2];
    const leak = l.stream.find((f) => {
      const m = methodOf(f);
      return m !== undefined && m !== ACK && m !== allowed && CHANGE_TYPES.some(([, , n]) => n === m);
    });
    if (leak)
      return {
        pass: false,
        observed: `asked for ${asked} only, got ${methodOf(leak)}`,
        requestSeq: l.x.requestSeq,
        answerSeq: leak.seq,
      };
    return {
      pass: true,
      observed: `asked for ${asked}; acknowledged ${JSON.stringify(honored)}; nothing else on the stream`,
      ...at,
    };
  },
};

export const MODERN_LISTEN_PROBES: SessionProbe[] = [acknowledged, tagged, filtered];
