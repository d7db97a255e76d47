/**
 * The command line against real servers (server-everything and the demo, over stdio through the
 * bridge code and over Streamable HTTP), and its parsing, config files and JUnit output.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheckResult } from "../checks";
import { EVERYTHING, startProcess, waitFor, type Started } from "../testing";
import { parseArgs } from "./args";
import { checksJunit } from "./junit";
import { runConformanceClient } from "./conformanceClient";
import { nodeSessionDeps } from "./nodeDeps";
import { runCli, type CliIo } from "./run";
import { targetConfig } from "./target";

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

describe("mcp-lens arguments", () => {
  it("reads the three target forms and the options", () => {
    const url = parseArgs([
      "check",
      "http://127.0.0.1:1/mcp",
      "--version",
      "2026-07-28",
      "--header",
      "Authorization: Bearer x",
      "--json",
    ]);
    expect(url).toMatchObject({
      ok: true,
      options: { command: "check", url: "http://127.0.0.1:1/mcp", version: "2026-07-28", json: true },
    });
    expect(url.ok && url.options.headers).toEqual([{ name: "Authorization", value: "Bearer x", secret: true }]);
    const stdio = parseArgs(["call", "echo", "--args", '{"message":"a b"}', "--", "node", "server.js", "--flag"]);
    expect(stdio).toMatchObject({
      ok: true,
      options: { command: "call", tool: "echo", stdio: ["node", "server.js", "--flag"], args: '{"message":"a b"}' },
    });
    expect(parseArgs(["list", "--config", "mcp.json", "--server", "fs"])).toMatchObject({
      ok: true,
      options: { config: "mcp.json", server: "fs" },
    });
  });

  it("says what is wrong with a bad command line", () => {
    const error = (argv: string[]) => {
      const p = parseArgs(argv);
      return p.ok ? "" : p.error;
    };
    expect(error(["frobnicate"])).toMatch(/unknown command "frobnicate"/);
    expect(error(["check"])).toMatch(/no target/);
    expect(error(["check", "ftp://x"])).toMatch(/not an http\(s\) URL/);
    expect(error(["check", "http://x", "--version", "1999"])).toMatch(/--version must be one of/);
    expect(error(["call", "--", "node", "s.js"])).toMatch(/call needs a tool name/);
    expect(error(["list", "--config", "a.json"])).toMatch(/--config needs --server/);
    expect(error(["list", "http://x", "--header", "nocolon"])).toMatch(/Name: value/);
    expect(error(["list", "http://x", "--bogus"])).toMatch(/unknown option --bogus/);
    expect(error(["list", "--"])).toMatch(/no command after --/);
  });

  it("takes servers from mcp.json-style files (mcpServers and VS Code's servers), and names what is missing", () => {
    const file = JSON.stringify({
      mcpServers: {
        fs: { command: "npx", args: ["-y", "server-filesystem", "/tmp"], env: { TOKEN: "s3cret" } },
        remote: { url: "https://example.com/mcp", headers: { Authorization: "Bearer t" } },
      },
    });
    const options = (server: string) => {
      const p = parseArgs(["list", "--config", "mcp.json", "--server", server]);
      if (!p.ok) throw new Error(p.error);
      return p.options;
    };
    expect(targetConfig(options("fs"), () => file)).toMatchObject({
      transport: "stdio",
      command: "npx",
      args: ["-y", "server-filesystem", "/tmp"],
      env: [{ name: "TOKEN", value: "s3cret", secret: true }],
    });
    expect(targetConfig(options("remote"), () => file)).toMatchObject({
      transport: "streamable-http",
      url: "https://example.com/mcp",
      headers: [{ name: "Authorization", value: "Bearer t" }],
    });
    const vscode = JSON.stringify({ servers: { legacy: { type: "sse", url: "http://127.0.0.1:3001/sse" } } });
    expect(targetConfig(options("legacy"), () => vscode)).toMatchObject({
      transport: "sse",
      url: "http://127.0.0.1:3001/sse",
    });
    expect(() => targetConfig(options("nope"), () => file)).toThrow(/no server "nope" \(it has: fs, remote\)/);
    expect(() => targetConfig(options("fs"), () => "{not json")).toThrow(/mcp.json: Not JSON/);
    expect(() => targetConfig(options("fs"), () => "{}")).toThrow(/expected "mcpServers"/);
  });
});

describe("JUnit output", () => {
  const base = {
    page: "basic" as const,
    specUrl: "https://modelcontextprotocol.io/specification/2025-11-25/basic/index",
    requestId: "1",
  };
  const results = [
    { ...base, id: "a", title: "passes", level: "required", expected: "x", observed: "x", verdict: "pass" },
    {
      ...base,
      id: "b",
      title: "fails <b>",
      level: "required",
      expected: 'error -32601 & "more"',
      observed: "</failure><script>alert(1)</script>\u0001",
      verdict: "fail",
    },
    { ...base, id: "c", title: "warns", level: "recommended", expected: "y", observed: "z", verdict: "warn" },
    {
      ...base,
      id: "d",
      title: "skipped",
      level: "required",
      expected: "y",
      observed: "stdio only",
      verdict: "skipped",
    },
  ] as unknown as CheckResult[];

  it("counts a failed must as a failure, a should as a warning in system-out, and escapes the server's text", () => {
    const xml = checksJunit(results, "mcp-lens check <evil>");
    expect(xml).toContain('<testsuite name="mcp-lens check &lt;evil&gt;" tests="4" failures="1" skipped="1">');
    expect(xml.match(/<failure /g)).toHaveLength(1);
    expect(xml).toContain("&lt;/failure&gt;&lt;script&gt;alert(1)&lt;/script&gt;\ufffd");
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("<system-out>warning (should): Expected: y");
    expect(xml).toContain('<skipped message="stdio only"/>');
  });
});

describe("mcp-lens against real servers", () => {
  it("list: server-everything over stdio, as text and as JSON", async () => {
    const text = await run(["list", ...EVERYTHING_STDIO]);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/^Tools \(\d+\):$/m);
    expect(text.out).toMatch(/^ {2}echo {2}— Echoes back the input string$/m);
    expect(text.out).toMatch(/^Prompts \(\d+\):$/m);
    const json = await run(["list", "--json", ...EVERYTHING_STDIO]);
    const parsed = JSON.parse(json.out) as { tools: { name: string }[]; protocolVersion: string };
    expect(parsed.tools.map((t) => t.name)).toContain("get-sum");
    expect(parsed.protocolVersion).toBe("2025-11-25");
  });

  it("call: a result exits 0, an error result or an unknown tool exits 1, bad JSON arguments exit 2", async () => {
    const ok = await run(["call", "get-sum", "--args", '{"a":2,"b":40}', ...EVERYTHING_STDIO]);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.out).toContain("42");
    const unknown = await run(["call", "no-such-tool", ...EVERYTHING_STDIO]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/lists no tool "no-such-tool"/);
    const badJson = await run(["call", "echo", "--args", "{oops", ...EVERYTHING_STDIO]);
    expect(badJson.code).toBe(2);
    expect(badJson.err).toMatch(/--args is not JSON/);
  });

  it("check: server-everything's real faults fail the run (exit 1) and land in the JUnit file", async () => {
    const r = await run(["check", "--timeout", "2", "--junit", "report.xml", ...EVERYTHING_STDIO]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^## MCP spot check: mcp-servers\/everything/m);
    expect(r.out).toMatch(/\| FAIL \| Text that is not JSON gets a Parse error \|/);
    expect(r.written["report.xml"]).toMatch(
      /<testsuite name="mcp-lens check mcp-servers\/everything" tests="\d+" failures="3"/,
    );
  });

  it("check: the demo over stdio in 2026-07-28, as JSON: the SDK v2 server's own faults, pinned (lib/checks/spotCheck.test.ts)", async () => {
    const r = await run(["check", "--timeout", "2", "--version", "2026-07-28", "--json", ...DEMO]);
    const report = JSON.parse(r.out) as { protocolVersion: string; results: CheckResult[] };
    expect(report.protocolVersion).toBe("2026-07-28");
    // Over stdio the SDK answers nothing to a line that is not JSON or has no method, and ignores an
    // unknown protocol version in _meta: real faults, so the run fails.
    expect(report.results.filter((x) => x.verdict === "fail").map((x) => x.id)).toEqual([
      "parse-error",
      "invalid-request",
      "unsupported-version",
      "unsupported-version-data",
    ]);
    expect(report.results.filter((x) => x.verdict === "pass").length).toBeGreaterThan(3);
    // Each check carries the suite's check ids it judges too (scripts/conformance-server.ts pairs by them).
    const suiteOf = (id: string) => (report.results.find((x) => x.id === id) as { suite?: string[] }).suite;
    expect(suiteOf("missing-meta")).toContain("sep-2575-request-meta-invalid-missing-meta");
    expect(suiteOf("parse-error")).toBeUndefined();
    expect(r.code).toBe(1);
  });

  it("a server that cannot be reached, or a command that does not exist, exits 2 and says why", async () => {
    const unreachable = await run(["list", "http://127.0.0.1:9/mcp"]);
    expect(unreachable.code).toBe(2);
    expect(unreachable.err).toMatch(/^mcp-lens: /);
    const missing = await run(["list", "--", "/nonexistent/mcp-server"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/mcp-lens: .*(not found|ENOENT|nonexistent)/i);
  });

  describe("over Streamable HTTP (the demo)", () => {
    let demo: Started;
    let url = "";
    beforeAll(async () => {
      demo = startProcess(process.execPath, ["--import", "tsx", "servers/demo/http.ts"], { PORT: "0" });
      await waitFor(
        () => (url = /MCP_LENS_DEMO_URL=(\S+)/.exec(demo.output())?.[1] ?? "") !== "" || demo.child.exitCode !== null,
        20_000,
      );
    });
    afterAll(async () => demo.stop());

    it("conformance-client: the suite's way of starting a client (URL argument, scenario in the environment)", async () => {
      const io = (env: Record<string, string>) => {
        let err = "";
        return {
          io: { err: (t: string) => void (err += t), deps: () => nodeSessionDeps({ direct: true }) },
          env,
          err: () => err,
        };
      };
      const missing = io({});
      expect(await runConformanceClient(url, missing.env, missing.io)).toBe(2);
      expect(missing.err()).toMatch(/usage: MCP_CONFORMANCE_SCENARIO=/);
      for (const version of ["2025-11-25", "2026-07-28"]) {
        const ok = io({ MCP_CONFORMANCE_SCENARIO: "initialize", MCP_CONFORMANCE_PROTOCOL_VERSION: version });
        expect(await runConformanceClient(url, ok.env, ok.io), ok.err()).toBe(0);
      }
      const down = io({ MCP_CONFORMANCE_SCENARIO: "initialize" });
      expect(await runConformanceClient("http://127.0.0.1:9/mcp", down.env, down.io)).toBe(1);
      expect(down.err()).toMatch(/conformance-client \(initialize\)/);
    });

    it("check in both eras, from an mcp.json entry, with a JUnit file on disk through the real command", async () => {
      for (const version of ["2025-11-25", "2026-07-28"]) {
        const r = await run(
          ["check", "--timeout", "2", "--version", version, "--config", "mcp.json", "--server", "demo"],
          {
            "mcp.json": JSON.stringify({ mcpServers: { demo: { url } } }),
          },
        );
        expect(r.out, version).toContain(`Protocol ${version} over Streamable HTTP`);
        expect(r.out, version).not.toMatch(/\| FAIL \|/);
        expect(r.code, version).toBe(0);
      }
      const dir = mkdtempSync(join(tmpdir(), "mcp-lens-cli-"));
      try {
        const junit = join(dir, "report.xml");
        writeFileSync(join(dir, "mcp.json"), "{}");
        const cli = startProcess(process.execPath, [
          "--import",
          "tsx",
          "lib/cli/main.ts",
          "check",
          url,
          "--timeout",
          "2",
          "--junit",
          junit,
        ]);
        await waitFor(() => cli.child.exitCode !== null, 60_000);
        expect(cli.child.exitCode, cli.output()).toBe(0);
        expect(readFileSync(junit, "utf8")).toMatch(/<testsuite name="mcp-lens check [^"]+" tests="\d+" failures="0"/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
