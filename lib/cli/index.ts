/** The command line (Node only): `mcp-lens check | list | call` on the same lib/ code as the page. */
export * from "./args";
export * from "./conformanceClient";
export * from "./junit";
export * from "./nodeDeps";
export * from "./run";
export * from "./target";
export * from "./savedCalls";
export * from "./open";
