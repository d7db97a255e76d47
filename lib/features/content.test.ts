import { describe, expect, it } from "vitest";
import { filterLog, logBatchReceived, logReceived, emptyLog, MAX_LOG_ENTRIES, ServerLog, toLogEntry } from "./logging";
import { promptConversation } from "./promptConversation";
import {
  classifyReadResult,
  classifyResourceItem,
  decodeBlobText,
  languageFor,
  previewFor,
  resourceDownload,
} from "./resourceContent";
import { contextArguments } from "./completions";

describe("resource content", () => {
  it.each([
    ["application/json", "json"],
    ["application/vnd.api+json; charset=utf-8", "json"],
    ["text/markdown", "markdown"],
    ["text/html", "html"],
    ["image/svg+xml", "xml"],
    ["application/atom+xml", "xml"],
    ["text/javascript", "javascript"],
    ["application/typescript", "typescript"],
    ["text/css", "css"],
    ["application/yaml", "yaml"],
    ["text/plain", "plain"],
  ])("%s is highlighted as %s", (mime, language) => {
    expect(languageFor(mime)).toBe(language);
  });

  it("falls back to the URI's extension, then to plain", () => {
    expect(languageFor(undefined, "file:///a/b/config.yml?x=1")).toBe("yaml");
    expect(languageFor(undefined, "demo://x")).toBe("plain");
  });

  it.each([
    ["image/png", "image"],
    ["image/svg+xml", "svg"],
    ["audio/wav", "audio"],
    ["video/mp4", "video"],
    ["application/pdf", "download"],
    ["text/plain", "text"],
    ["application/json", "text"],
    ["text/html", "text"],
    ["application/xhtml+xml", "text"],
    ["application/octet-stream", "download"],
    ["image/<script>", "download"],
    ["audio/x-made-up", "download"],
    ["video/x-made-up", "download"],
    ["image/x-made-up", "download"],
  ])("a %s blob previews as %s", (mime, preview) => {
    expect(previewFor(mime)).toBe(preview);
  });

  it("marks HTML text for the sandboxed iframe only", () => {
    expect(classifyResourceItem({ uri: "ui://page", mimeType: "text/html", text: "<script>x</script>" })).toMatchObject(
      { kind: "text", render: "sandboxed-html" },
    );
  });

  it("always gives a mime type and a size, guessing the type when none is declared", () => {
    expect(classifyResourceItem({ uri: "file:///x/notes.md", text: "héllo" })).toMatchObject({
      mimeType: "text/markdown",
      mimeGuessed: true,
      size: 6,
      language: "markdown",
    });
    expect(classifyResourceItem({ uri: "x://blob", blob: "AAECAw==" })).toMatchObject({
      kind: "blob",
      mimeType: "application/octet-stream",
      size: 4,
      preview: "download",
    });
  });

  it("keeps malformed entries as invalid instead of dropping them", () => {
    expect(classifyResourceItem({ uri: "x://a" })).toMatchObject({
      kind: "invalid",
      reason: expect.stringContaining("neither"),
    });
    expect(classifyResourceItem(7)).toMatchObject({ kind: "invalid" });
    expect(classifyReadResult({ nope: true })).toEqual([
      expect.objectContaining({ kind: "invalid", reason: "result has no `contents` array" }),
    ]);
  });

  it("makes downloads: decoded bytes, a file name with an extension, HTML never served as a page", async () => {
    const png = resourceDownload(
      classifyResourceItem({
        uri: "demo://images/lens",
        mimeType: "image/png",
        blob: Buffer.from([1, 2, 3]).toString("base64"),
      }),
    );
    if ("error" in png) throw new Error(png.error);
    expect(png).toMatchObject({ fileName: "lens.png", mimeType: "image/png", size: 3 });
    expect([...new Uint8Array(await png.blob.arrayBuffer())]).toEqual([1, 2, 3]);
    const html = resourceDownload(
      classifyResourceItem({ uri: "ui://app/index.html", mimeType: "text/html", text: "<b>x</b>" }),
    );
    expect(html).toMatchObject({ fileName: "index.html", mimeType: "application/octet-stream" });
    expect(resourceDownload(classifyResourceItem({ uri: "x://b", blob: "***" }))).toEqual({
      error: "the blob is not valid base64",
    });
    // Issue 19 item 2: no Blob a browser could render as a document keeps the server's type.
    for (const mimeType of [
      "image/svg+xml",
      "application/xhtml+xml",
      "text/html",
      "application/xml",
      "application/pdf",
      "audio/x-made-up",
    ]) {
      const d = resourceDownload(
        classifyResourceItem({
          uri: "x://h/..%2F..%2Fevil\u202Egnp.svg",
          mimeType,
          blob: Buffer.from("<svg onload=alert(1)>").toString("base64"),
        }),
      );
      expect(d, mimeType).toMatchObject({ mimeType: "application/octet-stream", fileName: "_.._evil_gnp.svg" });
    }
    expect(decodeBlobText(Buffer.from("héllo").toString("base64"))).toBe("héllo");
  });
});

