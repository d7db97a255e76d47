import type { ErrorObject } from "ajv";
import type { SchemaDocument } from "./document";
import { safeJson } from "./keywords";
import { isRecord } from "./pointer";
import type { ArgumentError } from "./types";

/**
 * Ajv errors as form errors: "required" and "additionalProperties" land on the property they name,
 * and a failed anyOf/oneOf reports only the branch the value came closest to, not every branch.
 */
export function toArgumentErrors(errors: readonly ErrorObject[], doc: SchemaDocument): ArgumentError[] {
  const kept = pruneUnions(errors, doc);
  const out: ArgumentError[] = [];
  const seen = new Set<string>();
  for (const e of kept) {
    const entry = toEntry(e);
    const key = `${entry.path}\u0000${entry.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(entry);
  }
  return out;
}

function toEntry(e: ErrorObject): ArgumentError {
  const params = e.params as Record<string, unknown>;
  const child = (name: unknown) => `${e.instancePath}/${String(name).replace(/~/g, "~0").replace(/\//g, "~1")}`;
  switch (e.keyword) {
    case "required":
      return { path: child(params.missingProperty), message: "is required" };
    case "additionalProperties":
      return { path: child(params.additionalProperty), message: "is not allowed by the schema" };
    case "unevaluatedProperties":
      return { path: child(params.unevaluatedProperty), message: "is not allowed by the schema" };
    case "enum":
      return { path: e.instancePath, message: `must be one of ${safeJson(params.allowedValues, 160)}` };
    case "const":
      return { path: e.instancePath, message: `must be ${safeJson(params.allowedValue, 160)}` };
    default:
      return { path: e.instancePath, message: e.message ?? e.keyword };
  }
}

/** Drops the errors of every union branch but the closest one, outermost unions first. */
function pruneUnions(errors: readonly ErrorObject[], doc: SchemaDocument): ErrorObject[] {
  let out = errors.slice();
  for (let u = out.length - 1; u >= 0; u--) {
    const union = out[u]!;
    if (union.keyword !== "anyOf" && union.keyword !== "oneOf") continue;
    const branches = branchPrefixes(union.schemaPath, doc);
    const parent = union.schemaPath.slice(0, union.schemaPath.lastIndexOf("/") + 1);
    // Branch errors come right before the union's own error, all at or under its instance path.
    const branchOf = new Map<ErrorObject, number>();
    for (let i = u - 1; i >= 0; i--) {
      const e = out[i]!;
      if (e.instancePath !== union.instancePath && !e.instancePath.startsWith(union.instancePath + "/")) break;
      const b = branchIndex(e.schemaPath, branches);
      if (b >= 0) branchOf.set(e, b);
      else if (e.schemaPath.startsWith(parent)) break;
    }
    if (branchOf.size === 0) continue;
    const best = closestBranch(branchOf, union.instancePath);
    out = out.filter((e) => e !== union && (!branchOf.has(e) || branchOf.get(e) === best));
    u = out.length;
  }
  return out;
}

/** For each branch, the schema paths its errors can have: its position, and its local `$ref` target. */
function branchPrefixes(unionPath: string, doc: SchemaDocument): string[][] {
  const found = doc.lookup(unionPath);
  const variants = "error" in found || !Array.isArray(found.schema) ? [] : found.schema;
  return variants.map((v, i) => {
    const prefixes = [`${unionPath}/${i}/`];
    if (isRecord(v) && typeof v.$ref === "string" && v.$ref.startsWith("#")) prefixes.push(v.$ref + "/");
    return prefixes;
  });
}

function branchIndex(schemaPath: string, branches: string[][]): number {
  let best = -1;
  let bestLength = 0;
  branches.forEach((prefixes, i) => {
    for (const p of prefixes) if (schemaPath.startsWith(p) && p.length > bestLength) [best, bestLength] = [i, p.length];
  });
  return best;
}

/** The branch with the fewest errors, where a wrong type or a wrong constant (a tag) counts heavily. */
function closestBranch(branchOf: Map<ErrorObject, number>, at: string): number {
  const scores = new Map<number, number>();
  for (const [e, b] of branchOf) {
    const depth = e.instancePath.split("/").length - at.split("/").length;
    const heavy = (e.keyword === "type" && depth === 0) || ((e.keyword === "const" || e.keyword === "enum") && depth <= 1);
    scores.set(b, (scores.get(b) ?? 0) + (heavy ? 100 : 1));
  }
  let best = -1;
  let bestScore = Infinity;
  for (const [b, s] of [...scores].sort((x, y) => x[0] - y[0])) if (s < bestScore) [best, bestScore] = [b, s];
  return best;
}
