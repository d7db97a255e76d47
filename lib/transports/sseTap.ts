import type { SseEntry } from "../traffic";
import type { TrafficLog } from "../traffic";
import { describeError, flagInvalidUtf8, utf8Decoder, type Tap } from "./bodyDecoding";
import { addProblem } from "./frameProblems";
import { SseBlockReader, type SseBlock } from "./sseBlocks";

const SHOWN_DATA = 2048;

/**
 * Records an SSE body block by block: an event whose data is a message becomes a frame (flagged
 * when it is not JSON-RPC, or when the client will ignore it); every other shape the format allows
 * (priming events, comments, retry, id-only and empty events) becomes a grey `sse` entry.
 */
export function sseTap(log: TrafficLog, exchange: number): Tap {
  const decoder = utf8Decoder();
  const reader = new SseBlockReader();
  const feed = (text: string) => {
    for (const block of reader.push(text)) recordBlock(log, exchange, block, decoder.invalid);
  };
  return {
    chunk: (bytes) => feed(decoder.decode(bytes)),
    end(error) {
      feed(decoder.decode());
      // An event without its closing blank line is dropped by SSE parsers (the SDK's too); comments do not count.
      const open = reader.pending();
      const how = error === undefined ? "ended" : `broke off (${describeError(error)})`;
      const fields =
        open &&
        (open.data.length ||
          open.id !== undefined ||
          open.event !== undefined ||
          open.retry.length ||
          open.unknown.length);
      if (!fields) {
        if (error !== undefined) log.event("sse-broke-off", "warn", `the SSE stream ${how}`);
        return;
      }
      log.event(
        "sse-event-cut",
        "warn",
        `the SSE stream ${how} in the middle of an event: the client never received it`,
      );
      if (open.data.length) {
        const { entry } = log.recordFrame("incoming", open.data.join("\n"), sseChannel(exchange, open));
        addProblem(entry, "cut: the SSE stream stopped before this event was complete (the client never received it)");
      }
    },
  };
}

function sseChannel(exchange: number, block: SseBlock) {
  return {
    transport: "http" as const,
    exchange,
    stream: "sse" as const,
    ...(block.id !== undefined && { sseId: block.id }),
    ...(block.data.length > 1 && { dataLines: block.data.length }),
  };
}

function recordBlock(log: TrafficLog, exchange: number, block: SseBlock, invalidUtf8: boolean): void {
  const data = block.data.join("\n");
  const problems = blockProblems(block);
  const isMessageEvent = block.event === undefined || block.event === "message";
  if (data !== "" && isMessageEvent) {
    const { entry } = log.recordFrame("incoming", data, sseChannel(exchange, block));
    flagInvalidUtf8(entry, invalidUtf8);
    for (const p of problems) addProblem(entry, p);
    return;
  }
  const entry: Omit<SseEntry, "seq"> = {
    kind: "sse",
    ts: log.now(),
    exchange,
    shape: shapeOf(block, data, isMessageEvent),
  };
  if (block.id !== undefined) entry.id = block.id;
  if (block.event !== undefined) entry.event = block.event;
  if (data !== "") entry.data = data.length > SHOWN_DATA ? `${data.slice(0, SHOWN_DATA)}…` : data;
  const retry = block.retry.find((r) => /^\d+$/.test(r));
  if (retry !== undefined) entry.retryMs = Number(retry);
  if (block.comments.length) entry.comments = block.comments.slice(0, 20).map((c) => c.slice(0, 300));
  if (!isMessageEvent && block.event !== "endpoint" && data !== "") {
    problems.unshift(
      `an event of type "${block.event}": the client handles only "message" events, so ${looksLikeMessage(data) ? "this message never reaches it" : "its data is ignored"}`,
    );
  }
  if (problems.length) entry.problem = problems.join("; ");
  log.append(entry);
}

function shapeOf(block: SseBlock, data: string, isMessageEvent: boolean): SseEntry["shape"] {
  if (block.event === "endpoint" && data !== "") return "endpoint";
  if (!isMessageEvent && data !== "") return "ignored";
  if (block.data.length) return block.id !== undefined && block.id !== "" ? "priming" : "empty";
  if (block.id !== undefined) return "id-only";
  if (block.retry.length) return "retry";
  if (block.comments.length) return "comment";
  return block.unknown.length ? "ignored" : "empty";
}

/** What is wrong in a block besides its data: fields the client ignores. */
function blockProblems(block: SseBlock): string[] {
  const problems: string[] = [];
  for (const r of block.retry)
    if (!/^\d+$/.test(r))
      problems.push(
        `invalid retry value ${JSON.stringify(r.slice(0, 40))} (must be digits only): the client ignores it`,
      );
  const unknown = [...new Set(block.unknown)];
  if (unknown.length)
    problems.push(
      `field${unknown.length > 1 ? "s" : ""} the SSE format does not define: ${unknown.map((u) => JSON.stringify(u.slice(0, 40))).join(", ")} (ignored by the client)`,
    );
  return problems;
}

function looksLikeMessage(data: string): boolean {
  return /^\s*[[{][\s\S]*"jsonrpc"/.test(data.slice(0, 1000));
}