describe("prompt conversation", () => {
  it("keeps roles and classifies every content type, embedded resources included", () => {
    const c = promptConversation({
      description: "d",
      messages: [
        { role: "user", content: { type: "text", text: "hi" } },
        { role: "assistant", content: { type: "image", data: "AA==", mimeType: "image/png" } },
        { role: "user", content: { type: "audio", data: "AA==", mimeType: "audio/wav" } },
        {
          role: "assistant",
          content: { type: "resource", resource: { uri: "x://a.json", mimeType: "application/json", text: "{}" } },
        },
        { role: "user", content: { type: "resource_link", uri: "x://b", name: "b" } },
        { role: "system", content: { type: "mystery" } },
      ],
    });
    expect(c.messages.map((m) => [m.role, m.parts[0]?.content.kind])).toEqual([
      ["user", "text"],
      ["assistant", "image"],
      ["user", "audio"],
      ["assistant", "resource"],
      ["user", "resource_link"],
      ["system", "unknown"],
    ]);
    expect(c.messages[3]?.parts[0]?.resource).toMatchObject({ kind: "text", language: "json" });
    expect(c.problems).toEqual(['message 6: unknown role "system"']);
    expect(promptConversation({}).problems).toEqual(["the result has no `messages` array"]);
  });
});

describe("log store", () => {
  it("pretty-prints data, ranks levels and filters", () => {
    const entries = [
      toLogEntry({ level: "debug", logger: "db", data: { q: 1 } }, 1, 0),
      toLogEntry({ level: "error", logger: "http", data: "boom" }, 2, 0),
      toLogEntry({ level: "weird", data: null }, 3, 0),
    ];
    expect(entries[0]).toMatchObject({ severity: 0, pretty: '{\n  "q": 1\n}' });
    expect(entries[2]?.severity).toBe(-1);
    expect(filterLog(entries, { minLevel: "warning" }).map((e) => e.seq)).toEqual([2, 3]);
    expect(filterLog(entries, { logger: "db" }).map((e) => e.seq)).toEqual([1]);
    expect(filterLog(entries, { text: "BOOM" }).map((e) => e.seq)).toEqual([2]);
  });

  it("keeps at most MAX_LOG_ENTRIES and counts what it dropped", () => {
    let s = emptyLog;
    for (let i = 0; i < MAX_LOG_ENTRIES + 3; i++) s = logReceived(s, toLogEntry({ level: "info", data: i }, i, 0));
    expect(s.entries).toHaveLength(MAX_LOG_ENTRIES);
    expect(s.dropped).toBe(3);
    expect(s.entries[0]?.data).toBe(3);
  });

  it("takes a burst as one batch: one store update, the same cap and count", () => {
    const burst = Array.from({ length: MAX_LOG_ENTRIES + 10 }, (_, i) => toLogEntry({ level: "info", data: i }, i, 0));
    const s = logBatchReceived(logReceived(emptyLog, toLogEntry({ level: "info", data: "first" }, 0, 0)), burst);
    expect(s.entries).toHaveLength(MAX_LOG_ENTRIES);
    expect(s.dropped).toBe(11);
    expect(s.entries[0]?.data).toBe(10);
    expect(s.entries.at(-1)?.data).toBe(MAX_LOG_ENTRIES + 9);
  });

  it("the server log applies a burst of messages to its store once", async () => {
    const log = new ServerLog({ client: () => undefined, era: () => "legacy" });
    let updates = 0;
    log.store.subscribe(() => updates++);
    for (let i = 0; i < 1000; i++) log.received({ level: "info", data: i });
    expect(log.store.get().entries).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 5));
    expect(log.store.get().entries).toHaveLength(1000);
    expect(updates).toBe(1);
  });
});

describe("completion context", () => {
  it("sends the other non-empty arguments as strings", () => {
    expect(contextArguments("b", { a: "x", b: "self", c: "", d: undefined, e: 3 })).toEqual({ a: "x", e: "3" });
    expect(contextArguments("a", { a: "x" })).toBeUndefined();
  });
});
