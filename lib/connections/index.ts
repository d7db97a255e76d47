/** Saved connections (versioned, validated on load, secrets never written) , the named actions that change them, and the built-in demo connections. */
export * from "./actions";
export * from "./builtIn";
export * from "./connectionsStore";
export * from "./storage";
export * from "./configs";
