/** The traffic log: entries, classification, pairing, and what the views read of it. */
export * from "./ansi";
export * from "./classify";
export * from "./entry";
export * from "./events";
export * from "./log";
export * from "./probe";
export * from "./requestWatch";
export * from "./sse";
export * from "./timing";
export * from "./view";
