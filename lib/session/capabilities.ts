/** One plain line per capability: what declaring it allows the other side to do. */
export const SERVER_CAPABILITY_HELP: Record<string, string> = {
  tools: "Offers tools the client can list and call (tools/list, tools/call).",
  "tools.listChanged": "Sends notifications/tools/list_changed when its tool list changes.",
  resources: "Offers resources the client can list and read (resources/list, resources/read).",
  "resources.subscribe": "Lets the client subscribe to a resource and be told when it changes.",
  "resources.listChanged": "Sends notifications/resources/list_changed when its resource list changes.",
  prompts: "Offers prompt templates the client can list and fetch (prompts/list, prompts/get).",
  "prompts.listChanged": "Sends notifications/prompts/list_changed when its prompt list changes.",
  logging: "Sends log messages (notifications/message); the client may set the level.",
  completions: "Suggests values for prompt and resource-template arguments (completion/complete).",
  experimental: "Non-standard features, named by the server.",
  tasks: "Can run requests as long-lived tasks the client polls (tasks/get, tasks/result).",
  extensions: "Protocol extensions the server supports, by name.",
};

export const CLIENT_CAPABILITY_HELP: Record<string, string> = {
  roots: "The client can tell the server which folders/URIs it may work in (roots/list).",
  "roots.listChanged": "The client notifies the server when its roots change.",
  sampling: "The server may ask the client's LLM for a completion (sampling/createMessage).",
  elicitation: "The server may ask the user for input through the client (elicitation/create).",
  experimental: "Non-standard features, named by the client.",
  tasks:
    "The server may send sampling and elicitation requests as tasks: the client answers with a task at once and the server polls it (tasks/get, tasks/result).",
  "tasks.list": "The server may list the client's tasks (tasks/list).",
  "tasks.cancel": "The server may cancel a task it created on the client (tasks/cancel).",
  "tasks.requests": "Which requests the server may send as tasks (sampling/createMessage, elicitation/create).",
  extensions: "Protocol extensions the client supports, by name.",
};

export interface CapabilityRow {
  path: string;
  value: unknown;
  help?: string;
}

/** Flatten a capabilities object into rows (`resources`, `resources.subscribe`, …) with their help text. */
export function capabilityRows(
  capabilities: Record<string, unknown> | undefined,
  help: Record<string, string>,
): CapabilityRow[] {
  const rows: CapabilityRow[] = [];
  for (const [key, value] of Object.entries(capabilities ?? {})) {
    rows.push({ path: key, value, help: help[key] });
    if (value && typeof value === "object" && !Array.isArray(value) && key !== "experimental" && key !== "extensions") {
      for (const [sub, subValue] of Object.entries(value))
        rows.push({ path: `${key}.${sub}`, value: subValue, help: help[`${key}.${sub}`] });
    }
  }
  return rows;
}
