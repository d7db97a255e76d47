import { LIMITS } from "./limits";
import { isRecord, pointerSegments } from "./pointer";
import type { Dialect } from "./types";

export type Lookup = { schema: unknown; name: string } | { error: string };

/** Keywords whose values are data, not schemas: never searched for `$id` / `$anchor`. */
const DATA_KEYWORDS = new Set(["enum", "const", "default", "examples", "example"]);

export function dialectOf(schema: unknown): Dialect {
  const decl = isRecord(schema) && typeof schema.$schema === "string" ? schema.$schema : "";
  if (/draft-0[3-7]/.test(decl)) return "draft-07";
  if (decl.includes("2019-09")) return "2019-09";
  return "2020-12";
}

/** One tool's input schema: its dialect and how its `$ref`s resolve. */
export class SchemaDocument {
  readonly dialect: Dialect;
  private ids: Map<string, unknown> | undefined;

  constructor(readonly root: unknown) {
    this.dialect = dialectOf(root);
  }

  /** Finds what a `$ref` points at inside this document (no network, ever). */
  lookup(ref: string): Lookup {
    const hash = ref.indexOf("#");
    const base = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? "" : safeDecode(ref.slice(hash + 1));
    let start: unknown = this.root;
    if (base !== "") {
      const found = this.byId(base);
      if (found === undefined) return { error: `external $ref "${ref}" is not resolved` };
      start = found;
    }
    if (fragment === "") return { schema: start, name: base ? lastPart(base) : (titleOf(start) ?? "root") };
    if (!fragment.startsWith("/")) {
      const anchored = this.byId("#" + fragment);
      return anchored === undefined
        ? { error: `$ref anchor "${ref}" not found` }
        : { schema: anchored, name: fragment };
    }
    let cur = start;
    const segs = pointerSegments(fragment);
    for (const seg of segs) {
      if (Array.isArray(cur) && /^\d+$/.test(seg)) cur = cur[Number(seg)];
      else if (isRecord(cur) && Object.hasOwn(cur, seg)) cur = cur[seg];
      else return { error: `$ref "${ref}" points at nothing` };
    }
    return { schema: cur, name: segs[segs.length - 1] ?? "root" };
  }

  /** `$id` values (full or trailing part) and anchors ("#name"), indexed on first use. */
  private byId(key: string): unknown {
    this.ids ??= indexIds(this.root);
    const exact = this.ids.get(key);
    if (exact !== undefined) return exact;
    for (const [id, schema] of this.ids)
      if (!key.startsWith("#") && (id.endsWith("/" + key) || key.endsWith("/" + id))) return schema;
    return undefined;
  }
}

function indexIds(root: unknown): Map<string, unknown> {
  const ids = new Map<string, unknown>();
  const stack: unknown[] = [root];
  let seen = 0;
  while (stack.length > 0 && seen++ < LIMITS.indexNodes) {
    const cur = stack.pop();
    if (Array.isArray(cur)) {
      for (const v of cur) if (typeof v === "object" && v !== null) stack.push(v);
      continue;
    }
    if (!isRecord(cur)) continue;
    if (typeof cur.$id === "string") ids.set(cur.$id.startsWith("#") ? cur.$id : cur.$id.replace(/#$/, ""), cur);
    for (const k of ["$anchor", "$dynamicAnchor", "$recursiveAnchor"])
      if (typeof cur[k] === "string") ids.set("#" + cur[k], cur);
    for (const [k, v] of Object.entries(cur))
      if (!DATA_KEYWORDS.has(k) && typeof v === "object" && v !== null) stack.push(v);
  }
  if (typeof (root as { $id?: unknown } | null)?.$id !== "string") ids.set("", root);
  return ids;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function lastPart(uri: string): string {
  return uri.split("/").filter(Boolean).pop() ?? uri;
}

function titleOf(schema: unknown): string | undefined {
  return isRecord(schema) && typeof schema.title === "string" ? schema.title : undefined;
}
