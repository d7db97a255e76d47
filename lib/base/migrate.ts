/**
 * Versioned documents (recordings, saved connections) read back: a chain of steps, each lifting a
 * document of version n to version n+1, applied from the document's version up to the current one.
 * Versions are whole numbers from `oldest` (1 unless said) to `current`; anything else is refused
 * with a reason the caller turns into its own words. Plain TypeScript: no imports.
 */

/** Lifts a document of version n to version n+1. */
export type MigrationStep<T> = (doc: T) => T;

export interface MigrationChain<T> {
  /** The version written today. */
  readonly current: number;
  /** The oldest version still read. */
  readonly oldest: number;
  /** `steps[n]` lifts version n to n+1, for every n from `oldest` to `current - 1`. */
  readonly steps: Readonly<Record<number, MigrationStep<T>>>;
}

export type MigrationResult<T> =
  | { ok: true; value: T; from: number }
  /** `too-new`: a whole number above `current` (written by a newer program); `unknown`: anything else that is not a version read here. */
  | { ok: false; reason: "too-new" | "unknown"; version: unknown; message: string };

/**
 * A chain whose steps are checked once, when it is defined: a missing step (or one past the current
 * version) is a programming error, thrown at once rather than found by the first old file.
 */
export function migrationChain<T>(
  current: number,
  steps: Readonly<Record<number, MigrationStep<T>>>,
  oldest = 1,
): MigrationChain<T> {
  if (!isVersion(oldest) || !isVersion(current) || oldest > current)
    throw new Error(`migrationChain: versions must run from a whole number ≥ 1 up (got v${oldest} to v${current})`);
  for (let v = oldest; v < current; v++)
    if (typeof steps[v] !== "function") throw new Error(`migrationChain: no step from v${v} to v${v + 1}`);
  const extra = Object.keys(steps)
    .map(Number)
    .filter((v) => !(v >= oldest && v < current));
  if (extra.length)
    throw new Error(
      `migrationChain: steps outside v${oldest}..v${current - 1}: ${extra.map((v) => `v${v}`).join(", ")}`,
    );
  return { current, oldest, steps };
}

/** Lift `doc`, written as `version`, to `chain.current`. Never throws for a bad version; a step may throw. */
export function migrate<T>(chain: MigrationChain<T>, version: unknown, doc: T): MigrationResult<T> {
  if (isVersion(version) && version > chain.current) {
    return {
      ok: false,
      reason: "too-new",
      version,
      message: `version ${version} is newer than this program reads (up to ${chain.current})`,
    };
  }
  if (!isVersion(version) || version < chain.oldest) {
    const shown = typeof version === "number" || typeof version === "string" ? JSON.stringify(version) : typeof version;
    return {
      ok: false,
      reason: "unknown",
      version,
      message: `version ${shown} is not one this program reads (${chain.oldest} to ${chain.current})`,
    };
  }
  let value = doc;
  for (let v = version; v < chain.current; v++) value = chain.steps[v]!(value);
  return { ok: true, value, from: version };
}

function isVersion(v: unknown): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= 1;
}
