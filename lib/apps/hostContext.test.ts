import { describe, expect, it } from "vitest";
import { boundedHeight, defaultHostSettings, hostContextOf, inlineWidth, VIEW_HEIGHT } from "./hostContext";

const page = { theme: "light" as const, locale: "en-US", timeZone: "UTC" };
const measure = { panelWidth: 900, windowWidth: 1440, windowHeight: 900 };

describe("the host context from the host panel", () => {
  it("tells the view what the person picked", () => {
    const context = hostContextOf(
      { ...defaultHostSettings(page), locale: "ja-JP", timeZone: "Asia/Tokyo", platform: "mobile", theme: "dark" },
      measure,
    );
    expect(context).toMatchObject({
      theme: "dark",
      displayMode: "inline",
      locale: "ja-JP",
      timeZone: "Asia/Tokyo",
      platform: "mobile",
      deviceCapabilities: { touch: true, hover: false },
      containerDimensions: { width: 900, maxHeight: VIEW_HEIGHT.max },
    });
  });

  it("gives each display mode its container", () => {
    const settings = defaultHostSettings(page);
    expect(hostContextOf({ ...settings, displayMode: "fullscreen" }, measure).containerDimensions).toEqual({
      width: 1440,
      height: 852,
    });
    expect(hostContextOf({ ...settings, displayMode: "pip" }, measure).containerDimensions).toEqual({
      width: 320,
      height: 240,
    });
    expect(inlineWidth({ ...settings, container: "phone" }, 900)).toBe(375);
    expect(inlineWidth({ ...settings, container: "tablet" }, 500)).toBe(500);
  });
});

describe("boundedHeight", () => {
  it("honours sizes within bounds and reports huge or absurd ones", () => {
    expect(boundedHeight(undefined)).toBeUndefined();
    expect(boundedHeight(300.4)).toEqual({ height: 300 });
    expect(boundedHeight(1)).toEqual({ height: VIEW_HEIGHT.min });
    expect(boundedHeight(1e9)).toEqual({
      height: VIEW_HEIGHT.max,
      problem: expect.stringMatching(/1000000000 px; held to 2000 px/),
    });
    expect(boundedHeight("tall")?.problem).toMatch(/not a number \(tall\)/);
    expect(boundedHeight(Number.NaN)?.problem).toMatch(/not a number/);
  });
});
