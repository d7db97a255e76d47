import { pointer } from "./pointer";
import type { Path } from "./types";

/**
 * The variants a person picked, by the JSON Pointer of their union. A pick sticks until they change
 * it: inferring the variant from the value is only for values that arrive from outside (history,
 * JSON mode, a recording), because look-alike variants ({path, position} / {path, line}) cannot be
 * told apart while their fields are still empty. Edits that move values (array Remove / Move, map
 * key renames) move the picks with them; clearing a value forgets the picks at and under it.
 */
export type VariantChoices = ReadonlyMap<string, number>;

export const NO_CHOICES: VariantChoices = new Map();

/** How an edit moved what was under `path`. */
export type Moved =
  /** Array items: old index → new index, undefined for a removed item. */
  | { kind: "reindex"; to: (from: number) => number | undefined }
  /** A map entry renamed. */
  | { kind: "rename"; from: string; to: string };

export function choose(choices: VariantChoices, path: Path, index: number): VariantChoices {
  // The value under the union is replaced by the new variant's: picks below it are stale.
  const next = forget(choices, path, false);
  const out = new Map(next);
  out.set(pointer(path), index);
  return out;
}

/** Picks after `next` was written at `path`, which `moved` describes (if anything moved). */
export function afterEdit(choices: VariantChoices, path: Path, next: unknown, moved?: Moved): VariantChoices {
  if (choices.size === 0) return choices;
  if (next === undefined || next === null) return forget(choices, path, true);
  if (!moved) return choices;
  const base = pointer(path);
  const out = new Map<string, number>();
  let changed = false;
  for (const [key, index] of choices) {
    if (!key.startsWith(base + "/")) {
      out.set(key, index);
      continue;
    }
    const rest = key.slice(base.length + 1);
    const slash = rest.indexOf("/");
    const seg = slash < 0 ? rest : rest.slice(0, slash);
    const tail = slash < 0 ? "" : rest.slice(slash);
    let to: string | undefined = seg;
    if (moved.kind === "reindex") {
      const n = /^\d+$/.test(seg) ? moved.to(Number(seg)) : undefined;
      to = n === undefined ? undefined : String(n);
    } else if (seg === escape(moved.from)) to = escape(moved.to);
    if (to !== seg) changed = true;
    if (to !== undefined) out.set(`${base}/${to}${tail}`, index);
  }
  return changed ? out : choices;
}

/** Without the picks under `path` (and at it, when `self`). */
function forget(choices: VariantChoices, path: Path, self: boolean): VariantChoices {
  const base = pointer(path);
  const keep = [...choices].filter(([k]) => !(k.startsWith(base + "/") || (self && k === base)));
  return keep.length === choices.size ? choices : new Map(keep);
}

function escape(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
