/**
 * The doctor route's security (docs/security.md): behind the gate's token like every /api route,
 * the relay's address rules for URLs (§S12: link-local and metadata refused after DNS; team mode's
 * private ranges), the bridge's launch checks for stdio (§S19: the team allowlist).
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkRequest } from "../security/gate";
import { resolveCommand } from "../security/team";
import type { DoctorReport } from "../../doctor";
import { doctorWith } from "./doctor";
import type { Lookup } from "./relay";
import { handleApiRequest } from "./router";

afterEach(() => vi.unstubAllEnvs());

const post = (body: unknown) =>
  new Request("http://127.0.0.1/api/doctor", { method: "POST", body: JSON.stringify(body) });
async function report(res: Response): Promise<DoctorReport> {
  expect(res.status).toBe(200);
  return (await res.json()) as DoctorReport;
}
const url = (u: string) => ({ kind: "url", url: u, transport: "streamable-http", headers: {} });

describe("the doctor route", () => {
  it("is behind the token, like every /api route", () => {
    const gate = { token: "t".repeat(64), port: 6274 };
    const headers = { host: "127.0.0.1:6274" };
    expect(checkRequest(gate, { method: "POST", url: "/api/doctor", headers })).toMatchObject({
      ok: false,
      status: 401,
    });
    expect(
      checkRequest(gate, {
        method: "POST",
        url: "/api/doctor",
        headers: { ...headers, "x-mcp-lens-token": gate.token },
      }),
    ).toMatchObject({ ok: true, path: "/api/doctor" });
  });

  it("is routed in-process, POST only, and refuses a malformed request", async () => {
    const get = await handleApiRequest(new Request("http://127.0.0.1/api/doctor"));
    expect(get.status).toBe(405);
    expect((await handleApiRequest(post({ kind: "ftp" }))).status).toBe(400);
    const r = await report(await handleApiRequest(post(url("http://169.254.169.254/"))));
    expect(r.failing).toBe("dns");
  });

  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://[fe80::1]/mcp",
    "http://[::ffff:169.254.169.254]/mcp",
    "http://[fd00:ec2::254]/",
  ])("refuses a link-local or metadata address as the relay does: %s", async (u) => {
    const r = await report(await doctorWith(post(url(u))));
    expect(r.failing).toBe("dns");
    expect(r.steps.find((s) => s.id === "dns")!.evidence[0]).toMatch(/refused/);
    expect(r.steps.find((s) => s.id === "tcp")!.status).toBe("skip");
  });

  it("refuses a host name that resolves to a metadata address, before connecting", async () => {
    const lookup: Lookup = (_host, _options, cb) => cb(null, [{ address: "169.254.169.254", family: 4 }]);
    const r = await report(await doctorWith(post(url("http://metadata.example/")), { lookup }));
    expect(r.failing).toBe("dns");
    expect(r.steps[1]!.evidence[0]).toMatch(/resolves to 169\.254\.169\.254: refused/);
    expect(r.verdict).toMatch(/never relayed/);
  });

  it("in team mode, refuses loopback unless allow-listed", async () => {
    vi.stubEnv("MCP_LENS_TEAM", "1");
    vi.stubEnv("MCP_LENS_STDIO_ALLOWLIST", "");
    const r = await report(await doctorWith(post(url("http://127.0.0.1:9/mcp"))));
    expect(r.failing).toBe("dns");
  });

  it("in team mode, runs only an allow-listed command (the bridge's launch checks)", async () => {
    vi.stubEnv("MCP_LENS_TEAM", "1");
    vi.stubEnv("MCP_LENS_STDIO_ALLOWLIST", process.execPath);
    const marker = join(mkdtempSync(join(tmpdir(), "doctor-team-")), "spawned");
    const touch = resolveCommand("touch")!;
    const r = await report(await doctorWith(post({ kind: "stdio", launch: { command: touch, args: [marker] } })));
    expect(r.failing).toBe("launch");
    expect(r.steps[0]!.evidence[0]).toMatch(/not in the stdio allowlist/);
    await new Promise((done) => setTimeout(done, 200));
    expect(existsSync(marker)).toBe(false);
  });
});
