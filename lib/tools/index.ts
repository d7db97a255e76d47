/** Tool calls: the ToolRunner, per-tool call history, and how a call is prepared (prepareCall). */
export * from "./history";
export * from "./prepareCall";
export * from "./toolRunner";
