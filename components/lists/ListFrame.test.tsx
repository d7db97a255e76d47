import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ListState } from "@/lib/base";
import { ListFrame } from "./ListFrame";

const list = (over: Partial<ListState<unknown>>): ListState<unknown> => ({ status: "ready", items: [], ...over });

function frame(props: Partial<Parameters<typeof ListFrame>[0]> = {}) {
  return render(
    <ListFrame kind="prompts" list={list({})} side={<p>the list</p>} {...props}>
      <p>the detail</p>
    </ListFrame>,
  );
}

describe("ListFrame", () => {
  it("asks to connect before the list is loaded, and shows neither list nor detail", () => {
    frame({ list: list({ status: "idle" }) });
    expect(screen.getByText("Not loaded: connect first.")).toBeTruthy();
    expect(screen.queryByText("the list")).toBeNull();
    expect(screen.queryByText("the detail")).toBeNull();
  });

  it("names the capability the server does not declare (templates belong to resources)", () => {
    const { unmount } = frame({ kind: "tools", list: list({ status: "unsupported" }) });
    expect(screen.getByText("The server does not declare the tools capability.")).toBeTruthy();
    unmount();
    frame({ kind: "resourceTemplates", list: list({ status: "unsupported" }) });
    expect(screen.getByText("The server does not declare the resources capability.")).toBeTruthy();
    expect(screen.queryByText("the list")).toBeNull();
  });

  it("shows the list and the detail when ready, with a Refresh button named for the list", async () => {
    const onRefresh = vi.fn();
    frame({ kind: "resourceTemplates", onRefresh });
    expect(screen.getByText("the list")).toBeTruthy();
    expect(screen.getByText("the detail")).toBeTruthy();
    expect(screen.queryByText("loading…")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Refresh templates" }));
    expect(onRefresh).toHaveBeenCalledTimes(1);
  });

  it("has no bar above the list without onRefresh (the tools tab)", () => {
    frame({ kind: "tools", list: list({ status: "loading" }) });
    expect(screen.queryByRole("button")).toBeNull();
    expect(screen.queryByText("loading…")).toBeNull();
    expect(screen.getByText("the list")).toBeTruthy();
  });

  it("says when the list is loading or was refreshed after list_changed", () => {
    const { rerender } = frame({ kind: "resources", onRefresh: () => {}, list: list({ status: "loading" }) });
    expect(screen.getByText("loading…")).toBeTruthy();
    rerender(
      <ListFrame kind="resources" onRefresh={() => {}} list={list({ reason: "list_changed" })} side={null}>
        {null}
      </ListFrame>,
    );
    expect(screen.queryByText("loading…")).toBeNull();
    expect(screen.getByText("refreshed after list_changed")).toBeTruthy();
  });

  it("shows a load error beside the list, and the entries set aside", () => {
    const invalid = [
      {
        index: 2,
        label: "bad-prompt",
        raw: "{}",
        violations: [{ path: "/name", message: "required", expected: "string", source: "schema" as const }],
      },
    ];
    frame({ list: list({ status: "error", error: "boom (-32603)", items: [{ name: "ok" }], invalid }) });
    expect(screen.getByRole("alert").textContent).toBe("Could not load prompts: boom (-32603)");
    const aside = screen.getByRole("region", { name: "Entries set aside" });
    expect(aside.textContent).toContain("1 prompt set aside");
    expect(aside.textContent).toContain("The 1 usable prompt is listed.");
    expect(screen.getByText("the list")).toBeTruthy();
    expect(screen.getByText("the detail")).toBeTruthy();
  });
});
