/** Each config shape read from a fixture file beside this test, and a broken one entry by entry. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configEntry, detectShape, parseConfig, type ImportResult } from ".";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");
let n = 0;
const ids = () => `c-${++n}`;
function read(name: string): Extract<ImportResult, { ok: true }> {
  const result = parseConfig(fixture(name), ids);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe("importing config files", () => {
  it("reads Claude Desktop's mcpServers: stdio entries whole, env values secret, unknown fields kept", () => {
    const r = read("claude_desktop_config.json");
    expect(r.shape).toBe("claude-desktop");
    expect(r.invalid).toEqual([]);
    expect(r.entries.map((e) => e.key)).toEqual(["filesystem", "weather"]);
    expect(r.entries[0]!.config).toMatchObject({
      name: "filesystem",
      transport: "stdio",
      command: "npx",
      args: ["-y", "@modelcontextprotocol/server-filesystem", "/Users/me/Desktop", "/Users/me/My Documents"],
      unconfirmed: true,
    });
    const weather = r.entries[1]!.config;
    expect(weather).toMatchObject({
      env: [
        { name: "WEATHER_API_KEY", value: "k-123", secret: true },
        { name: "UNITS", value: "metric", secret: true },
      ],
      origin: {
        shape: "claude-desktop",
        key: "weather",
        fields: { disabled: false, alwaysAllow: ["get-forecast"] },
      },
    });
    expect(new Set(r.entries.map((e) => e.config.id)).size).toBe(2);
  });

  it("reads Cursor's mcp.json: url entries as Streamable HTTP (or SSE by their /sse path), references to fill in", () => {
    const r = read("cursor-mcp.json");
    expect(r.shape).toBe("cursor");
    const [memory, search, events] = r.entries.map((e) => e.config);
    expect(memory).toMatchObject({ transport: "stdio", command: "npx", unconfirmed: true });
    expect(search).toMatchObject({
      transport: "streamable-http",
      url: "https://search.example.com/mcp",
      headers: [
        { name: "Authorization", value: "", secret: true },
        { name: "X-Region", value: "eu", secret: false },
      ],
      origin: { refs: { "header:Authorization": "Bearer ${env:SEARCH_TOKEN}" }, fields: { autoApprove: ["search"] } },
    });
    expect(search!.unconfirmed).toBeUndefined();
    expect(r.entries[1]!.notes).toEqual(["Header Authorization: fill in (the file has Bearer ${env:SEARCH_TOKEN})"]);
    expect(events).toMatchObject({ transport: "sse", url: "http://localhost:8931/sse" });
  });

  it("reads Claude Code's .mcp.json with its type field", () => {
    const r = read("claude-code.mcp.json");
    expect(r.shape).toBe("claude-code");
    expect(r.entries.map((e) => [e.key, e.config.transport])).toEqual([
      ["everything", "stdio"],
      ["linear", "streamable-http"],
      ["legacy", "sse"],
    ]);
    expect(r.entries[0]!.config).toMatchObject({ env: [{ name: "API_KEY", value: "", secret: true }] });
    expect(r.entries[1]!.config).toMatchObject({
      headers: [{ name: "Authorization", value: "Bearer abc123", secret: true }],
      origin: { fields: { timeout: 30000 } },
    });
  });

  it("reads VS Code's servers: ${input:…} references become secret fields to fill, never values", () => {
    const r = read("vscode-mcp.json");
    expect(r.shape).toBe("vscode");
    expect(r.invalid).toEqual([]);
    const [github, playwright, fetch] = r.entries;
    expect(github!.config).toMatchObject({
      transport: "streamable-http",
      headers: [{ name: "Authorization", value: "", secret: true }],
      origin: {
        refs: { "header:Authorization": "Bearer ${input:github-token}" },
        inputs: [{ id: "github-token", password: true }],
      },
    });
    expect(github!.notes).toContain("Input github-token: GitHub personal access token");
    expect(playwright!.config).toMatchObject({
      transport: "stdio",
      command: "npx",
      args: ["@playwright/mcp@latest", "--headless"],
      origin: { fields: { envFile: "${workspaceFolder}/.env", dev: { watch: "src/**/*.ts" } } },
    });
    expect(fetch!.config).toMatchObject({ command: "uvx", env: [{ name: "FETCH_TOKEN", value: "" }] });
  });

  it("reads a registry server.json: each package a command, each remote a URL, the rest refused with a reason", () => {
    const r = read("server.json");
    expect(r.shape).toBe("server-json");
    expect(r.entries.map((e) => e.config.name)).toEqual([
      "Weather (npm)",
      "Weather (pypi)",
      "Weather (streamable-http)",
    ]);
    expect(r.entries[0]!.config).toMatchObject({
      transport: "stdio",
      command: "npx",
      args: ["-y", "@example/weather-mcp@1.2.0", "--units", "metric", "<city>"],
      env: [
        { name: "WEATHER_API_KEY", value: "", secret: true },
        { name: "LOG_LEVEL", value: "info", secret: true },
      ],
      unconfirmed: true,
    });
    expect(r.entries[0]!.notes).toEqual([
      "Argument <city>: fill in",
      "Environment variable WEATHER_API_KEY: fill in (Your API key)",
    ]);
    expect(r.entries[1]!.config).toMatchObject({ command: "uvx", args: ["weather-mcp==1.2.0"] });
    expect(r.entries[2]!.config).toMatchObject({
      transport: "streamable-http",
      url: "https://weather.example.com/mcp",
      headers: [{ name: "Authorization", value: "", secret: true }],
    });
    expect(r.invalid).toEqual([
      {
        key: "packages[2]",
        reason:
          "runs its own streamable-http server at http://localhost:{port}/mcp: start it yourself, then connect to its URL",
      },
    ]);
  });

  it("imports the valid entries of a broken file and gives each invalid one its reason", () => {
    const r = read("broken.json");
    expect(r.entries.map((e) => e.key)).toEqual(["good"]);
    expect(r.invalid).toEqual([
      { key: "nothing", reason: 'has neither a "command" nor a "url"' },
      { key: "bad-args", reason: '"args" must be a list of strings' },
      { key: "bad-url", reason: '"url" must be an http(s) URL, not ftp:' },
      { key: "websocket", reason: 'type "ws" is not one MCP Lens connects to (stdio, http, sse)' },
      { key: "not-an-object", reason: "is not an object" },
      { key: "bad-env", reason: '"env.A" must be a string' },
    ]);
  });

  it("says what is wrong with a file that is not a config at all", () => {
    expect(parseConfig("{ nope")).toMatchObject({ ok: false, error: expect.stringMatching(/^Not JSON/) });
    expect(parseConfig('{"hello": 1}')).toMatchObject({ ok: false, error: expect.stringMatching(/mcpServers/) });
    expect(parseConfig("[]")).toMatchObject({ ok: false });
  });

  it("detects the shape from the content, a pasted map of servers included", () => {
    expect(detectShape({ mcp: { servers: {} } })).toBe("vscode");
    expect(detectShape({ $schema: "https://x/server.schema.json", name: "a" })).toBe("server-json");
    expect(detectShape({ memory: { command: "npx" } })).toBe("claude-desktop");
    expect(detectShape({ remote: { url: "https://x" } })).toBe("cursor");
    const pasted = parseConfig(
      '{ "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] } }',
    );
    expect(pasted).toMatchObject({ ok: true, entries: [{ key: "memory", config: { command: "npx" } }] });
  });

  it("finds one entry by name for the command line", () => {
    expect(configEntry(fixture("claude_desktop_config.json"), "weather", ids)).toMatchObject({
      ok: true,
      entry: { config: { command: "node" } },
    });
    expect(configEntry(fixture("broken.json"), "bad-url", ids)).toEqual({
      ok: false,
      error: 'server "bad-url" cannot be used: "url" must be an http(s) URL, not ftp:',
    });
    expect(configEntry(fixture("broken.json"), "missing", ids)).toMatchObject({
      ok: false,
      error: expect.stringContaining('no server "missing" (it has: good, nothing'),
    });
  });
});
