/** Tool calls: the ToolRunner and per-tool call history. */
export * from "./history";
export * from "./toolRunner";
