/** The `mcp-lens` command (Node): `node --import tsx lib/cli/main.ts <command> …`, or the bin. */
import { readFileSync, writeFileSync } from "node:fs";
import { nodeSessionDeps } from "./nodeDeps";
import { runCli } from "./run";

const exit = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readFile: (path) => readFileSync(path, "utf8"),
  writeFile: (path, text) => writeFileSync(path, text),
  deps: () => nodeSessionDeps({ direct: true }),
  env: () => process.env,
});
process.exitCode = exit;
