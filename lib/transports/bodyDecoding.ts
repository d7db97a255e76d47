import type { FrameEntry } from "../traffic";
import { INVALID_UTF8, addProblem } from "./frameProblems";
import { errorMessage } from "../base";

/** Sees every chunk of a body before its consumer does, and how the body ended. */
export interface Tap {
  chunk(bytes: Uint8Array): void;
  /** `error` is set when the body broke off (the connection dropped), not when the consumer cancelled it. */
  end(error?: unknown): void;
}

/**
 * Decodes leniently (the log must show what came, even when it is not UTF-8) and, beside it,
 * strictly, to know whether a U+FFFD in the text was really sent or stands for bad bytes.
 */
export function utf8Decoder() {
  const lenient = new TextDecoder();
  let strict: TextDecoder | undefined = new TextDecoder("utf-8", { fatal: true });
  const check = (run: (d: TextDecoder) => void) => {
    try {
      if (strict) run(strict);
    } catch {
      strict = undefined;
    }
  };
  return {
    decode(bytes?: Uint8Array): string {
      if (bytes) {
        check((d) => d.decode(bytes, { stream: true }));
        return lenient.decode(bytes, { stream: true });
      }
      check((d) => d.decode());
      return lenient.decode();
    },
    /** True once bytes that are not UTF-8 have been seen. */
    get invalid(): boolean {
      return strict === undefined;
    },
  };
}

export function flagInvalidUtf8(entry: FrameEntry, invalid: boolean): void {
  if (invalid && entry.raw.includes("\uFFFD")) addProblem(entry, INVALID_UTF8);
}

export function describeError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${errorMessage(error)}${cause}`;
}
