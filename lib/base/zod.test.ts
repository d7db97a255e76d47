import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "./zod";
import { globalConfig } from "zod/v4/core";

const ROOT = join(import.meta.dirname, "../..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe("zod in the page", () => {
  it("is jitless once lib/base's z is loaded", () => {
    expect(z.object({ a: z.string() }).parse({ a: "x" })).toEqual({ a: "x" });
    expect(globalConfig.jitless).toBe(true);
  });

  it("every schema the page can load is built with lib/base's z (Node-only lib/server aside)", () => {
    const direct = ["lib", "components", "app"]
      .flatMap((d) => sources(join(ROOT, d)))
      .map((f) => relative(ROOT, f))
      .filter((f) => f !== "lib/base/zod.ts" && !f.startsWith("lib/server/"))
      .filter((f) => /from "zod(\/[^"]*)?"/.test(readFileSync(join(ROOT, f), "utf8")));
    expect(direct).toEqual([]);
  });
});
