/**
 * `mcp-lens check --json` carries the 2025-11-25 checks (lib/checks/legacy.ts) with their verdicts.
 * In Node the foreign-Host check runs (the page skips it): against server-everything over Streamable
 * HTTP it fails, as the official suite's localhost-host-rebinding-rejected does, and the run exits 1.
 */
import { once } from "node:events";
import { createServer, type AddressInfo } from "node:net";
import { resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { EVERYTHING, nodeSessionDeps, startProcess, waitFor, type Started } from "../testing";
import { runCli, type CliIo } from "./run";

let server: Started;
let url = "";
beforeAll(async () => {
  const listener = createServer().listen(0, "127.0.0.1");
  await once(listener, "listening");
  const port = (listener.address() as AddressInfo).port;
  listener.close();
  server = startProcess(
    process.execPath,
    ["--require", resolve("tests/support/loopbackListen.cjs"), EVERYTHING, "streamableHttp"],
    { PORT: String(port) },
  );
  await waitFor(() => /listening|running|started/i.test(server.output()), 15_000);
  url = `http://127.0.0.1:${port}/mcp`;
}, 20_000);
afterAll(async () => server.stop());

it("check --json against server-everything over Streamable HTTP: the 2025-11-25 rows, the foreign Host sent", async () => {
  let out = "";
  const io: CliIo = {
    out: (t) => void (out += `${t}\n`),
    err: () => undefined,
    readFile: () => {
      throw new Error("no files");
    },
    writeFile: () => undefined,
    deps: () => nodeSessionDeps({ direct: true }),
  };
  const code = await runCli(["check", "--timeout", "3", "--version", "2025-11-25", "--json", url], io);
  const report = JSON.parse(out) as { results: { id: string; verdict: string; observed: string }[] };
  const verdict = (id: string) => report.results.find((r) => r.id === id)?.verdict;
  expect(code).toBe(1);
  expect(
    Object.fromEntries(
      [
        "initialize-result",
        "session-id-visible-ascii",
        "initialized-accepted",
        "logging-set-level",
        "tools-list-structure",
        "tool-names",
        "resources-subscribe",
        "concurrent-requests",
        "localhost-host-accepted",
        "foreign-host",
        "delete-session",
        "wire-valid",
      ].map((id) => [id, verdict(id)]),
    ),
  ).toEqual({
    "initialize-result": "pass",
    "session-id-visible-ascii": "pass",
    "initialized-accepted": "pass",
    "logging-set-level": "pass",
    "tools-list-structure": "pass",
    "tool-names": "pass",
    "resources-subscribe": "pass",
    "concurrent-requests": "pass",
    "localhost-host-accepted": "pass",
    "foreign-host": "fail",
    "delete-session": "pass",
    // server-everything answers the session-required probe's request with an error that has no id at
    // all: allowed by MCP's schema since 2025-11-25 (the suite's wire-schema-valid agrees).
    "wire-valid": "pass",
  });
  expect(report.results.find((r) => r.id === "wire-valid")?.observed).toMatch(/^\d+ frames valid$/);
  expect(report.results.find((r) => r.id === "foreign-host")?.observed).toBe(
    "HTTP 200: the request for Host evil.example.com was served",
  );
});
