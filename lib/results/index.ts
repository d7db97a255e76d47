/** What a call came back with: outcome, content classification, media types, icons, markdown, limits. */
export * from "./content";
export * from "./errorCodes";
export * from "./icons";
export * from "./jsonTree";
export * from "./limits";
export * from "./markdown";
export * from "./markdownInline";
export * from "./mediaTypes";
export * from "./outcome";
export * from "./outputValidation";
export * from "./textFormat";
