import type { HttpEntry, TrafficEntry } from "../traffic";

/** Quote for a POSIX shell: single quotes, with embedded ones closed and escaped. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * An outgoing HTTP request from the log as a `curl` command: its method, URL, the headers that
 * were recorded (secrets stay redacted as "[redacted]") and the body.
 */
export function curlFor(frameSeq: number, entries: readonly TrafficEntry[]): string | undefined {
  const frame = entries[frameSeq];
  if (frame?.kind !== "frame" || frame.channel.transport !== "http" || frame.direction !== "outgoing") return undefined;
  const exchange = frame.channel.exchange;
  let request: HttpEntry | undefined;
  for (let i = frameSeq; i >= 0 && i > frameSeq - 2000; i--) {
    const e = entries[i];
    if (e?.kind === "http" && e.exchange === exchange && e.phase === "request") {
      request = e;
      break;
    }
  }
  if (!request) return undefined;
  const lines = [`curl -sS -N -X ${request.method} ${shellQuote(request.url)}`];
  const headers = {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    ...request.headers,
  };
  for (const [name, value] of Object.entries(headers)) lines.push(`  -H ${shellQuote(`${name}: ${value}`)}`);
  lines.push(`  --data-raw ${shellQuote(frame.raw)}`);
  return lines.join(" \\\n");
}

/** The same request as TypeScript with the MCP SDK client. */
export function sdkSnippetFor(raw: string): string | undefined {
  let message: { method?: string; params?: unknown; id?: unknown };
  try {
    message = JSON.parse(raw) as typeof message;
  } catch {
    return undefined;
  }
  if (typeof message.method !== "string") return undefined;
  const params = JSON.stringify(message.params ?? {}, null, 2).replace(/\n/g, "\n  ");
  return message.id === undefined
    ? `await client.notification({\n  method: ${JSON.stringify(message.method)},\n  params: ${params},\n});`
    : `const result = await client.request({\n  method: ${JSON.stringify(message.method)},\n  params: ${params},\n});`;
}
