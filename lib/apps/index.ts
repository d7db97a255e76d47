/**
 * MCP Apps (issue 15): detecting tools with a view and reading their `ui://` resources
 * (`detect.ts`), and running a view as a host (`host.ts`, on the ext-apps AppBridge) with every
 * postMessage recorded in the traffic log on the `app` channel.
 */
export * from "./detect";
export * from "./download";
export * from "./host";
export * from "./hostContext";
export * from "./partialInput";
export * from "./reporter";
export * from "./validate";
