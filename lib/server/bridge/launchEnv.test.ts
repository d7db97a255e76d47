/**
 * Issue 19 item 4: the environment a page gives a stdio server. Each attack is sent to the real
 * spawn handler with an allow-listed program; refused means a 4xx, no process, and no marker file
 * (the payload writes one when it runs, as the control case shows).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getDefaultEnvironment } from "@modelcontextprotocol/client/stdio";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { descendants, newDescendants } from "../../testing";
import { registry } from "./registry";
import { spawnStdio } from "./stdioRoutes";

const NODE = process.execPath;
let dir = "";
let marker = "";
let baseline: number[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "mcp-lens-env-"));
  marker = join(dir, "ran");
  baseline = descendants(process.pid);
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

/** Node code that leaves the marker when it runs: no spaces or double quotes (NODE_OPTIONS splits and unquotes). */
const payload = () => `--import=data:text/javascript,import{writeFileSync}from'node:fs';writeFileSync('${marker}','x')`;

/** The three forms the review used, each smuggling a variable past a name check. */
const attacks = () => ({
  "a key holding '=' (NODE_OPTIONS=…//)": { [`NODE_OPTIONS=${payload()}//`]: "anything" },
  "an exported bash function (BASH_FUNC_name%%)": { "BASH_FUNC_echo%%": `() { touch ${marker}; }` },
  "PATH=…# as a key": { [`PATH=${dir}:#`]: "x" },
});

const launch = (env: Record<string, string>, script = "console.log('ran')") =>
  new Request("http://127.0.0.1/api/bridge/stdio", {
    method: "POST",
    body: JSON.stringify({ command: NODE, args: ["-e", script], env }),
  });

async function lines(res: Response): Promise<Array<{ type: string; line?: string }>> {
  return (await res.text())
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { type: string; line?: string });
}

async function expectNothingSpawned(): Promise<void> {
  await new Promise((r) => setTimeout(r, 300));
  expect(existsSync(marker), "the payload ran").toBe(false);
  expect(newDescendants(baseline)).toEqual([]);
  expect(registry().processes.size).toBe(0);
}

function teamMode(envAllow = "API_KEY"): void {
  vi.stubEnv("MCP_LENS_TEAM", "1");
  vi.stubEnv("MCP_LENS_STDIO_ALLOWLIST", NODE);
  vi.stubEnv("MCP_LENS_STDIO_ENV_ALLOW", envAllow);
}

describe("environment names from the page (every mode)", () => {
  it("control: the payload is real — as NODE_OPTIONS in local mode it runs", async () => {
    const res = await spawnStdio(launch({ NODE_OPTIONS: payload() }));
    expect(res.status).toBe(200);
    await lines(res);
    expect(existsSync(marker)).toBe(true);
  });

  it.each(Object.keys(attacks()))("local mode refuses %s with 400 and starts nothing", async (name) => {
    const res = await spawnStdio(launch(attacks()[name as keyof ReturnType<typeof attacks>]));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toMatch(
      /environment variable names must match \^\[A-Za-z_\]\[A-Za-z0-9_\]\*\$; refused: "/,
    );
    await expectNothingSpawned();
  });

  it("refuses a NUL character in a value", async () => {
    const res = await spawnStdio(launch({ API_KEY: "a\u0000b" }));
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/must not contain a NUL/);
    await expectNothingSpawned();
  });
});

describe("environment in team mode, with the program allow-listed", () => {
  it.each(Object.keys(attacks()))("refuses %s and starts nothing", async (name) => {
    teamMode(`API_KEY`);
    const res = await spawnStdio(launch(attacks()[name as keyof ReturnType<typeof attacks>]));
    expect(res.status).toBe(400);
    await expectNothingSpawned();
  });

  it.each([
    "NODE_OPTIONS",
    "LD_PRELOAD",
    "LD_LIBRARY_PATH",
    "DYLD_INSERT_LIBRARIES",
    "BASH_ENV",
    "ENV",
    "PATH",
    "SHELLOPTS",
    "PS4",
    "PYTHONSTARTUP",
    "PYTHONPATH",
    "PERL5OPT",
    "RUBYOPT",
    "JAVA_TOOL_OPTIONS",
    "GIT_CONFIG_COUNT",
    "GCONV_PATH",
    "HOME",
    "node_options",
  ])("never lets the page set %s, even when the operator lists it", async (name) => {
    teamMode(`API_KEY,${name}`);
    const res = await spawnStdio(launch({ [name]: name.toUpperCase() === "NODE_OPTIONS" ? payload() : "x" }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/never allowed for stdio servers/);
    await expectNothingSpawned();
  });

  it("refuses a variable the operator did not list, and any variable when none are listed", async () => {
    teamMode("API_KEY");
    const unlisted = await spawnStdio(launch({ API_KEY: "k", OTHER: "x" }));
    expect(unlisted.status).toBe(403);
    expect(((await unlisted.json()) as { error: string }).error).toMatch(
      /OTHER are not in MCP_LENS_STDIO_ENV_ALLOW \(only API_KEY may be set\)/,
    );
    teamMode("");
    const none = await spawnStdio(launch({ API_KEY: "k" }));
    expect(none.status).toBe(403);
    expect(((await none.json()) as { error: string }).error).toMatch(/none may be set/);
    await expectNothingSpawned();
  });

  it("the child gets exactly the minimal environment plus the listed variable", async () => {
    teamMode("API_KEY, NODE_ENV");
    const res = await spawnStdio(
      launch({ API_KEY: "k1", NODE_ENV: "production" }, "console.log(JSON.stringify(process.env))"),
    );
    expect(res.status).toBe(200);
    const stdout = (await lines(res)).find((e) => e.type === "stdout");
    const env = JSON.parse(stdout!.line!) as Record<string, string>;
    expect(env).toEqual({ ...getDefaultEnvironment(), API_KEY: "k1", NODE_ENV: "production" });
    expect(Object.keys(env).some((k) => /^(NODE_OPTIONS|LD_|MCP_LENS)/.test(k))).toBe(false);
  });
});
