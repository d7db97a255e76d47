import {
  type Stats,
  chmodSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";

/**
 * Where a running inspector leaves what `npm start -- --print-url` needs to mint a launch key:
 * its port, URL, pid and launch master key (never the session token). One file per port, in a
 * directory only the user can enter (0700; the file 0600), removed when the inspector stops.
 */
export const STATE_DIR_ENV = "MCP_LENS_STATE_DIR";

const StateSchema = z.object({
  v: z.literal(1),
  port: z.number().int(),
  url: z.string(),
  pid: z.number().int(),
  master: z.string().regex(/^[0-9a-f]{64}$/),
});
export type InspectorState = Omit<z.infer<typeof StateSchema>, "v">;

/** `$MCP_LENS_STATE_DIR`, else `$XDG_RUNTIME_DIR/mcp-lens`, else `~/.mcp-lens/run`. */
export function stateDir(env: Record<string, string | undefined> = process.env): string {
  if (env[STATE_DIR_ENV]) return env[STATE_DIR_ENV];
  if (env.XDG_RUNTIME_DIR) return join(env.XDG_RUNTIME_DIR, "mcp-lens");
  return join(homedir(), ".mcp-lens", "run");
}

export function stateFile(dir: string, port: number): string {
  return join(dir, `inspector-${port}.json`);
}

export function writeState(dir: string, state: InspectorState): string {
  ensurePrivateDir(dir);
  const file = stateFile(dir, state.port);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify({ v: 1, ...state }), { mode: 0o600, flag: "w" });
  chmodSync(temp, 0o600);
  renameSync(temp, file);
  return file;
}

export function removeState(dir: string, port: number): void {
  rmSync(stateFile(dir, port), { force: true });
}

export type ReadVerdict = { ok: true; state: InspectorState } | { ok: false; message: string };

/** Reads the state of the inspector on `port`; refuses a file another user could have written or read. */
export function readState(dir: string, port: number): ReadVerdict {
  const file = stateFile(dir, port);
  let stat: Stats;
  try {
    stat = lstatSync(file);
  } catch {
    return { ok: false, message: `no MCP Lens is running on port ${port} (no ${file})` };
  }
  const unsafe = privacyProblem(stat, file);
  if (unsafe) return { ok: false, message: unsafe };
  const parsed = StateSchema.safeParse(safeJson(readFileSync(file, "utf8")));
  if (!parsed.success || parsed.data.port !== port)
    return { ok: false, message: `${file} is not an MCP Lens state file` };
  const { v: _v, ...state } = parsed.data;
  if (!isAlive(state.pid))
    return {
      ok: false,
      message: `no MCP Lens is running on port ${port} (its state file is left from process ${state.pid}, which has ended)`,
    };
  return { ok: true, state };
}

/** Ports with a state file in `dir`. */
export function listStatePorts(dir: string): number[] {
  try {
    return readdirSync(dir)
      .map((name) => /^inspector-(\d+)\.json$/.exec(name)?.[1])
      .filter((p): p is string => p !== undefined)
      .map(Number);
  } catch {
    return [];
  }
}

function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = lstatSync(dir);
  if (!stat.isDirectory()) throw new Error(`${dir} is not a directory`);
  if (typeof process.getuid === "function" && stat.uid !== process.getuid())
    throw new Error(`${dir} belongs to another user; set ${STATE_DIR_ENV} to a directory of your own`);
  if ((stat.mode & 0o077) !== 0) chmodSync(dir, 0o700);
}

function privacyProblem(stat: Stats, file: string): string | undefined {
  if (!stat.isFile()) return `${file} is not a regular file`;
  if (typeof process.getuid === "function" && stat.uid !== process.getuid())
    return `${file} belongs to another user; refusing to use it`;
  if ((stat.mode & 0o077) !== 0) return `${file} can be read by other users; refusing to use it`;
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false; // gone, or (EPERM) another user's process: not our inspector either way
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
