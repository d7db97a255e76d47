import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import type { ConnectionConfig } from "@/lib/base";
import { InspectorSession } from "@/lib/session";
import { SessionView } from "../session/SessionView";
import { usePaletteAction } from "./hub";
import { PaletteButton, PaletteProvider } from "./PaletteProvider";

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

/** An action offered only while its switch is on. */
function Offer() {
  const [on, setOn] = useState(false);
  const [ran, setRan] = useState(0);
  usePaletteAction("recording.save", () => setRan((n) => n + 1), on);
  return (
    <>
      <button type="button" onClick={() => setOn(!on)}>
        switch
      </button>
      <output aria-label="ran">{ran}</output>
    </>
  );
}

const active = () => {
  const box = screen.getByRole("combobox");
  return document.getElementById(box.getAttribute("aria-activedescendant") ?? "")!;
};

describe("the command palette", () => {
  it("Ctrl+K opens it over the session's tabs; typing filters, Enter switches tab and closes it", async () => {
    const user = userEvent.setup();
    render(
      <PaletteProvider>
        <SessionView session={never()} />
      </PaletteProvider>,
    );
    await user.keyboard("{Control>}k{/Control}");
    const dialog = screen.getByRole("dialog", { name: "Command palette" });
    expect(document.activeElement).toBe(screen.getByRole("combobox"));
    expect(within(dialog).getAllByRole("option").length).toBeGreaterThan(10);
    await user.keyboard("timi");
    expect(active().textContent).toContain("Timing");
    expect(active().getAttribute("aria-selected")).toBe("true");
    expect(active().querySelector("mark")?.textContent).toBe("Timi");
    await user.keyboard("{Enter}");
    expect(screen.queryByRole("dialog", { name: "Command palette" })).toBeNull();
    expect(screen.getByRole("tab", { name: "Timing" }).getAttribute("aria-selected")).toBe("true");
  });

  it("arrows, Home and End move the active option; the list says when nothing matches", async () => {
    const user = userEvent.setup();
    render(
      <PaletteProvider>
        <SessionView session={never()} />
      </PaletteProvider>,
    );
    await user.keyboard("{Control>}k{/Control}");
    const options = within(screen.getByRole("listbox", { name: "Results" })).getAllByRole("option");
    expect(active()).toBe(options[0]);
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(active()).toBe(options[2]);
    await user.keyboard("{End}");
    expect(active()).toBe(options.at(-1));
    await user.keyboard("{ArrowDown}");
    expect(active()).toBe(options.at(-1));
    await user.keyboard("{Home}{ArrowUp}");
    expect(active()).toBe(options[0]);
    await user.keyboard("qqqqqq");
    expect(screen.getByText(/Nothing matches/)).toBeTruthy();
    expect(screen.getByRole("combobox").hasAttribute("aria-activedescendant")).toBe(false);
  });

  it("offers an action only while a part of the page registers it, and runs it", async () => {
    const user = userEvent.setup();
    render(
      <PaletteProvider>
        <PaletteButton />
        <Offer />
      </PaletteProvider>,
    );
    await user.click(screen.getByRole("button", { name: "Commands" }));
    expect(screen.queryByRole("option", { name: /Export recording/ })).toBeNull();
    await user.keyboard("{Escape}");
    await user.click(screen.getByRole("button", { name: "switch" }));
    await user.keyboard("{Control>}k{/Control}");
    expect(screen.getByRole("option", { name: /Export recording/ })).toBeTruthy();
    await user.keyboard("export rec{Enter}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getByLabelText("ran").textContent).toBe("1");
  });

  it('"?" opens the shortcut help outside a text field only', async () => {
    const user = userEvent.setup();
    render(
      <PaletteProvider>
        <input aria-label="text" />
        <PaletteButton />
      </PaletteProvider>,
    );
    await user.click(screen.getByLabelText("text"));
    await user.keyboard("?");
    expect(screen.queryByRole("dialog", { name: "Keyboard shortcuts" })).toBeNull();
    expect((screen.getByLabelText("text") as HTMLInputElement).value).toBe("?");
    screen.getByRole("button", { name: "Commands" }).focus();
    await user.keyboard("?");
    const help = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
    expect(within(help).getByText("Open the command palette")).toBeTruthy();
    expect(within(help).getAllByText("Ctrl+K").length).toBeGreaterThan(0);
  });
});
