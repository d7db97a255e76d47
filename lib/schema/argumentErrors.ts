import type { SchemaError } from "./jsonSchema";
import { safeJson } from "./keywords";
import type { ArgumentError } from "./types";

/**
 * Validation errors as form errors: "required" and "additionalProperties" land on the property they
 * name, and a failed anyOf/oneOf reports only the branch the value came closest to, not every branch.
 */
export function toArgumentErrors(errors: readonly SchemaError[]): ArgumentError[] {
  const kept = pruneUnions(errors);
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

function toEntry(e: SchemaError): ArgumentError {
  const params = e.params;
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
      return { path: e.instancePath, message: e.message };
  }
}

/**
 * Drops the errors of every union branch but the closest one, outermost unions first. A union's
 * error comes before its branches' errors, whose schema paths continue the union's own
 * (`…/anyOf/1/…`, through `$ref`s too): the route the validator took.
 */
function pruneUnions(errors: readonly SchemaError[]): SchemaError[] {
  let out = errors.slice();
  for (let u = 0; u < out.length; u++) {
    const union = out[u]!;
    if (union.keyword !== "anyOf" && union.keyword !== "oneOf") continue;
    const prefix = `${union.schemaPath}/`;
    const branchOf = new Map<SchemaError, number>();
    for (const e of out) {
      if (e === union || !e.schemaPath.startsWith(prefix)) continue;
      const b = Number(e.schemaPath.slice(prefix.length).split("/", 1)[0]);
      if (Number.isInteger(b)) branchOf.set(e, b);
    }
    if (branchOf.size === 0) continue;
    const best = closestBranch(branchOf, union.instancePath);
    out = out.filter((e) => e !== union && (!branchOf.has(e) || branchOf.get(e) === best));
    u--; // the union is gone: the next error now sits at u
  }
  return out;
}

/** The branch with the fewest errors, where a wrong type or a wrong constant (a tag) counts heavily. */
function closestBranch(branchOf: Map<SchemaError, number>, at: string): number {
  const scores = new Map<number, number>();
  for (const [e, b] of branchOf) {
    const depth = e.instancePath.split("/").length - at.split("/").length;
    const heavy =
      (e.keyword === "type" && depth === 0) || ((e.keyword === "const" || e.keyword === "enum") && depth <= 1);
    scores.set(b, (scores.get(b) ?? 0) + (heavy ? 100 : 1));
  }
  let best = -1;
  let bestScore = Infinity;
  for (const [b, s] of [...scores].sort((x, y) => x[0] - y[0])) if (s < bestScore) [best, bestScore] = [b, s];
  return best;
}
