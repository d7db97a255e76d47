import type { Tool } from "@modelcontextprotocol/client";
import { describe, expect, it } from "vitest";
import { TrafficLog } from "../traffic";
import { diffList, diffRecordings, diffSnapshots, listsFromTraffic, snapshotFromSession } from "./diff";
import { diffJson } from "./jsonDiff";
import { exportRecording } from "./recording";
import { diffSequences, sequenceOf, type SequenceStep } from "./sequenceDiff";

const stdio = { transport: "stdio" } as const;
const obj = (properties: NonNullable<Tool["inputSchema"]["properties"]>) => ({ type: "object" as const, properties });

const weather: Tool = { name: "weather", description: "Weather", inputSchema: obj({ city: { type: "string" } }) };
const echo: Tool = { name: "echo", inputSchema: obj({ text: { type: "string" } }) };
const clock: Tool = { name: "clock", inputSchema: obj({}) };

/** A session log: handshake, a paged tools/list, a call; `variant` B changes what the server says. */
function sessionLog(tools: Tool[], extraCall: boolean): TrafficLog {
  const log = new TrafficLog({ schedule: () => {} });
  const send = (dir: "outgoing" | "incoming", m: unknown) =>
    log.recordFrame(dir, JSON.stringify({ jsonrpc: "2.0", ...(m as object) }), stdio);
  send("outgoing", { id: 0, method: "initialize", params: {} });
  send("incoming", { id: 0, result: {} });
  send("outgoing", { method: "notifications/initialized" });
  send("outgoing", { id: 1, method: "tools/list" });
  send("incoming", { id: 1, result: { tools: tools.slice(0, 1), nextCursor: "p2" } });
  send("outgoing", { id: 2, method: "tools/list", params: { cursor: "p2" } });
  send("incoming", { id: 2, result: { tools: tools.slice(1) } });
  if (extraCall) {
    send("outgoing", { id: 3, method: "tools/call", params: { name: "clock" } });
    send("incoming", { id: 3, error: { code: -32603, message: "x" } });
  }
  send("outgoing", { id: 4, method: "ping" });
  send("incoming", { id: 4, result: {} });
  return log;
}

const legacyState = { clientCapabilities: {}, protocolVersion: "2025-11-25", era: "legacy" as const };
const config = {
  id: "x",
  name: "x",
  protocol: "auto" as const,
  transport: "stdio" as const,
  command: "srv",
  args: [],
  env: [],
  cwd: "",
};

describe("diff", () => {
  const changedWeather: Tool = {
    ...weather,
    description: "Weather, now with units",
    inputSchema: obj({ city: { type: "string" }, units: { enum: ["C", "F"] } }),
    annotations: { readOnlyHint: true },
  };
  const a = exportRecording(
    { ...legacyState, config, serverCapabilities: { tools: { listChanged: true }, logging: {} } },
    sessionLog([weather, echo], false),
  );
  const b = exportRecording(
    { ...legacyState, config, serverCapabilities: { tools: { listChanged: false }, prompts: {} } },
    sessionLog([changedWeather, clock], true),
  );
  const d = diffRecordings(a, b);

  it("reads the lists back from a recording's list results, across pages", () => {
    expect(listsFromTraffic(a.traffic).tools.map((t) => t.name)).toEqual(["weather", "echo"]);
  });

  it("reports an added tool, a removed tool and a changed schema with its paths", () => {
    expect(d.tools.added.map((t) => t.name)).toEqual(["clock"]);
    expect(d.tools.removed.map((t) => t.name)).toEqual(["echo"]);
    expect(d.tools.changed).toHaveLength(1);
    expect(d.tools.changed[0]!.key).toBe("weather");
    expect(d.tools.changed[0]!.changes).toEqual([
      { path: "/description", change: "changed", before: "Weather", after: "Weather, now with units" },
      { path: "/inputSchema/properties/units", change: "added", after: { enum: ["C", "F"] } },
      { path: "/annotations", change: "added", after: { readOnlyHint: true } },
    ]);
  });

  it("reports capability keys added, removed and changed", () => {
    expect(d.capabilities).toEqual([
      { path: "/tools/listChanged", change: "changed", before: true, after: false },
      { path: "/logging", change: "removed", before: {} },
      { path: "/prompts", change: "added", after: {} },
    ]);
  });

  it("aligns the message sequences into equal, added and removed runs", () => {
    expect(d.sequence.approximate).toBe(false);
    const shape = d.sequence.runs.map((r) => [r.op, r.steps.map((s) => `${s.direction} ${s.what} ${s.method}`)]);
    expect(shape).toEqual([
      ["equal", expect.any(Array)],
      ["added", ["outgoing request tools/call", "incoming error tools/call"]],
      ["equal", ["outgoing request ping", "incoming result ping"]],
    ]);
    const firstEqual = d.sequence.runs[0]!;
    expect(firstEqual.steps).toHaveLength(7);
    expect(firstEqual.matched?.map((s) => s.seq)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("finds a shortest alignment in the middle, both ways", () => {
    const steps = (names: string) =>
      [...names].map((method, seq): SequenceStep => ({ direction: "outgoing", what: "request", method, seq }));
    const ops = (x: string, y: string) =>
      diffSequences(steps(x), steps(y)).runs.map((r) => `${r.op[0]}:${r.steps.map((s) => s.method).join("")}`);
    expect(ops("abcabba", "cbabac")).toEqual(["r:ab", "e:c", "a:b", "e:ab", "r:b", "e:a", "a:c"]);
    expect(ops("", "ab")).toEqual(["a:ab"]);
    expect(ops("ab", "")).toEqual(["r:ab"]);
    expect(ops("", "")).toEqual([]);
    const many = diffSequences(steps("a".repeat(3000)), steps("b".repeat(3000)));
    expect(many.approximate).toBe(true);
    expect(many.runs.map((r) => [r.op, r.steps.length])).toEqual([
      ["removed", 3000],
      ["added", 3000],
    ]);
  });

  it("diffs live session data the same way", () => {
    const list = <T>(items: T[]) => ({ status: "ready" as const, items });
    const live = (tools: Tool[]) => ({
      serverCapabilities: { tools: {} },
      lists: {
        tools: list(tools),
        resources: list([{ uri: "file:///a", name: "a" }]),
        prompts: list([]),
        resourceTemplates: list([]),
      },
    });
    const empty = new TrafficLog();
    const diff = diffSnapshots(
      snapshotFromSession(live([weather]), empty),
      snapshotFromSession(live([weather, echo]), empty),
    );
    expect(diff.tools.added).toEqual([echo]);
    expect(diff.resources).toEqual({ added: [], removed: [], changed: [], duplicates: [] });
    expect(diff.capabilities).toEqual([]);
    expect(diff.sequence.runs).toEqual([]);
    expect(sequenceOf(empty.entries)).toEqual([]);
  });

  it("keys items without a name by position and reports duplicates", () => {
    const r = diffList(
      [{ name: "x" }, { name: "x", v: 2 }, { nope: 1 }] as { name?: string }[],
      [{ name: "x" }],
      (t) => t.name,
    );
    expect(r.duplicates).toEqual(["x"]);
    expect(r.removed).toEqual([{ nope: 1 }]);
    expect(diffJson([1, 2], [1], "")).toEqual([{ path: "/1", change: "removed", before: 2 }]);
    expect(diffJson({ "a/b": 1 }, { "a/b": 2 })).toEqual([{ path: "/a~1b", change: "changed", before: 1, after: 2 }]);
  });
});
