import { describe, expect, it } from "vitest";
import {
  blobTypeFor,
  inertMediaKind,
  inertMediaType,
  isSvgType,
  mediaEssence,
  safeDownloadName,
  sniffRasterImage,
} from "./mediaTypes";

describe("inert media types (issue 19 item 2)", () => {
  it.each([
    ["image", "image/png"],
    ["image", "IMAGE/JPEG; q=1"],
    ["image", "image/gif"],
    ["image", "image/webp"],
    ["image", "image/avif"],
    ["image", "image/bmp"],
    ["image", "image/x-icon"],
    ["audio", "audio/mpeg"],
    ["audio", "audio/wav"],
    ["audio", "audio/ogg; codecs=opus"],
    ["video", "video/mp4"],
    ["video", "video/webm"],
  ] as const)("%s preview allows %s", (kind, mime) => {
    expect(inertMediaType(kind, mime)).toBe(mediaEssence(mime));
  });

  it.each([
    ["image", "image/svg+xml"],
    ["image", "text/html"],
    ["audio", "text/html"],
    ["image", "application/xhtml+xml"],
    ["audio", "image/png"],
    ["video", "application/pdf"],
    ["image", "image/png<script>"],
    ["image", "text/xml"],
    ["video", "video/x-unknown"],
    ["image", undefined],
  ] as const)("%s preview refuses %s", (kind, mime) => {
    expect(inertMediaType(kind, mime)).toBeUndefined();
  });

  it("types any other blob as a download", () => {
    for (const mime of [
      "image/svg+xml",
      "text/html",
      "application/xhtml+xml",
      "application/xml",
      "text/xml",
      "application/pdf",
      "text/plain",
      "application/javascript",
      "multipart/x-mixed-replace",
      undefined,
      "",
      "nonsense",
    ]) {
      expect(blobTypeFor(mime), String(mime)).toBe("application/octet-stream");
    }
    expect(blobTypeFor("Image/PNG; charset=x")).toBe("image/png");
    expect(blobTypeFor("audio/mpeg")).toBe("audio/mpeg");
    expect(inertMediaKind("video/webm")).toBe("video");
    expect(isSvgType("image/SVG+xml; charset=utf-8")).toBe(true);
  });
});

describe("safeDownloadName", () => {
  it("keeps ordinary names", () => {
    expect(safeDownloadName("report final.pdf")).toBe("report final.pdf");
    expect(safeDownloadName("Grüße.txt")).toBe("Grüße.txt");
  });

  it("strips paths, control and direction characters, edge dots; refuses device names", () => {
    expect(safeDownloadName("../../etc/passwd")).toBe("_.._etc_passwd");
    expect(safeDownloadName("..\\..\\boot.ini")).toBe("_.._boot.ini");
    expect(safeDownloadName("a\u0000b\r\nc\u0085.txt")).toBe("a_b__c_.txt");
    expect(safeDownloadName("invoice\u202Efdp.exe")).toBe("invoice_fdp.exe");
    expect(safeDownloadName(" .hidden. ")).toBe("hidden");
    expect(safeDownloadName("CON.txt")).toBe("_CON.txt");
    expect(safeDownloadName("nul")).toBe("_nul");
    expect(safeDownloadName("", "blob")).toBe("blob");
    expect(safeDownloadName("../", "blob")).toBe("blob");
    expect(safeDownloadName("///")).toBe("download");
  });

  it("limits the length and keeps the extension", () => {
    const name = safeDownloadName(`${"x".repeat(500)}.png`);
    expect(name).toHaveLength(120);
    expect(name.endsWith(".png")).toBe(true);
  });
});

describe("sniffRasterImage", () => {
  it("recognises raster formats by their first bytes, and nothing else", () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    );
    expect(sniffRasterImage(png)).toBe("image/png");
    expect(sniffRasterImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffRasterImage(Buffer.from("GIF89a...."))).toBe("image/gif");
    expect(sniffRasterImage(Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toBe("image/webp");
    expect(sniffRasterImage(Buffer.from("\0\0\0\x1cftypavif"))).toBe("image/avif");
    expect(sniffRasterImage(Buffer.from([0, 0, 1, 0, 1, 0]))).toBe("image/x-icon");
    expect(
      sniffRasterImage(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>x()</script></svg>")),
    ).toBeUndefined();
    expect(sniffRasterImage(Buffer.from("<!doctype html><script>x()</script>"))).toBeUndefined();
    expect(sniffRasterImage(new Uint8Array())).toBeUndefined();
  });
});
