/** The two capture points (stdio through the bridge, HTTP through the relay) and the transport factory. */
export * from "./bodyDecoding";
export * from "./bridgeStdio";
export * from "./factory";
export * from "./frameProblems";
export * from "./httpCapture";
export * from "./ndjson";
export * from "./redirects";
export * from "./relayFetch";
export * from "./relaySocketFetch";
export * from "./sseBlocks";
export * from "./sseTap";
export * from "./stdioChannel";
export * from "./stdioSocketChannel";
export * from "./mcpParamHeaders";
export * from "./toolParamHeaders";
