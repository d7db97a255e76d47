/** `mcp-lens <url>`, `-- <command>`, `--config … --server …`: the connection handed to the page. */
import { describe, expect, it } from "vitest";
import { Store } from "../base";
import { addPending, type ConnectionsState } from "../connections";
import { CLI_COMMANDS, OPEN_USAGE, pendingConnection, type OpenTarget } from "./open";

const target = (t: Partial<OpenTarget>): OpenTarget => ({ transport: "streamable-http", headers: [], env: [], ...t });

describe("the server the command line names", () => {
  it("takes the words after -- as a stdio command, unconfirmed", () => {
    expect(pendingConnection(target({ stdio: ["node", "server.js", "--port 1"], env: ["A=1"] }), () => "")).toEqual({
      id: "cli-pending",
      name: "node (command line)",
      transport: "stdio",
      protocol: "auto",
      command: "node",
      args: ["server.js", "--port 1"],
      env: [{ name: "A", value: "1", secret: true }],
      cwd: "",
      unconfirmed: true,
    });
  });

  it("takes a URL with its transport and headers", () => {
    expect(
      pendingConnection(
        target({ url: "http://127.0.0.1:3001/sse", transport: "sse", headers: ["Authorization: Bearer t"] }),
        () => "",
      ),
    ).toMatchObject({
      transport: "sse",
      url: "http://127.0.0.1:3001/sse",
      headers: [{ name: "Authorization", value: "Bearer t" }],
    });
    expect(() => pendingConnection(target({ url: "example.com/mcp" }), () => "")).toThrow(/not an http\(s\) URL/);
  });

  it("takes an entry of any config shape, a stdio one unconfirmed", () => {
    const vscode = JSON.stringify({ servers: { fs: { type: "stdio", command: "npx", args: ["-y", "fs"] } } });
    expect(pendingConnection(target({ config: "mcp.json", server: "fs" }), () => vscode)).toMatchObject({
      id: "cli-pending",
      command: "npx",
      unconfirmed: true,
    });
    expect(() => pendingConnection(target({ config: "mcp.json", server: "nope" }), () => vscode)).toThrow(
      'mcp.json: no server "nope" (it has: fs)',
    );
    expect(() => pendingConnection(target({ config: "mcp.json" }), () => vscode)).toThrow(/--config needs --server/);
    expect(pendingConnection(target({}), () => "")).toBeUndefined();
  });

  it("is selected in the page and stays unconfirmed whatever the answer says", () => {
    const store = new Store<ConnectionsState>({ builtIn: [], saved: [], recordings: [], problems: [] });
    const raw = { id: "cli-pending", name: "x", transport: "stdio", command: "node", unconfirmed: false };
    expect(addPending(store, raw)).toMatchObject({ unconfirmed: true });
    expect(store.get()).toMatchObject({ selectedId: "cli-pending", saved: [{ command: "node", unconfirmed: true }] });
    expect(addPending(store, { transport: "carrier-pigeon" })).toBeUndefined();
  });

  it("keeps the browser-less subcommands, and --help names every option", () => {
    expect(CLI_COMMANDS).toEqual(["check", "list", "call", "calls", "conformance-client"]);
    for (const option of ["--port", "--no-open", "--config <file> --server <name>", "-- <command>", "mcp-lens check"]) {
      expect(OPEN_USAGE).toContain(option);
    }
  });
});
