/** What a diff compares of a session: capabilities, the three lists and the traffic. */
import type {
  Prompt,
  Resource,
  ResourceTemplateType as ResourceTemplate,
  ServerCapabilities,
  Tool,
} from "@modelcontextprotocol/client";
import type { SessionState } from "../base";
import type { TrafficEntry } from "../traffic";
import { recordedLists } from "./recordedLists";
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
  const { tools, resources, prompts } = listsFromTraffic(recording.traffic);
  return {
    serverCapabilities: recording.negotiated.serverCapabilities,
    tools,
    resources,
    prompts,
    traffic: recording.traffic,
  };
}

/** Each list's latest listing in the traffic, all pages joined (recordedLists.ts). */
export function listsFromTraffic(
  entries: readonly TrafficEntry[],
): Pick<SessionSnapshot, "tools" | "resources" | "prompts"> & { resourceTemplates: ResourceTemplate[] } {
  const lists = recordedLists(entries);
  return {
    tools: lists.tools.items as Tool[],
    resources: lists.resources.items as Resource[],
    resourceTemplates: lists.resourceTemplates.items as ResourceTemplate[],
    prompts: lists.prompts.items as Prompt[],
  };
}
