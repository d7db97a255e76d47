/** The page's side of the doctor: what it asks, and that it never asks for a command not yet confirmed (docs/security.md, rule 6). */
import { describe, expect, it, vi } from "vitest";
import type { ConnectionConfig } from "../base";
import { doctorRequestOf, runDoctor } from "./request";

const stdio: ConnectionConfig = {
  id: "s",
  name: "s",
  transport: "stdio",
  protocol: "auto",
  command: "node",
  args: ["server.js"],
  env: [{ name: "API_KEY", value: "k", secret: true }],
  cwd: "",
};

describe("runDoctor", () => {
  it("refuses an unconfirmed stdio command without asking the inspector", async () => {
    const fetch = vi.fn();
    await expect(runDoctor({ ...stdio, unconfirmed: true }, { token: "t", fetch })).rejects.toThrow(
      /Confirm the command first/,
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it("sends the launch as the bridge would run it, with the token", async () => {
    const fetch = vi.fn(async () => Response.json({ target: "node server.js", steps: [], verdict: "ok" }));
    const report = await runDoctor(stdio, { token: "t", fetch });
    expect(report.verdict).toBe("ok");
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/api/doctor");
    expect((init.headers as Record<string, string>)["x-mcp-lens-token"]).toBe("t");
    expect(JSON.parse(init.body as string)).toEqual(doctorRequestOf(stdio));
    expect(doctorRequestOf(stdio)).toEqual({
      kind: "stdio",
      launch: { command: "node", args: ["server.js"], env: { API_KEY: "k" } },
    });
  });

  it("reports the route's refusal in its words", async () => {
    const fetch = vi.fn(async () => Response.json({ error: "too many diagnoses at once" }, { status: 429 }));
    await expect(runDoctor(stdio, { token: "t", fetch })).rejects.toThrow("too many diagnoses at once");
  });
});
