/** The composition root: InspectorSession (one connection) and SessionPool, with what composes them. */
export * from "./authorization";
export * from "./autoReconnect";
export * from "./capabilities";
export * from "./connectionWatch";
export { describeFailure, stderrOf, type FailureContext } from "./failure";
export * from "./listEntries";
export * from "./lists";
export * from "./negotiation";
export * from "./pool";
export * from "./recordingReplay";
export * from "./session";
export { CLIENT_INFO, DeadlineError } from "./attempt";
export type { SessionDeps } from "./sessionDeps";
