/**
 * What a number field's text means. The text is kept as typed ("-", "1.", "1e" on the way to
 * "-2", "1.5", "1e3") and only its meaning is written to the arguments, so typing over a number
 * never loses a minus sign and an unfinished number is shown as unfinished, not silently dropped.
 */
export type NumberText =
  | { kind: "empty" }
  | { kind: "number"; value: number }
  /** Not (yet) a number: the field keeps the text and says why. */
  | { kind: "invalid"; message: string };

// JSON's number syntax, with a leading "+", a leading or trailing "." allowed (what people type).
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function parseNumberText(text: string): NumberText {
  const t = text.trim();
  if (t === "") return { kind: "empty" };
  if (!NUMBER.test(t)) return { kind: "invalid", message: `"${short(t)}" is not a number yet` };
  const value = Number(t);
  if (!Number.isFinite(value)) return { kind: "invalid", message: "is too large for a JSON number" };
  return { kind: "number", value: Object.is(value, -0) ? 0 : value };
}

/** The text a field shows for a value it did not get from typing. */
export function numberToText(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value) ? String(value) : "";
}

function short(s: string): string {
  return s.length > 24 ? s.slice(0, 23) + "…" : s;
}
