/** The URL judge's precedence, on observations written by hand (the probes are tested in lib/server/bridge/doctorHttp.test.ts). */
import { describe, expect, it } from "vitest";
import { AUTH_FIX, diagnoseHttp, type HttpExchange, type HttpObservations } from "./http";

const url = "http://127.0.0.1:3000/mcp";
const reached = (x: Partial<HttpObservations>): HttpObservations => ({
  url,
  transport: "streamable-http",
  parse: { ok: true },
  dns: { addresses: ["127.0.0.1"], literal: true },
  tcp: { ok: true, address: "127.0.0.1:3000", ms: 1 },
  ...x,
});
const answer = (status: number, extra: Partial<HttpExchange> = {}): HttpExchange => ({
  request: "POST",
  status,
  contentType: "application/json",
  ...extra,
});

describe("diagnoseHttp", () => {
  it("a 401 on every request is an authorization challenge, not a wrong transport", () => {
    const challenge = { wwwAuthenticate: 'Bearer realm="x"' };
    const r = diagnoseHttp(
      reached({ post2025: answer(401, challenge), post2026: answer(401, challenge), sseGet: answer(401, challenge) }),
    );
    expect(r.failing).toBe("auth");
    expect(r.verdict).toBe(AUTH_FIX);
    expect(r.steps.filter((s) => s.status === "fail").map((s) => s.id)).toEqual(["auth"]);
  });

  it("a server of the 2026 era only: the 2025 initialize refused, server/discover answered, the connection works", () => {
    const r = diagnoseHttp(
      reached({
        post2025: answer(400, { message: { jsonrpc: "2.0", id: 1, error: { code: -32022, message: "unsupported" } } }),
        post2026: answer(200, {
          message: { jsonrpc: "2.0", id: 2, result: { serverInfo: { name: "modern", version: "2" } } },
        }),
        sseGet: answer(405),
      }),
    );
    expect(r.failing).toBeUndefined();
    expect(r.steps.find((s) => s.id === "streamable-2026")!.evidence.join()).toMatch(/server: modern 2/);
  });
});
