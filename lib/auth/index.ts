/** OAuth for protected servers (issue 14), page-safe: the in-memory credentials provider and the callback hand-off. */
export * from "./callback";
export * from "./provider";
export * from "./popupFlow";
export * from "./guided";
