import { afterEach, describe, expect, it } from "vitest";
import { nodeSessionDeps } from "../testing";
import type { ConnectionConfig } from "../base";
import { splitEntries } from "./listEntries";
import { InspectorSession } from "./session";

describe("splitEntries", () => {
  it("keeps the valid entries and sets the others aside with path, expected and found", () => {
    const { valid, invalid } = splitEntries("tools", [
      { name: "ok", inputSchema: { type: "object" } },
      { name: 42, description: "bad" },
    ]);
    expect(valid).toEqual([{ name: "ok", inputSchema: { type: "object" } }]);
    expect(invalid).toEqual([
      {
        index: 1,
        label: "#1",
        raw: '{"name":42,"description":"bad"}',
        violations: expect.arrayContaining([
          expect.objectContaining({ path: "/name", expected: "string", found: "number 42" }),
          expect.objectContaining({ path: "/inputSchema", found: "missing" }),
        ]),
      },
    ]);
  });
});

let session: InspectorSession | undefined;
afterEach(async () => {
  await session?.disconnect();
  session = undefined;
});

describe("lists from a server with one invalid entry in each", () => {
  it("lists every usable entry and marks each invalid one; the tools still work", async () => {
    const config: ConnectionConfig = {
      id: "invalid",
      name: "invalid",
      transport: "stdio",
      protocol: "2025-11-25",
      command: process.execPath,
      args: ["--import", "tsx", "servers/fixtures/invalid-entries.ts"],
      env: [],
      cwd: "",
    };
    session = new InspectorSession(config, nodeSessionDeps());
    await session.connect();
    const { tools, resources, resourceTemplates, prompts } = session.state.lists;
    expect(tools).toMatchObject({ status: "ready" });
    expect(tools.items.map((t) => t.name)).toHaveLength(13);
    expect(tools.invalid).toEqual([expect.objectContaining({ index: 13, label: "#13" })]);
    expect(tools.invalid![0]!.violations.map((v) => v.path)).toEqual(["/name", "/inputSchema"]);
    expect(resources.items.map((r) => r.uri)).toEqual(["fixture://a.txt", "fixture://b.txt"]);
    expect(resources.invalid).toEqual([
      expect.objectContaining({ index: 1, violations: [expect.objectContaining({ path: "/uri", found: "missing" })] }),
    ]);
    expect(resourceTemplates.items).toHaveLength(1);
    expect(resourceTemplates.invalid?.[0]?.violations[0]).toMatchObject({
      path: "/uriTemplate",
      expected: "string",
      found: "number 7",
    });
    expect(prompts.items.map((p) => p.name)).toEqual(["greet", "plain"]);
    expect(prompts.invalid?.[0]).toMatchObject({
      label: "broken",
      violations: [expect.objectContaining({ path: "/arguments", expected: "array" })],
    });
    const outcome = await session.tools.call(session.client!, "tool_07", {});
    expect(outcome).toMatchObject({ kind: "result", result: { content: [{ text: "called tool_07" }] } });
  });
});
