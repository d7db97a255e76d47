/** Detection against a real MCP Apps example server (server-basic-vanillajs, stdio bridge). */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InspectorSession } from "../session";
import { basicAppConfig, nodeSessionDeps } from "../testing";
import { APP_MIME_TYPE, appResourceMeta, appResourceOf, appToolOf, appTools } from "./detect";

let session: InspectorSession;
beforeAll(async () => {
  session = new InspectorSession(basicAppConfig(), nodeSessionDeps());
  await session.connect();
  expect(session.state.failure).toBeUndefined();
}, 30_000);
afterAll(async () => {
  await session.disconnect();
});

describe("MCP Apps detection", () => {
  it("marks the tool that names a ui:// view", () => {
    const apps = appTools(session.state.lists.tools.items);
    expect(apps).toEqual([
      { name: "get-time", resourceUri: "ui://get-time/mcp-app.html", visibility: ["model", "app"] },
    ]);
  });

  it("reads the view: the MCP App mime type and its HTML, through the live session", async () => {
    const uri = "ui://get-time/mcp-app.html";
    const listed = session.state.lists.resources.items.find((r) => r.uri === uri);
    expect(listed?.mimeType).toBe(APP_MIME_TYPE);
    const result = await session.client!.readResource({ uri });
    const view = appResourceOf(uri, result);
    if (!view.ok) throw new Error(view.problem);
    expect(view.html).toContain("Get Server Time");
    expect(view.meta.csp).toEqual({ connectDomains: [], resourceDomains: [], frameDomains: [], baseUriDomains: [] });
    expect(view.meta.permissions).toEqual([]);
    const reads = session.log.entries.filter((e) => e.kind === "frame" && e.raw.includes('"resources/read"'));
    expect(reads.length).toBeGreaterThan(0);
  });
});

describe("MCP Apps detection, edge cases", () => {
  it("reports a resourceUri that is not ui://, and ignores tools with no view", () => {
    expect(appToolOf({ name: "plain" })).toBeUndefined();
    expect(appToolOf({ name: "bad", _meta: { ui: { resourceUri: "https://x.example/app.html" } } })?.problem).toMatch(
      /ui:\/\//,
    );
    expect(
      appToolOf({ name: "hidden", _meta: { ui: { resourceUri: "ui://a/b", visibility: ["app", "nope"] } } }),
    ).toEqual({ name: "hidden", resourceUri: "ui://a/b", visibility: ["app"] });
  });

  it("cleans a resource's declared domains and permissions", () => {
    const meta = appResourceMeta({
      _meta: {
        ui: {
          csp: { connectDomains: ["https://api.example.com", "'unsafe-eval'"], resourceDomains: "nope" },
          permissions: { camera: {}, geolocation: false },
          prefersBorder: true,
        },
      },
    });
    expect(meta.csp.connectDomains).toEqual(["https://api.example.com"]);
    expect(meta.csp.resourceDomains).toEqual([]);
    expect(meta.permissions).toEqual(["camera"]);
    expect(meta.prefersBorder).toBe(true);
  });

  it("refuses a resource that is not an MCP App", () => {
    const r = appResourceOf("ui://x", { contents: [{ uri: "ui://x", mimeType: "text/html", text: "<p>" }] });
    expect(r).toMatchObject({ ok: false });
    const b = appResourceOf("ui://x", {
      contents: [{ uri: "ui://x", mimeType: APP_MIME_TYPE, blob: btoa("<p>hi</p>") }],
    });
    expect(b).toMatchObject({ ok: true, html: "<p>hi</p>" });
  });
});
