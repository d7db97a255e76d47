/** Saved connections (versioned, validated on load, secrets never written) and the built-in demo connections. */
export * from "./builtIn";
export * from "./connectionsStore";
export * from "./storage";
