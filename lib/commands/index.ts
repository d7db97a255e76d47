/** The page's commands, as plain data: the palette's entries and matching, the shortcut list, the theme choice. */
export * from "./match";
export * from "./palette";
export * from "./shortcuts";
export * from "./theme";
