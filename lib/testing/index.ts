/** Test helpers (Node only; imported by tests, never by the app). */
export * from "./client";
export * from "./faults";
export * from "./inProcess";
export * from "./processes";
export * from "./schema";
export * from "./socketBridge";
