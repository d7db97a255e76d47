import { describe, expect, it } from "vitest";
import { TrafficLog } from "../traffic";
import { REDACTED, redactConnection, redactEntry, redactOAuthBody } from "./redact";

describe("OAuth credentials in recordings", () => {
  it("replaces tokens and secrets in JSON bodies, keeps other fields", () => {
    const body = JSON.stringify({
      access_token: "AT-1",
      token_type: "Bearer",
      refresh_token: 'RT\\"x',
      scope: "mcp",
      client_id: "c1",
      client_secret: "S-1",
    });
    const out = redactOAuthBody(body);
    expect(out).not.toMatch(/AT-1|RT|S-1/);
    expect(JSON.parse(out)).toEqual({
      access_token: REDACTED,
      token_type: "Bearer",
      refresh_token: REDACTED,
      scope: "mcp",
      client_id: "c1",
      client_secret: REDACTED,
    });
  });

  it("replaces code, verifier and secrets in form bodies; leaves other text alone", () => {
    expect(redactOAuthBody("grant_type=authorization_code&code=abc&code_verifier=v&redirect_uri=x")).toBe(
      `grant_type=authorization_code&code=${REDACTED}&code_verifier=${REDACTED}&redirect_uri=x`,
    );
    const rpc = '{"jsonrpc":"2.0","id":1,"error":{"code":-32600,"message":"code=1"}}';
    expect(redactOAuthBody(rpc)).toBe(rpc);
    expect(redactOAuthBody("plain text")).toBe("plain text");
  });

  it("redacts a captured token response frame in an exported recording", () => {
    const log = new TrafficLog({ schedule: (flush) => flush() });
    log.recordFrame("incoming", '{"access_token":"SECRET-AT","refresh_token":"SECRET-RT","token_type":"Bearer"}', {
      transport: "http",
      exchange: 1,
      stream: "response-body",
    } as never);
    const redacted = log.entries.map(redactEntry);
    expect(JSON.stringify(redacted)).not.toMatch(/SECRET-/);
  });

  it("a connection's OAuth client secret is redacted; its client id, metadata URL and scopes are kept", () => {
    const oauth = { clientId: "lens", clientSecret: "SECRET-CS", clientMetadataUrl: "", scope: "mcp" };
    const redacted = redactConnection({
      id: "a",
      name: "a",
      transport: "streamable-http",
      protocol: "auto",
      url: "http://127.0.0.1:1/mcp",
      headers: [],
      oauth,
    });
    expect(redacted).toMatchObject({ oauth: { ...oauth, clientSecret: REDACTED } });
  });
});
