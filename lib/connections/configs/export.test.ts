/** Each shape written out: an import then an export of the same shape gives the file back; any connection in each shape. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ConnectionConfig } from "../../base";
import { configSnippet, exportConfig, parseConfig, type ConfigShape } from ".";

const fixture = (name: string) => readFileSync(join(import.meta.dirname, "fixtures", name), "utf8");
function imported(name: string): ConnectionConfig[] {
  const r = parseConfig(fixture(name));
  if (!r.ok) throw new Error(r.error);
  return r.entries.map((e) => e.config);
}
const out = (connections: ConnectionConfig[], shape: ConfigShape, includeSecrets = false) =>
  JSON.parse(exportConfig(connections, shape, { includeSecrets }).text);

const stdio: ConnectionConfig = {
  id: "c-1",
  name: "memory",
  transport: "stdio",
  protocol: "auto",
  command: "npx",
  args: ["-y", "@modelcontextprotocol/server-memory@1.0.0"],
  env: [{ name: "API_KEY", value: "s3cret", secret: true }],
  cwd: "",
};
const remote: ConnectionConfig = {
  id: "c-2",
  name: "search",
  transport: "streamable-http",
  protocol: "auto",
  url: "https://search.example.com/mcp",
  headers: [
    { name: "Authorization", value: "Bearer s3cret", secret: true },
    { name: "X-Region", value: "eu", secret: false },
  ],
};

describe("exporting config files", () => {
  it("round-trips each shape: the servers and the fields MCP Lens does not use come back", () => {
    const desktop = JSON.parse(fixture("claude_desktop_config.json"));
    expect(out(imported("claude_desktop_config.json"), "claude-desktop", true)).toEqual({
      mcpServers: desktop.mcpServers,
    });
    expect(out(imported("cursor-mcp.json"), "cursor", true)).toEqual(JSON.parse(fixture("cursor-mcp.json")));
    expect(out(imported("claude-code.mcp.json"), "claude-code", true)).toEqual(
      JSON.parse(fixture("claude-code.mcp.json")),
    );
    const vscode = JSON.parse(fixture("vscode-mcp.json"));
    expect(out(imported("vscode-mcp.json"), "vscode")).toEqual({
      inputs: [vscode.inputs[0]],
      // An entry without `type` comes back with the one VS Code would infer.
      servers: { ...vscode.servers, fetch: { type: "stdio", ...vscode.servers.fetch } },
    });
    const server = JSON.parse(fixture("server.json"));
    expect(out(imported("server.json"), "server-json")).toEqual({
      ...server,
      packages: server.packages.slice(0, 2),
    });
  });

  it("writes secrets only when asked; otherwise each shape's own reference to fill in", () => {
    expect(out([stdio, remote], "claude-code")).toEqual({
      mcpServers: {
        memory: {
          type: "stdio",
          command: "npx",
          args: ["-y", "@modelcontextprotocol/server-memory@1.0.0"],
          env: { API_KEY: "${API_KEY}" },
        },
        search: {
          type: "http",
          url: "https://search.example.com/mcp",
          headers: { Authorization: "${AUTHORIZATION}", "X-Region": "eu" },
        },
      },
    });
    expect(out([stdio], "cursor", true).mcpServers.memory.env).toEqual({ API_KEY: "s3cret" });
    expect(out([stdio], "cursor").mcpServers.memory.env).toEqual({ API_KEY: "${env:API_KEY}" });
    expect(exportConfig([stdio, remote], "vscode").text).not.toContain("s3cret");
    expect(out([stdio, remote], "vscode")).toEqual({
      inputs: [
        { type: "promptString", id: "api-key", description: "API_KEY for memory", password: true },
        { type: "promptString", id: "authorization", description: "Authorization for search", password: true },
      ],
      servers: {
        memory: {
          type: "stdio",
          command: "npx",
          args: ["-y", "@modelcontextprotocol/server-memory@1.0.0"],
          env: { API_KEY: "${input:api-key}" },
        },
        search: {
          type: "http",
          url: "https://search.example.com/mcp",
          headers: { Authorization: "${input:authorization}", "X-Region": "eu" },
        },
      },
    });
  });

  it("writes a remote server for Claude Desktop through mcp-remote, headers from the environment", () => {
    expect(out([remote], "claude-desktop", true)).toEqual({
      mcpServers: {
        search: {
          command: "npx",
          args: [
            "-y",
            "mcp-remote",
            "https://search.example.com/mcp",
            "--header",
            "Authorization:${HEADER_AUTHORIZATION}",
            "--header",
            "X-Region:${HEADER_X_REGION}",
          ],
          env: { HEADER_AUTHORIZATION: "Bearer s3cret", HEADER_X_REGION: "eu" },
        },
      },
    });
  });

  it("writes a server.json package from the command that runs it, or says why it cannot", () => {
    expect(out([stdio, remote], "server-json")).toEqual({
      $schema: "https://static.modelcontextprotocol.io/schemas/2025-09-29/server.schema.json",
      name: "io.github.your-name/memory",
      description: "memory",
      version: "1.0.0",
      packages: [
        {
          registryType: "npm",
          identifier: "@modelcontextprotocol/server-memory",
          version: "1.0.0",
          transport: { type: "stdio" },
          environmentVariables: [{ name: "API_KEY", isSecret: true }],
        },
      ],
      remotes: [
        {
          type: "streamable-http",
          url: "https://search.example.com/mcp",
          headers: [
            { name: "Authorization", isSecret: true },
            { name: "X-Region", value: "eu" },
          ],
        },
      ],
    });
    const local = { ...stdio, command: "node", args: ["server.js"] };
    expect(exportConfig([local], "server-json").skipped).toEqual([
      { key: "memory", reason: expect.stringContaining('"node" is not a package runner') },
    ]);
    const docker = { ...stdio, command: "docker", args: ["run", "-i", "--rm", "-e", "API_KEY", "mcp/fetch:1.0"] };
    expect(out([docker], "server-json").packages[0]).toMatchObject({
      registryType: "oci",
      identifier: "mcp/fetch",
      version: "1.0",
    });
  });

  it("copies one connection as a snippet to paste into the file's server map", () => {
    expect(configSnippet(remote, "cursor")).toBe(
      '"search": {\n  "url": "https://search.example.com/mcp",\n  "headers": {\n    "Authorization": "${env:AUTHORIZATION}",\n    "X-Region": "eu"\n  }\n}\n',
    );
    const pasted = parseConfig(`{${configSnippet(stdio, "claude-desktop", { includeSecrets: true })}}`);
    expect(pasted).toMatchObject({ ok: true, entries: [{ config: { command: "npx", args: stdio.args } }] });
    expect(JSON.parse(configSnippet(stdio, "server-json")).packages).toHaveLength(1);
    expect(() => configSnippet({ ...stdio, command: "node" }, "server-json")).toThrow(/not a package runner/);
  });
});
