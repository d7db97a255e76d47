import { Client } from "@modelcontextprotocol/client";
import { StdioClientTransport } from "@modelcontextprotocol/client/stdio";
for (const pin of [false, true]) {
  const client = new Client({ name: "t", version: "0" }, { capabilities: { sampling: {}, elicitation: { form: {} } }, ...(pin && { versionNegotiation: { mode: { pin: "2026-07-28" } } }) });
  client.setRequestHandler("sampling/createMessage", () => ({ model: "m", role: "assistant", content: { type: "text", text: "ok" } }));
  client.setRequestHandler("elicitation/create", () => ({ action: "decline" }));
  const t = new StdioClientTransport({ command: process.execPath, args: ["--import", "tsx", "servers/demo/stdio.ts"], stderr: "pipe" });
  const origSend = t.send.bind(t);
  t.send = async (m, o) => { console.log(">>", JSON.stringify(m).slice(0, 300)); return origSend(m, o); };
  await client.connect(t);
  const origOn = t.onmessage!;
  t.onmessage = (m, e) => { console.log("<<", JSON.stringify(m).slice(0, 300)); origOn(m, e); };
  console.log((await client.callTool({ name: "sample_llm", arguments: { prompt: "x" } })).content);
  console.log((await client.callTool({ name: "ask_user", arguments: {} })).content);
  await client.callTool({ name: "log_burst", arguments: {} });
  await client.close();
  console.log("-----");
}
