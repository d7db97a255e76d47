import { isRecord } from "../base";
import type { Path } from "./types";

export { isRecord };

/** JSON Pointer (RFC 6901) for a path: the path format of errors and of the form. */
export function pointer(path: Path): string {
  let out = "";
  for (const seg of path) out += "/" + String(seg).replace(/~/g, "~0").replace(/\//g, "~1");
  return out;
}

/** Pointer segments, unescaped. Numeric-looking segments stay strings: the caller knows the container. */
export function pointerSegments(ptr: string): string[] {
  if (ptr === "") return [];
  return ptr
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** True when `ptr` is `base` or lies under it. */
export function isUnder(ptr: string, base: string): boolean {
  return ptr === base || ptr.startsWith(base + "/");
}
