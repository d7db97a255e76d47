import { describe, expect, it } from "vitest";
import { ICON_USER_AGENT, MAX_ICON_BYTES, iconSources, loadIcon } from "./icons";

const PNG_B64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
const SVG = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>";

describe("iconSources (issue 19 item 11)", () => {
  it("keeps data: raster images inline, data: SVG for the sandbox, http(s) as remote; drops the rest", () => {
    const icons = [
      { src: "javascript:alert(1)" },
      { src: "data:text/html,<script>x</script>" },
      { src: "file:///etc/passwd" },
      { src: `data:image/png;base64,${PNG_B64}` },
      { src: `data:image/svg+xml,${encodeURIComponent(SVG)}` },
      { src: "https://example.com/icon.png" },
      { src: "data:image/png;x=<b>;base64,AAAA" },
      { src: 42 },
      null,
    ];
    expect(iconSources(icons, 10)).toEqual([
      { kind: "inline", src: `data:image/png;base64,${PNG_B64}` },
      { kind: "inline-svg", base64: Buffer.from(SVG).toString("base64") },
      { kind: "remote", url: "https://example.com/icon.png" },
    ]);
    expect(iconSources(icons, 1)).toHaveLength(1);
    expect(iconSources("nope")).toEqual([]);
  });
});

describe("loadIcon", () => {
  const served = (body: BodyInit | null, answer: ResponseInit = {}) => {
    const calls: { url: string; init?: RequestInit }[] = [];
    const fetch = async (url: string | URL, init?: RequestInit) => {
      calls.push({ url: String(url), init });
      return new Response(body, answer);
    };
    return { fetch, calls };
  };

  it("asks through the given (relay) fetch with its own User-Agent, and keeps a raster image by its bytes", async () => {
    const { fetch, calls } = served(Buffer.from(PNG_B64, "base64"), { headers: { "content-type": "text/html" } });
    const icon = await loadIcon(fetch, "https://example.com/a.png");
    expect(icon).toMatchObject({ kind: "raster", mimeType: "image/png" });
    expect(calls).toEqual([
      {
        url: "https://example.com/a.png",
        init: expect.objectContaining({
          method: "GET",
          headers: expect.objectContaining({ "user-agent": ICON_USER_AGENT }),
        }),
      },
    ]);
  });

  it("takes an SVG only for the sandbox, and refuses HTML, errors and oversize bodies", async () => {
    expect(
      await loadIcon(served(SVG, { headers: { "content-type": "image/svg+xml" } }).fetch, "https://x/i.svg"),
    ).toEqual({ kind: "svg", base64: Buffer.from(SVG).toString("base64") });
    expect(await loadIcon(served(`<?xml version="1.0"?>\n${SVG}`).fetch, "https://x/i")).toMatchObject({ kind: "svg" });
    expect(
      await loadIcon(
        served("<!doctype html><script>x</script>", { headers: { "content-type": "image/png" } }).fetch,
        "https://x/i",
      ),
    ).toEqual({ kind: "refused", reason: "not an image MCP Lens shows (image/png)" });
    expect(await loadIcon(served(null, { status: 404 }).fetch, "https://x/i")).toEqual({
      kind: "refused",
      reason: "HTTP 404",
    });
    expect(await loadIcon(served(new Uint8Array(MAX_ICON_BYTES + 1)).fetch, "https://x/i")).toMatchObject({
      kind: "refused",
      reason: expect.stringMatching(/larger than/),
    });
    const failing = async () => {
      throw new TypeError("Refused to connect: 169.254.169.254 is a link-local address");
    };
    expect(await loadIcon(failing, "http://169.254.169.254/i")).toEqual({
      kind: "refused",
      reason: "Refused to connect: 169.254.169.254 is a link-local address",
    });
  });
});
