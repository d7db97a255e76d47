import { describe, expect, it } from "vitest";
import { TrafficLog } from "../traffic";
import { curlFor, sdkSnippetFor, shellQuote } from "./curl";

describe("copy as curl / SDK code", () => {
  it("builds a curl command from the recorded exchange, secrets still redacted", () => {
    const log = new TrafficLog({ schedule: (f) => f() });
    log.append({
      kind: "http",
      ts: 1,
      exchange: 1,
      phase: "request",
      method: "POST",
      url: "http://127.0.0.1:3001/mcp",
      headers: { "mcp-session-id": "abc", authorization: "[redacted]" },
    });
    const { entry } = log.recordFrame(
      "outgoing",
      `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"it's"}}`,
      { transport: "http", exchange: 1, stream: "request-body" },
    );
    const curl = curlFor(entry.seq, log.entries)!;
    expect(curl).toContain("curl -sS -N -X POST 'http://127.0.0.1:3001/mcp'");
    expect(curl).toContain("-H 'mcp-session-id: abc'");
    expect(curl).toContain("authorization: [redacted]");
    expect(curl).toContain(`'{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"it'\\''s"}}'`);
  });

  it("quotes for the shell and writes SDK calls", () => {
    expect(shellQuote("a'b")).toBe(`'a'\\''b'`);
    expect(sdkSnippetFor('{"jsonrpc":"2.0","id":2,"method":"tools/list"}')).toContain(
      'client.request({\n  method: "tools/list"',
    );
    expect(sdkSnippetFor('{"jsonrpc":"2.0","method":"notifications/initialized"}')).toContain("client.notification(");
    expect(sdkSnippetFor("not json")).toBeUndefined();
  });
});
