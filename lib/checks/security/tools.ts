/**
 * What the security checks share: the server's tools (asked for with `tools/list`, page by page),
 * which of them a check may call (read-only ones unless the person widened it), one call, and how
 * its answer is read (a clear refusal, a normal result, or nothing).
 */
import { isRecord } from "../../base";
import type { ProbeContext } from "../probes";
import type { Asked, SessionProbeContext } from "../sessionProbes";

export interface ListedTool {
  name: string;
  description?: string;
  inputSchema?: Record<string, unknown>;
  annotations?: { readOnlyHint?: boolean; destructiveHint?: boolean };
}

/** No more than this many pages of tools/list are read, and no more than this many tools are called. */
const MAX_PAGES = 10;
export const MAX_CALLED_TOOLS = 20;

export const OPT_IN = "opt-in: calls tools (allow calls in the Checks tab, or --allow-calls)";
export const needsTools = (ctx: ProbeContext) =>
  "tools" in ctx.capabilities ? undefined : "the server does not declare 'tools'";

/** All tools the server lists, or why they could not be read. */
export async function listTools(ctx: SessionProbeContext): Promise<{ tools: ListedTool[] } | { error: string }> {
  const tools: ListedTool[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await ctx.ask("tools/list", cursor ? { cursor } : {});
    if (answer.kind !== "result" || !isRecord(answer.result) || !Array.isArray(answer.result.tools))
      return { error: `tools/list: ${answer.kind === "error" ? `error ${answer.code}` : "no usable answer"}` };
    for (const t of answer.result.tools)
      if (isRecord(t) && typeof t.name === "string")
        tools.push({
          name: t.name,
          description: typeof t.description === "string" ? t.description : undefined,
          inputSchema: isRecord(t.inputSchema) ? t.inputSchema : undefined,
          annotations: isRecord(t.annotations) ? (t.annotations as ListedTool["annotations"]) : undefined,
        });
    cursor = typeof answer.result.nextCursor === "string" ? answer.result.nextCursor : undefined;
    if (!cursor) break;
  }
  return { tools };
}

export const isReadOnly = (tool: { annotations?: { readOnlyHint?: unknown } }) =>
  tool.annotations?.readOnlyHint === true;

/** The tools a check may call: those annotated read-only, or every tool when the person widened the scope. */
export function callable<T extends { annotations?: { readOnlyHint?: unknown } }>(tools: T[], allTools: boolean): T[] {
  return (allTools ? tools : tools.filter(isReadOnly)).slice(0, MAX_CALLED_TOOLS);
}

/** In words, which tools the scope covers (for the observed text when nothing could be called). */
export const scopeWords = (allTools: boolean) => (allTools ? "tool" : "read-only tool (readOnlyHint: true)");

export function callTool(ctx: SessionProbeContext, name: string, args: unknown): Promise<Asked> {
  return ctx.ask("tools/call", { name, arguments: args });
}

/** How an answer to a call reads: refused clearly (a JSON-RPC error or an isError result), accepted, or nothing. */
export type Reading = "error" | "isError" | "accepted" | "none";

export function readingOf(answer: Asked): Reading {
  if (answer.kind === "error") return "error";
  if (answer.kind === "none") return "none";
  return isRecord(answer.result) && answer.result.isError === true ? "isError" : "accepted";
}

export function describeReading(answer: Asked): string {
  switch (readingOf(answer)) {
    case "error":
      return answer.kind === "error" ? `error ${answer.code}` : "error";
    case "isError":
      return "an isError result";
    case "accepted":
      return "a normal result";
    case "none":
      return answer.kind === "none" ? answer.why : "no answer";
  }
}

const MAX_DECODED = 64 * 1024;

/** Every text a tool result carries: text blocks, embedded resource text, decoded blobs (cut), structuredContent. */
export function resultText(result: unknown): string {
  if (!isRecord(result)) return "";
  const parts: string[] = [];
  for (const block of Array.isArray(result.content) ? result.content : []) {
    if (!isRecord(block)) continue;
    if (typeof block.text === "string") parts.push(block.text);
    if (typeof block.data === "string") parts.push(decoded(block.data));
    const resource = isRecord(block.resource) ? block.resource : undefined;
    if (typeof resource?.text === "string") parts.push(resource.text);
    if (typeof resource?.blob === "string") parts.push(decoded(resource.blob));
  }
  if (result.structuredContent !== undefined) parts.push(JSON.stringify(result.structuredContent));
  return parts.join("\n");
}

function decoded(base64: string): string {
  try {
    return atob(base64.slice(0, Math.ceil((MAX_DECODED * 4) / 3 / 4) * 4));
  } catch {
    return "";
  }
}

/** A value for quoting in an observed text: JSON, cut. */
export function quote(value: unknown, max = 60): string {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** "1 tool", "3 tools" */
export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** "a; b and 3 more" */
export function listWords(items: string[], max = 4): string {
  if (items.length <= max) return items.join("; ");
  return `${items.slice(0, max).join("; ")} and ${items.length - max} more`;
}
