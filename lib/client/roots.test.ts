import { describe, expect, it } from "vitest";
import { checkRoot, rootUriFromInput, RootsList } from "./roots";

describe("roots", () => {
  it("checks URIs: absolute, no duplicates, file:// or a warning", () => {
    expect(checkRoot({ uri: "file:///a" })).toEqual({});
    expect(checkRoot({ uri: "relative/path" }).error).toMatch(/absolute URI/);
    expect(checkRoot({ uri: "file:///a" }, [{ uri: "file:///a" }]).error).toMatch(/already/);
    expect(checkRoot({ uri: "https://example.com/repo" })).toEqual({ warning: expect.stringContaining("file://") });
  });

  it("turns local paths into file:// URIs", () => {
    expect(rootUriFromInput(" /home/me/my project ")).toBe("file:///home/me/my%20project");
    expect(rootUriFromInput("C:\\work\\repo")).toBe("file:///C:/work/repo");
    expect(rootUriFromInput("https://x.test/")).toBe("https://x.test/");
    expect(rootUriFromInput("rel")).toBe("rel");
  });

  it("edits the list and reports each change, not refused ones", () => {
    const list = new RootsList([{ uri: "file:///a", name: "  " }]);
    let changes = 0;
    list.onChange(() => changes++);
    expect(list.roots).toEqual([{ uri: "file:///a" }]);
    expect(list.add({ uri: " file:///b ", name: " B " })).toEqual({});
    expect(list.add({ uri: "file:///b" }).error).toBeDefined();
    expect(list.update(0, { uri: "file:///b" }).error).toBeDefined();
    expect(list.update(0, { uri: "file:///c", name: "C" })).toEqual({});
    expect(list.update(5, { uri: "file:///d" }).error).toBeDefined();
    list.remove(1);
    expect(list.roots).toEqual([{ uri: "file:///c", name: "C" }]);
    expect(list.set([{ uri: "file:///x" }, { uri: "file:///x" }]).error).toMatch(/already/);
    expect(list.set([{ uri: "file:///x" }, { uri: "file:///y" }])).toEqual({});
    expect(changes).toBe(4);
    list.listed(5);
    list.listed(9);
    list.notice({ at: 9, sent: true, detail: "sent" });
    expect(list.get()).toMatchObject({ listed: { at: 9, count: 2 }, lastNotice: { sent: true } });
    expect(changes).toBe(4);
  });
});
