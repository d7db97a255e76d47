import { describe, expect, it } from "vitest";
import { downloadablesOf, fileName } from "./download";

describe("downloadablesOf", () => {
  it("turns embedded resources into files and lists links without fetching them", () => {
    const files = downloadablesOf([
      { type: "resource", resource: { uri: "file:///tmp/report.csv", mimeType: "text/csv", text: "a,b\n" } },
      { type: "resource", resource: { uri: "data://x/img.png", mimeType: "image/png", blob: "iVBORw0=" } },
      { type: "resource", resource: { uri: "x://bad", blob: "***" } },
      { type: "resource_link", uri: "https://example.com/big.zip", name: "big" },
    ]);
    expect(files.map((f) => [f.name, f.bytes?.length, f.problem])).toEqual([
      ["report.csv", 4, undefined],
      ["img.png", 5, undefined],
      ["bad", undefined, "its blob is not base64"],
      ["big.zip", undefined, "a link to https://example.com/big.zip, not fetched by MCP Lens"],
    ]);
  });

  it("never lets a name climb directories or hide", () => {
    expect(fileName("file:///etc/../../passwd")).toBe("passwd");
    expect(fileName("x://a/%2e%2e%2fsecret")).toBe("secret");
    expect(fileName("x://a/..")).toBe("download");
    expect(fileName("x://a/.bashrc")).toBe("bashrc");
    expect(fileName("x://a/na me;rm -rf.txt?x=1")).toBe("na me_rm -rf.txt");
    expect(fileName(42)).toBe("download");
  });
});
