import type { SchemaDocument } from "./document";
import { LIMITS } from "./limits";
import { isRecord } from "./pointer";
import type { FieldNode, JsonNode, NodeMeta, RefNode } from "./types";
import { errorMessage } from "../base";

/** State shared while building: one per `buildFormModel`, a fresh budget per lazy level. */
export interface BuildContext {
  doc: SchemaDocument;
  warnings: string[];
  /** Resolved `$ref` targets (without siblings), shared by every node pointing at them. */
  refCache: Map<string, FieldNode>;
  /** Nodes this level may still build eagerly. */
  left: number;
}

export type BuildFn = (schema: unknown, at: string, depth: number, ctx: BuildContext) => FieldNode;

const MAX_WARNINGS = 200;

export function nextLevel(ctx: BuildContext): BuildContext {
  return { ...ctx, left: LIMITS.nodesPerLevel };
}

/** Records a warning, with where it is ("(root)" or a path with "*" for any item or entry). */
export function warn(ctx: BuildContext, at: string, message: string): void {
  const line = `${at || "(root)"}: ${message}`;
  if (ctx.warnings.includes(line)) return;
  if (ctx.warnings.length < MAX_WARNINGS) ctx.warnings.push(line);
  else if (ctx.warnings.length === MAX_WARNINGS) ctx.warnings.push(`further warnings omitted`);
}

export function metaOf(schema: unknown, notes: string[]): NodeMeta {
  const s = isRecord(schema) ? schema : {};
  const examples = Array.isArray(s.examples) ? s.examples : Object.hasOwn(s, "example") ? [s.example] : undefined;
  return {
    title: typeof s.title === "string" ? s.title : undefined,
    description: typeof s.description === "string" ? s.description : undefined,
    examples,
    default: s.default,
    hasDefault: Object.hasOwn(s, "default"),
    readOnly: s.readOnly === true,
    writeOnly: s.writeOnly === true,
    deprecated: s.deprecated === true,
    notes,
    schema,
  };
}

export function jsonNode(schema: unknown, reason: string, notes: string[] = []): JsonNode {
  return { ...metaOf(schema, notes), kind: "json", reason };
}

/** A node whose subtree is built by `make` on first `resolve()`; failures become a JSON field. */
export function lazyNode(meta: NodeMeta, target: string, make: () => FieldNode, ref?: string): RefNode {
  let built: FieldNode | undefined;
  return {
    ...meta,
    kind: "ref",
    ...(ref === undefined ? {} : { ref }),
    target,
    resolve: () => (built ??= guarded(meta.schema, make)),
  };
}

/** Runs a build step; anything thrown (including stack overflow) becomes a JSON field. */
export function guarded(schema: unknown, make: () => FieldNode): FieldNode {
  try {
    return make();
  } catch (e) {
    return jsonNode(schema, `the form could not be built here (${errorMessage(e)})`);
  }
}

export function escapeSegment(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}
