/**
 * ANSI escape sequences (colours, cursor moves, OSC titles and links) as servers print them on
 * stderr or into error text. The log keeps the bytes as they came; views show the text without them.
 */
// CSI (ESC [ … final), OSC (ESC ] … BEL or ESC \), and two-character escapes; also the 8-bit CSI.
const ANSI =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]|\u009b[0-?]*[ -/]*[@-~]/g;

export function stripAnsi(text: string): string {
  return text.includes("\u001b") || text.includes("\u009b") ? text.replace(ANSI, "") : text;
}

/** Words that mark the line a person should read first in a crash's stderr. */
const ERROR_LIKE =
  /\b(error|exception|fatal|panic|traceback|cannot|can't|could not|failed|not found|no such file|enoent|eacces|eaddrinuse|econnrefused|permission denied|segmentation fault|unhandled)\b/i;

/** The first line that looks like an error (after stripping ANSI codes), or -1. */
export function firstErrorLine(lines: readonly string[]): number {
  return lines.findIndex((line) => ERROR_LIKE.test(stripAnsi(line)));
}
