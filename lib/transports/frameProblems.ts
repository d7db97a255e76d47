import type { FrameEntry } from "../traffic";

/** Bytes that are not UTF-8 are decoded leniently (each becomes U+FFFD) so the frame stays readable; the frame says so. */
export const INVALID_UTF8 = "invalid UTF-8: bytes that are not UTF-8 are shown as U+FFFD";
/** Over stdio the bridge has already decoded the line: U+FFFD may stand for bad bytes or have been sent as such. */
export const REPLACEMENT_CHARACTER =
  "contains U+FFFD: bytes that were not valid UTF-8 were replaced on decoding (or the server sent U+FFFD itself)";

/** Adds a problem found by a capture point to what the log's pairing already found. */
export function addProblem(entry: FrameEntry, problem: string): void {
  entry.problem = entry.problem ? `${entry.problem}; ${problem}` : problem;
}
