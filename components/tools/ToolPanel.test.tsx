import type { Client, Tool } from "@modelcontextprotocol/client";
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ConnectionConfig } from "@/lib/base";
import { InspectorSession } from "@/lib/session";
import { ToolPanel } from "./ToolPanel";

const config: ConnectionConfig = {
  id: "t",
  name: "t",
  transport: "streamable-http",
  protocol: "auto",
  url: "http://127.0.0.1:9/mcp",
  headers: [],
};

/** A session that never connects: a stand-in client, and tools/call recorded instead of sent. */
function session() {
  const s = new InspectorSession(config, {
    createTransport: () => {
      throw new Error("no transport in component tests");
    },
  });
  s.client = {} as Client;
  const call = vi.spyOn(s.tools, "call").mockResolvedValue({ kind: "result", result: { content: [] }, elapsedMs: 1 });
  return { s, call };
}

const objectWith = (required: string[]) => ({
  type: "object" as const,
  properties: { path: { type: "string" } },
  required,
});
const wipe: Tool = { name: "wipe", inputSchema: objectWith([]), annotations: { destructiveHint: true } };
const read: Tool = { name: "read", inputSchema: objectWith(["path"]) };

afterEach(() => vi.restoreAllMocks());

describe("ToolPanel's confirmation", () => {
  it("calls a harmless tool with valid arguments at once, with the timeout", async () => {
    const { s, call } = session();
    render(<ToolPanel session={s} tool={{ name: "ping", inputSchema: { type: "object" } }} />);
    await userEvent.click(screen.getByRole("button", { name: "Call ping" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(call).toHaveBeenCalledWith(s.client, "ping", {}, expect.objectContaining({ timeoutMs: 60_000 }));
  });

  it("asks before calling a destructive tool; Back cancels, Call it calls", async () => {
    const { s, call } = session();
    render(<ToolPanel session={s} tool={wipe} />);
    await userEvent.click(screen.getByRole("button", { name: "Call wipe" }));
    const confirm = screen.getByRole("alertdialog", { name: "Confirm call" });
    expect(confirm.textContent).toContain("wipe is marked destructive by the server. Call it?");
    await userEvent.click(screen.getByRole("button", { name: "Back" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(call).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Call wipe" }));
    await userEvent.click(screen.getByRole("button", { name: "Call it" }));
    expect(call).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("alertdialog")).toBeNull();
  });

  it('takes the focus in the Call bar; Escape backs out; "don\'t ask again" holds for this tool in this session', async () => {
    const { s, call } = session();
    const { unmount } = render(<ToolPanel session={s} tool={wipe} />);
    await userEvent.click(screen.getByRole("button", { name: "Call wipe" }));
    expect(screen.getByRole("button", { name: "Call it" })).toBe(document.activeElement);
    await userEvent.keyboard("{Escape}");
    expect(screen.queryByRole("alertdialog")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Call wipe" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "Don't ask again for this tool in this session" }));
    await userEvent.click(screen.getByRole("button", { name: "Call it" }));
    expect(call).toHaveBeenCalledTimes(1);
    unmount(); // another tab and back: the session remembers
    const again = render(<ToolPanel session={s} tool={wipe} />);
    await userEvent.click(screen.getByRole("button", { name: "Call wipe" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(call).toHaveBeenCalledTimes(2);
    // Another session asks again.
    const other = session();
    again.unmount();
    render(<ToolPanel session={other.s} tool={wipe} />);
    await userEvent.click(screen.getByRole("button", { name: "Call wipe" }));
    expect(screen.getByRole("alertdialog")).toBeTruthy();
  });

  it("asks before sending arguments that fail the inputSchema; Send anyway sends them", async () => {
    const { s, call } = session();
    render(<ToolPanel session={s} tool={read} />);
    await userEvent.click(screen.getByRole("button", { name: "Call read" }));
    expect(screen.getByRole("alertdialog").textContent).toContain(
      "The arguments do not match the tool's inputSchema (1 error). Send them anyway, to test the server?",
    );
    await userEvent.click(screen.getByRole("button", { name: "Send anyway" }));
    expect(call).toHaveBeenCalledWith(s.client, "read", {}, expect.anything());
  });

  it("asks about a destructive tool, then about its invalid arguments, before calling", async () => {
    const { s, call } = session();
    render(<ToolPanel session={s} tool={{ ...wipe, inputSchema: objectWith(["path"]) }} />);
    await userEvent.click(screen.getByRole("button", { name: "Call wipe" }));
    // The checks shown beside Call (run when the page is idle, shown once Call was pressed) are what the confirmation reads.
    await waitFor(() => expect(screen.getByText("1 validation error")).toBeTruthy());
    expect(screen.getByRole("alertdialog").textContent).toContain("marked destructive");
    await userEvent.click(screen.getByRole("button", { name: "Call it" }));
    expect(call).not.toHaveBeenCalled();
    expect(screen.getByRole("alertdialog").textContent).toContain(
      "The arguments do not match the tool's inputSchema. Send them anyway?",
    );
    await userEvent.click(screen.getByRole("button", { name: "Send anyway" }));
    expect(call).toHaveBeenCalledTimes(1);
  });

  it("sends nothing without a client", async () => {
    const { s, call } = session();
    s.client = undefined;
    render(<ToolPanel session={s} tool={wipe} />);
    expect((screen.getByRole("button", { name: "Call wipe" }) as HTMLButtonElement).disabled).toBe(true);
    expect(call).not.toHaveBeenCalled();
  });
});
