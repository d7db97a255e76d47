import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ConnectionConfig } from "@/lib/base";
import { InspectorSession } from "@/lib/session";
import { SessionView, TAB_BODIES } from "./SessionView";

const config: ConnectionConfig = {
  id: "t",
  name: "t",
  transport: "streamable-http",
  protocol: "auto",
  url: "http://127.0.0.1:9/mcp",
  headers: [],
};
const never = () =>
  new InspectorSession(config, {
    createTransport: () => {
      throw new Error("no transport in component tests");
    },
  });

describe("SessionView's tabs", () => {
  it("has a body for every tab in the tab list", () => {
    render(<SessionView session={never()} />);
    const ids = screen.getAllByRole("tab").map((t) => t.id.replace(/^tab-/, ""));
    // "Apps" is listed only for a server with MCP App views (tests/apps.spec.ts).
    expect(ids.sort()).toEqual(
      Object.keys(TAB_BODIES)
        .filter((id) => id !== "apps")
        .sort(),
    );
  });

  it("shows the chosen tab's body in the panel it controls", async () => {
    render(<SessionView session={never()} />);
    const panel = () => screen.getByRole("tabpanel");
    for (const name of ["Tools", "Resources", "Resource templates", "Prompts"]) {
      const tab = screen.getByRole("tab", { name });
      await userEvent.click(tab);
      expect(tab.getAttribute("aria-selected")).toBe("true");
      expect(panel().id).toBe(tab.getAttribute("aria-controls"));
      expect(panel().getAttribute("aria-labelledby")).toBe(tab.id);
      expect(within(panel()).getByText("Not loaded: connect first.")).toBeTruthy();
    }
  });

  it("shows each list tab's own view of the session's lists", async () => {
    const session = never();
    session.store.apply(
      (s) => ({
        ...s,
        lists: {
          ...s.lists,
          tools: { status: "ready", items: [{ name: "echo", inputSchema: { type: "object" } }] },
          prompts: { status: "unsupported", items: [] },
          resources: { status: "error", items: [], error: "boom" },
        },
      }),
      undefined,
    );
    render(<SessionView session={session} />);
    expect(screen.getByTestId("count-tools").textContent).toBe("1");
    await userEvent.click(screen.getByRole("tab", { name: /^Tools/ }));
    expect(within(screen.getByRole("tabpanel")).getByRole("option", { name: "echo" })).toBeTruthy();
    await userEvent.click(screen.getByRole("tab", { name: "Prompts" }));
    expect(
      within(screen.getByRole("tabpanel")).getByText("The server does not declare the prompts capability."),
    ).toBeTruthy();
    await userEvent.click(screen.getByRole("tab", { name: "Resources" }));
    expect(within(screen.getByRole("tabpanel")).getByRole("alert").textContent).toBe("Could not load resources: boom");
    expect(within(screen.getByRole("tabpanel")).getByText("None listed by the server.")).toBeTruthy();
  });

  it("opens every tab without failing", async () => {
    render(<SessionView session={never()} />);
    for (const tab of screen.getAllByRole("tab")) {
      await userEvent.click(tab);
      expect(screen.getByRole("tabpanel").id).toBe(tab.getAttribute("aria-controls"));
    }
  });
});
