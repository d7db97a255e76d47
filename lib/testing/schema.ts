import { expect } from "vitest";
import type { FieldNode } from "../schema";

/** Narrows a node to a kind, failing the test otherwise. */
export function as<K extends FieldNode["kind"]>(
  node: FieldNode | undefined | null,
  kind: K,
): Extract<FieldNode, { kind: K }> {
  expect(node?.kind).toBe(kind);
  return node as Extract<FieldNode, { kind: K }>;
}

export function prop(node: FieldNode, name: string): FieldNode {
  const obj = as(node, "object");
  const p = obj.properties.find((x) => x.name === name);
  expect(p, `property ${name}`).toBeDefined();
  return p!.node;
}

export function deepFreeze<T>(v: T): T {
  if (typeof v === "object" && v !== null) {
    Object.freeze(v);
    for (const x of Object.values(v)) deepFreeze(x);
  }
  return v;
}
