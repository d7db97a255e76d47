import { describe, expect, it } from "vitest";
import { annotationBadges, classifyContent, contentLabel, fileNameFor, isPreviewableImage } from "./content";

describe("classifyContent", () => {
  it("recognises every MCP content type", () => {
    const blocks = [
      { type: "text", text: "hi" },
      { type: "image", data: "AAAA", mimeType: "image/png" },
      { type: "audio", data: "AAAA", mimeType: "audio/wav" },
      { type: "resource_link", uri: "file:///a.txt", name: "a.txt" },
      { type: "resource", resource: { uri: "file:///b", text: "b" } },
      { type: "resource", resource: { uri: "file:///c", blob: "AAAA" } },
    ];
    expect(blocks.map((b) => classifyContent(b).kind)).toEqual([
      "text",
      "image",
      "audio",
      "resource_link",
      "resource",
      "resource",
    ]);
    const blob = classifyContent(blocks[5]);
    expect(blob.kind === "resource" && blob.contents).toEqual({ kind: "blob", blob: "AAAA" });
  });

  it("keeps unknown and malformed blocks as unknown, with the reason", () => {
    const future = classifyContent({ type: "hologram", data: 1 });
    expect(future).toMatchObject({ kind: "unknown", type: "hologram", reason: "unknown content type hologram" });
    expect(contentLabel(future)).toBe("hologram");
    expect(classifyContent({ type: "image", mimeType: "image/png" })).toMatchObject({
      kind: "unknown",
      type: "image",
      reason: expect.stringContaining("data"),
    });
    expect(classifyContent({ type: "resource", resource: { uri: "x" } })).toMatchObject({
      kind: "unknown",
      type: "resource",
    });
    expect(classifyContent("nope")).toMatchObject({ kind: "unknown", type: "unknown" });
    expect(classifyContent({ text: "no type" })).toMatchObject({ kind: "unknown", type: "unknown" });
    expect(contentLabel(classifyContent({ type: "y".repeat(10_000) })).length).toBeLessThan(70);
  });
});

describe("annotationBadges", () => {
  it("shows audience, priority, lastModified and keeps extra fields", () => {
    expect(
      annotationBadges({
        audience: ["user", "assistant"],
        priority: 0.5,
        lastModified: "2025-01-01T00:00:00Z",
        extra: { a: 1 },
      }).map((b) => b.text),
    ).toEqual(["audience: user, assistant", "priority 0.5", "modified 2025-01-01T00:00:00Z", 'extra: {"a":1}']);
    expect(annotationBadges(undefined)).toEqual([]);
    expect(annotationBadges({ priority: "high" })).toEqual([{ key: "priority", text: 'priority: "high"' }]);
  });
});

describe("fileNameFor / isPreviewableImage", () => {
  it("derives a safe download name", () => {
    expect(fileNameFor("file:///tmp/report%20final.pdf?x=1")).toBe("report final.pdf");
    expect(fileNameFor("mem://a/b/")).toBe("resource");
    expect(fileNameFor("x://h/..%2F..%2Fetc")).toBe("_.._etc");
    expect(fileNameFor("x://h/a%0Ab%E2%80%AEgnp.exe")).toBe("a_b_gnp.exe");
  });
  it("previews only inert raster image types", () => {
    expect(isPreviewableImage("image/png")).toBe(true);
    expect(isPreviewableImage("image/svg+xml")).toBe(false);
    expect(isPreviewableImage("text/html")).toBe(false);
    expect(isPreviewableImage("image/png;x=<script>")).toBe(false);
  });
});
