/**
 * "MCP Lens Demo": one factory that both serving entries (stdio, Streamable HTTP) call
 * for every instance they need, in either protocol era.
 */
import { McpServer } from "@modelcontextprotocol/server";
import { LENS_PNG_DATA_URL, LENS_SVG_DATA_URL } from "./assets.js";
import { registerClientTools } from "./clientTools.js";
import { registerDemoPrompts } from "./prompts.js";
import { registerDemoResources } from "./resources.js";
import { registerDemoSubscriptions } from "./subscriptions.js";
import { registerDemoTasks } from "./tasks.js";
import { registerDemoTools } from "./tools.js";

/** State that outlives one instance (HTTP builds an instance per modern request). */
export interface DemoState {
  extraToolEnabled: boolean;
}

export interface DemoServerOptions {
  /** Shared state; defaults to a fresh one owned by this instance. */
  state?: DemoState;
  /** Called after `toggle_extra_tool` changed the shared state (lets an entry notify other instances). */
  onToolsChanged?: () => void;
}

export const DEMO_INSTRUCTIONS =
  "MCP Lens Demo exercises an inspector. Try `create_event` for a rich input form, " +
  "`long_task` for progress and cancellation, `sample_llm` and `ask_user` for sampling and elicitation, " +
  "`toggle_extra_tool` for tools/list_changed, the `demo://notes/{id}` template for completions, and " +
  "`open_link`, `plan_trip`, `list_roots` and `probe_client` for URL elicitation, multi round-trip, roots and client capabilities.";

export function createDemoState(): DemoState {
  return { extraToolEnabled: false };
}

/** Per instance: brings its `extra_tool` in line with the shared state (sends list_changed if it changes). */
const syncers = new WeakMap<McpServer, () => void>();

export function syncDemoServer(server: McpServer): void {
  syncers.get(server)?.();
}

export function createDemoServer(options: DemoServerOptions = {}): McpServer {
  const state = options.state ?? createDemoState();
  const server = new McpServer(
    {
      name: "mcp-lens-demo",
      title: "MCP Lens Demo",
      version: "1.0.0",
      description: "A demo server for the MCP Lens inspector.",
      websiteUrl: "https://modelcontextprotocol.io",
      icons: [
        { src: LENS_SVG_DATA_URL, mimeType: "image/svg+xml", sizes: ["any"] },
        { src: LENS_PNG_DATA_URL, mimeType: "image/png", sizes: ["16x16"] },
      ],
    },
    {
      capabilities: {
        tools: { listChanged: true },
        resources: { listChanged: true },
        prompts: { listChanged: true },
        logging: {},
        completions: {},
      },
      instructions: DEMO_INSTRUCTIONS,
    },
  );

  let extraEnabledHere = state.extraToolEnabled;
  const extra = registerDemoTools(server, {
    isExtraToolEnabled: () => state.extraToolEnabled,
    toggleExtraTool: () => {
      state.extraToolEnabled = !state.extraToolEnabled;
      sync();
      options.onToolsChanged?.();
      return state.extraToolEnabled;
    },
  });
  const sync = (): void => {
    if (extraEnabledHere === state.extraToolEnabled) return;
    extraEnabledHere = state.extraToolEnabled;
    // enable()/disable() make McpServer send notifications/tools/list_changed when connected.
    if (extraEnabledHere) extra.enable();
    else extra.disable();
  };
  syncers.set(server, sync);
  registerClientTools(server);

  registerDemoResources(server);
  registerDemoSubscriptions(server);
  registerDemoTasks(server);
  registerDemoPrompts(server);
  return server;
}
