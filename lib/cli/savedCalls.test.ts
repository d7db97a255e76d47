/** `mcp-lens calls`: saved tool calls with assertions, against server-everything and the demo over stdio. */
import { describe, expect, it } from "vitest";
import { EVERYTHING } from "../testing";
import { nodeSessionDeps } from "./nodeDeps";
import { runCli, type CliIo } from "./run";

const DEMO = ["--", process.execPath, "--import", "tsx", "servers/demo/stdio.ts"];
const EVERYTHING_STDIO = ["--", process.execPath, EVERYTHING, "stdio"];

async function run(argv: string[], files: Record<string, string> = {}) {
  let out = "";
  let err = "";
  const written: Record<string, string> = {};
  const io: CliIo = {
    out: (t) => void (out += `${t}\n`),
    err: (t) => void (err += `${t}\n`),
    readFile: (p) => {
      if (!(p in files)) throw new Error(`ENOENT: ${p}`);
      return files[p]!;
    },
    writeFile: (p, t) => void (written[p] = t),
    deps: () => nodeSessionDeps({ direct: true }),
  };
  const code = await runCli(argv, io);
  return { code, out, err, written };
}

describe("mcp-lens calls", () => {
  it("server-everything: passing assertions exit 0; one wrong expectation exits 1 with expected vs actual, in JUnit too", async () => {
    const calls = [
      { name: "echo says hi", tool: "echo", args: { message: "hi" }, expect: { isError: false, text: "hi" } },
      { tool: "get-sum", args: { a: 2, b: 40 }, expect: { text: "42" } },
      {
        tool: "get-structured-content",
        args: { location: "New York" },
        expect: { structured: { "/temperature": 33, "/conditions": "Cloudy" } },
      },
      { name: "unknown tool", tool: "no-such-tool", args: {}, expect: { isError: true } },
    ];
    const ok = await run(["calls", "calls.json", ...EVERYTHING_STDIO], { "calls.json": JSON.stringify({ calls }) });
    expect(ok.err).toBe("");
    expect(ok.code).toBe(0);
    expect(ok.out).toContain("4 of 4 calls passed.");

    const wrong = [...calls, { name: "wrong sum", tool: "get-sum", args: { a: 1, b: 1 }, expect: { text: "3" } }];
    const r = await run(["calls", "calls.json", "--junit", "calls.xml", ...EVERYTHING_STDIO], {
      "calls.json": JSON.stringify(wrong),
    });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^FAIL wrong sum \(get-sum\)$/m);
    expect(r.out).toMatch(/^ {2}FAIL text contains: expected "3", got ".*2.*"$/m);
    expect(r.out).toContain("4 of 5 calls passed.");
    expect(r.written["calls.xml"]).toMatch(/<testsuite name="mcp-lens calls calls.json" tests="5" failures="1">/);
    expect(r.written["calls.xml"]).toContain("text contains: expected &quot;3&quot;");
  }, 60_000);

  it("the demo: an unknown tool answered with the expected error code; a wrong code fails, as JSON", async () => {
    const calls = [{ name: "unknown", tool: "no-such-tool", args: {}, expect: { error: { code: -32602 } } }];
    const ok = await run(["calls", "c.json", ...DEMO], { "c.json": JSON.stringify({ calls }) });
    expect(ok.out).toContain("1 of 1 calls passed.");
    expect(ok.code).toBe(0);
    const bad = [{ tool: "no-such-tool", expect: { error: { code: -32601 } } }];
    const r = await run(["calls", "c.json", "--json", ...DEMO], { "c.json": JSON.stringify(bad) });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out) as {
      calls: { assertions: { what: string; ok: boolean; expected: unknown; actual: unknown }[] }[];
    };
    expect(report.calls[0]!.assertions).toEqual([{ what: "error.code", ok: false, expected: -32601, actual: -32602 }]);
  }, 60_000);

  it("a file that is not saved calls, or a server that cannot be reached, exits 2", async () => {
    const notJson = await run(["calls", "c.json", ...EVERYTHING_STDIO], { "c.json": "{oops" });
    expect(notJson.code).toBe(2);
    const noTool = await run(["calls", "c.json", ...EVERYTHING_STDIO], { "c.json": '{"calls":[{"args":{}}]}' });
    expect(noTool).toMatchObject({ code: 2, err: expect.stringMatching(/call #1: "tool" must be a name/) as unknown });
    const unreachable = await run(["calls", "c.json", "http://127.0.0.1:9/mcp"], { "c.json": '[{"tool":"echo"}]' });
    expect(unreachable.code).toBe(2);
  }, 60_000);
});
