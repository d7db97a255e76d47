/**
 * Writes the worked-example recordings in docs/recordings/ (real sessions, recorded through the
 * same capture points as the app): `node --import tsx scripts/record-examples.ts`.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { exportRecording, serializeRecording } from "../lib/inspect";
import type { ConnectionConfig } from "../lib/base";
import { InspectorSession } from "../lib/session";
import { nodeSessionDeps } from "../lib/testing";
import { root } from "./build";

const stdio = (name: string, protocol: ConnectionConfig["protocol"], args: string[]): ConnectionConfig => ({
  id: name,
  name,
  transport: "stdio",
  protocol,
  command: "node",
  args,
  env: [],
  cwd: "",
});

async function record(
  file: string,
  config: ConnectionConfig,
  act: (s: InspectorSession) => Promise<void>,
): Promise<void> {
  const session = new InspectorSession(config, nodeSessionDeps());
  await session.connect();
  if (session.state.status !== "connected") throw new Error(`${file}: ${session.state.failure?.title}`);
  await act(session);
  await session.disconnect();
  writeFileSync(join(root, "docs/recordings", file), serializeRecording(exportRecording(session.state, session.log)));
  console.log(`wrote docs/recordings/${file} (${session.log.entries.length} entries)`);
}

await record(
  "legacy-handshake-and-tool-call.json",
  stdio("server-everything (legacy)", "auto", [
    "node_modules/@modelcontextprotocol/server-everything/dist/index.js",
    "stdio",
  ]),
  async (s) => {
    await s.tools.call(s.client!, "echo", { message: "hello from the walkthrough" });
  },
);
await record(
  "modern-discover-and-progress.json",
  stdio("demo (2026-07-28)", "2026-07-28", ["--import", "tsx", "servers/demo/stdio.ts"]),
  async (s) => {
    await s.tools.call(s.client!, "long_task", { steps: 3, intervalMs: 100 });
  },
);
await record(
  "errors-and-cancellation.json",
  stdio("corpus (errors)", "2025-11-25", ["--import", "tsx", "servers/fixtures/corpus-server.ts"]),
  async (s) => {
    await s.tools.call(s.client!, "protocol_error", {});
    await s.tools.call(s.client!, "tool_error", {});
    const call = s.tools.call(s.client!, "slow_progress", { steps: 20, intervalMs: 100 });
    setTimeout(() => s.tools.cancel(s.tools.store.get().byTool.slow_progress!.at(-1)!.id), 350);
    await call;
  },
);
process.exit(0);
