/** The leak detector on real error texts: what must be caught, and what must not be a false failure. */
import { describe, expect, it } from "vitest";
import type { ConnectionConfig } from "../../base";
import { findLeaks } from "./leaks";

const kinds = (text: string, sent = "", connection?: ConnectionConfig) =>
  findLeaks(text, { sent, connection }).map((l) => l.kind);

const stdio = (args: string[], env: { name: string; value: string }[] = []) =>
  ({ transport: "stdio", command: "/usr/bin/node", args, env, cwd: "" }) as unknown as ConnectionConfig;

describe("findLeaks", () => {
  it("server-everything's zod issue list for a nameless tools/call is not a leak", () => {
    const zod =
      '[\n  {\n    "expected": "string",\n    "code": "invalid_type",\n    "path": [\n      "params",\n      "name"\n    ],\n    "message": "Invalid input: expected string, received undefined"\n  }\n]';
    expect(kinds(zod, '{"jsonrpc":"2.0","id":"x","method":"tools/call","params":{}}')).toEqual([]);
    expect(kinds("Invalid params: /properties/path must match pattern")).toEqual([]);
  });

  it("a Node stack trace and the server's own source path are", () => {
    const stack =
      "Error: ENOENT: no such file or directory, open '/srv/app/data/missing.txt'\n    at readFileSync (node:fs:448:20)\n    at readUnsafe (/srv/app/dist/tools.js:65:17)";
    expect(findLeaks(stack, { sent: '{"path":"x.txt"}' })).toEqual([
      { kind: "stack trace", evidence: '"at readFileSync (node:fs:448:20)"' },
      { kind: "absolute path", evidence: '"/srv/app/data/missing.txt"' },
    ]);
    expect(kinds('Traceback (most recent call last):\n  File "/app/server.py", line 3, in <module>')).toContain(
      "stack trace",
    );
  });

  it("paths the client sent, resolved from what it sent, or configured are not (server-filesystem's refusals)", () => {
    const sent = JSON.stringify({ params: { arguments: { path: "../../../../etc/passwd" } } });
    const fs = stdio(["/x/server-filesystem/dist/index.js", "/tmp/lens-allowed"]);
    expect(
      kinds("Access denied - path outside allowed directories: /etc/passwd not in /tmp/lens-allowed", sent, fs),
    ).toEqual([]);
    expect(kinds("ENOENT: no such file or directory, open '/tmp/lens-allowed/nope.txt'", "{}", fs)).toEqual([]);
    expect(kinds("no such file: /home/alice/private/notes.txt", "{}", fs)).toEqual(["absolute path"]);
    // A source file in a stack frame is a server path whatever its first folder is called.
    expect(kinds("failed (/builds/acme/src/tools.ts:12:5)", "{}", fs)).toEqual(["absolute path"]);
    expect(kinds("see https://example.com/docs/tools.js for help", "{}", fs)).toEqual([]);
  });

  it("environment values and tokens are, masked", () => {
    const env = stdio([], [{ name: "API_KEY", value: "s3cr3t-value-123" }]);
    const leaks = findLeaks("upstream refused key s3cr3t-value-123", { sent: "{}", connection: env });
    expect(leaks).toEqual([
      { kind: "environment value", evidence: "the value of API_KEY, given to the server (s3cr…)" },
    ]);
    expect(kinds("env: PATH=/usr/local/bin:/usr/bin HOME=/root")).toContain("environment value");
    expect(kinds("auth failed for ghp_abcdefghijklmnopqrstuvwxyz0123456789")).toEqual(["token"]);
    expect(kinds("GITHUB_TOKEN=undefined")).toEqual([]);
  });
});
