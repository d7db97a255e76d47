/**
 * The demo's client-side tools (open_link, plan_trip, list_roots, probe_client) with a plain SDK
 * client, over stdio and Streamable HTTP, in the 2025 era and pinned to 2026-07-28.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { Client, StreamableHTTPClientTransport, type Transport } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const STDIO_ENTRY = fileURLToPath(new URL("./stdio.ts", import.meta.url));
const HTTP_ENTRY = fileURLToPath(new URL("./http.ts", import.meta.url));

type Mode = "legacy" | "pin";

interface Recorded {
  client: Client;
  asked: string[];
  completed: string[];
}

function makeClient(mode: Mode): Recorded {
  const asked: string[] = [];
  const completed: string[] = [];
  const client = new Client(
    { name: "demo-client-tools-test", version: "0.0.0" },
    {
      capabilities: { sampling: {}, elicitation: { form: {}, url: {} }, roots: { listChanged: true } },
      ...(mode === "pin" && { versionNegotiation: { mode: { pin: "2026-07-28" } } }),
    },
  );
  client.setRequestHandler("elicitation/create", (request) => {
    const p = request.params;
    asked.push(p.mode === "url" ? `url:${p.url}` : `form:${p.message}`);
    return p.mode === "url" ? { action: "accept" } : { action: "accept", content: { city: "Oslo", nights: 4 } };
  });
  client.setRequestHandler("sampling/createMessage", (request) => {
    const last = request.params.messages.at(-1);
    asked.push(
      `sampling:${last && !Array.isArray(last.content) && last.content.type === "text" ? last.content.text : "?"}`,
    );
    return { model: "t", role: "assistant", content: { type: "text", text: "fjords" } };
  });
  client.setRequestHandler("roots/list", () => ({ roots: [{ uri: "file:///data", name: "Data" }] }));
  client.setNotificationHandler(
    "notifications/elicitation/complete",
    (n) => void completed.push(n.params.elicitationId),
  );
  return { client, asked, completed };
}

const textOf = (result: { content?: unknown }): string =>
  ((result.content ?? []) as { text?: string }[]).map((b) => b.text ?? "").join("\n");

async function exercise(r: Recorded, mode: Mode): Promise<void> {
  const { client, asked, completed } = r;
  const link = await client.callTool({
    name: "open_link",
    arguments: { url: "https://example.com/go", completeAfterMs: 10 },
  });
  expect(asked).toContain("url:https://example.com/go");
  if (mode === "legacy") {
    expect(textOf(link)).toMatch(/sent notifications\/elicitation\/complete for [0-9a-f-]{36}/);
    await expect.poll(() => completed).toHaveLength(1);
    expect(textOf(link)).toContain(completed[0]!);
  } else {
    expect(textOf(link)).toBe("User accepted opening https://example.com/go.");
    expect(completed).toEqual([]);
  }

  const trip = await client.callTool({ name: "plan_trip", arguments: {} });
  expect(textOf(trip)).toBe("4 nights in Oslo: fjords");
  expect(asked).toContain("form:Where to?");
  expect(asked).toContain("sampling:Suggest a plan for 4 nights in Oslo.");

  const roots = await client.callTool({ name: "list_roots", arguments: {} });
  expect(textOf(roots)).toBe("1 root(s):\nfile:///data (Data)\nlist_changed received: 0");
  if (mode === "legacy") {
    await client.sendRootsListChanged();
    await expect
      .poll(async () => textOf(await client.callTool({ name: "list_roots", arguments: {} })))
      .toMatch(/list_changed received: 1$/);
    const probe = await client.callTool({ name: "probe_client", arguments: { request: "sampling" } });
    expect(textOf(probe)).toContain('"model":"t"');
  } else {
    const probe = await client.callTool({ name: "probe_client", arguments: { request: "ping" } });
    expect(probe.isError).toBe(true);
  }
}

async function connected(r: Recorded, transport: Transport): Promise<Recorded> {
  await r.client.connect(transport);
  return r;
}

describe("demo client-side tools over stdio", () => {
  for (const mode of ["legacy", "pin"] as const) {
    it(`work in the ${mode} mode`, async () => {
      const transport = new StdioClientTransport({
        command: process.execPath,
        args: ["--import", "tsx", STDIO_ENTRY],
        cwd: ROOT,
        stderr: "pipe",
      });
      const r = await connected(makeClient(mode), transport);
      try {
        await exercise(r, mode);
      } finally {
        await r.client.close();
      }
    });
  }

  it("reports a client that does not answer (probe_client without the capability)", async () => {
    const client = new Client({ name: "bare", version: "0.0.0" });
    await client.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: ["--import", "tsx", STDIO_ENTRY],
        cwd: ROOT,
        stderr: "pipe",
      }),
    );
    try {
      const probe = await client.callTool({ name: "probe_client", arguments: { request: "roots" } });
      expect(probe.isError).toBe(true);
      expect(textOf(probe)).toMatch(/^not answered: error -32601/);
    } finally {
      await client.close();
    }
  });
});

describe("demo client-side tools over Streamable HTTP", () => {
  let child: ChildProcess;
  let url: URL;

  beforeAll(async () => {
    child = spawn(process.execPath, ["--import", "tsx", HTTP_ENTRY], {
      cwd: ROOT,
      env: { ...process.env, PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    for await (const line of createInterface({ input: child.stdout! })) {
      const match = /^MCP_LENS_DEMO_URL=(.+)$/.exec(line);
      if (match?.[1]) {
        url = new URL(match[1]);
        break;
      }
    }
  });

  afterAll(async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = once(child, "exit");
    process.kill(child.pid, "SIGTERM");
    await exited;
  });

  for (const mode of ["legacy", "pin"] as const) {
    it(`work in the ${mode} mode`, async () => {
      const r = await connected(makeClient(mode), new StreamableHTTPClientTransport(url));
      try {
        await exercise(r, mode);
      } finally {
        await r.client.close();
      }
    });
  }
});
