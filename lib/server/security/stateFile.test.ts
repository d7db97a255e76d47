import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { newMasterKey } from "./launch";
import { listStatePorts, readState, removeState, stateDir, stateFile, writeState } from "./stateFile";

const made: string[] = [];
const fresh = () => {
  made.push(mkdtempSync(join(tmpdir(), "mcp-lens-state-")));
  return join(made.at(-1)!, "run");
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
const state = (port: number) => ({ port, url: `http://127.0.0.1:${port}`, pid: process.pid, master: newMasterKey() });

describe("the inspector's state file (issue 19, item 1)", () => {
  it("is written user-only (dir 0700, file 0600), read back, listed and removed", () => {
    const dir = fresh();
    const s = state(6500);
    const file = writeState(dir, s);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readState(dir, 6500)).toEqual({ ok: true, state: s });
    expect(readFileSync(file, "utf8")).not.toMatch(/token/i);
    expect(listStatePorts(dir)).toEqual([6500]);
    removeState(dir, 6500);
    expect(readState(dir, 6500)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/no MCP Lens is running on port 6500/),
    });
  });

  it("tightens a directory others can enter, and refuses a file others can read", () => {
    const dir = fresh();
    writeState(dir, state(6501));
    chmodSync(dir, 0o755);
    writeState(dir, state(6501));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    chmodSync(stateFile(dir, 6501), 0o644);
    expect(readState(dir, 6501)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/can be read by other users/),
    });
  });

  it("refuses a state file left by an inspector that has ended, and one that is not ours", () => {
    const dir = fresh();
    writeState(dir, { ...state(6502), pid: 2 ** 22 + 12345 });
    expect(readState(dir, 6502)).toMatchObject({ ok: false, message: expect.stringMatching(/has ended/) });
    writeFileSync(stateFile(dir, 6503), "{}", { mode: 0o600 });
    expect(readState(dir, 6503)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/not an MCP Lens state file/),
    });
  });

  it("lives in MCP_LENS_STATE_DIR, else the runtime dir, else ~/.mcp-lens/run", () => {
    expect(stateDir({ MCP_LENS_STATE_DIR: "/x", XDG_RUNTIME_DIR: "/run/user/1" })).toBe("/x");
    expect(stateDir({ XDG_RUNTIME_DIR: "/run/user/1" })).toBe("/run/user/1/mcp-lens");
    expect(stateDir({})).toBe(join(homedir(), ".mcp-lens", "run"));
  });
});
