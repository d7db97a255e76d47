/** What a diff compares of a session: capabilities, the three lists and the traffic. */
import type { Prompt, Resource, ServerCapabilities, Tool } from "@modelcontextprotocol/client";
import type { SessionState } from "../base";
import type { FrameEntry, TrafficEntry } from "../traffic";
import type { Recording } from "./recordingSchema";

export interface SessionSnapshot {
  serverCapabilities?: ServerCapabilities;
  tools: Tool[];
  resources: Resource[];
  prompts: Prompt[];
  traffic: readonly TrafficEntry[];
}

/** A live session: the lists as loaded into its state, the log as it stands. */
export function snapshotFromSession(
  state: Pick<SessionState, "serverCapabilities" | "lists">,
  log: { readonly entries: readonly TrafficEntry[] },
): SessionSnapshot {
  return {
    serverCapabilities: state.serverCapabilities,
    tools: state.lists.tools.items,
    resources: state.lists.resources.items,
    prompts: state.lists.prompts.items,
    traffic: log.entries,
  };
}

/** A recording keeps no list state: the lists are read back from the list results in its traffic. */
export function snapshotFromRecording(recording: Pick<Recording, "negotiated" | "traffic">): SessionSnapshot {
  const lists = listsFromTraffic(recording.traffic);
  return { serverCapabilities: recording.negotiated.serverCapabilities, ...lists, traffic: recording.traffic };
}

const LISTS = { "tools/list": "tools", "resources/list": "resources", "prompts/list": "prompts" } as const;
type ListMethod = keyof typeof LISTS;

/**
 * The last complete listing of each kind: a request without a cursor starts a listing again,
 * each page's items are appended. Cut frames and unreadable results are skipped.
 */
export function listsFromTraffic(
  entries: readonly TrafficEntry[],
): Pick<SessionSnapshot, "tools" | "resources" | "prompts"> {
  const lists: Pick<SessionSnapshot, "tools" | "resources" | "prompts"> = { tools: [], resources: [], prompts: [] };
  const building: Partial<Record<ListMethod, unknown[]>> = {};
  for (const response of entries) {
    if (
      response.kind !== "frame" ||
      response.rpc.type !== "result" ||
      response.pairedSeq === undefined ||
      response.truncated
    )
      continue;
    const request = entries[response.pairedSeq];
    if (request?.kind !== "frame" || request.rpc.type !== "request" || !(request.rpc.method in LISTS)) continue;
    const method = request.rpc.method as ListMethod;
    const items = pageItems(response, LISTS[method]);
    if (!items) continue;
    const page = hasCursor(request) ? [...(building[method] ?? []), ...items] : items;
    building[method] = page;
    (lists as Record<string, unknown[]>)[LISTS[method]] = page;
  }
  return lists;
}

function parse(frame: FrameEntry): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(frame.raw);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function pageItems(frame: FrameEntry, key: string): unknown[] | undefined {
  const result = parse(frame)?.result as Record<string, unknown> | undefined;
  const items = result?.[key];
  return Array.isArray(items) ? items : undefined;
}

function hasCursor(request: FrameEntry): boolean {
  const params = parse(request)?.params as Record<string, unknown> | undefined;
  return typeof params?.cursor === "string";
}
