import { describe, expect, it } from "vitest";
import { ConnectionConfigSchema } from "./config";
import { declaredCapabilities, featureOn } from "./featureSwitches";

describe("declared client capabilities", () => {
  it("declares everything by default and only what is switched on", () => {
    expect(declaredCapabilities(undefined)).toEqual({
      sampling: { tools: {} },
      elicitation: { form: {}, url: {} },
      roots: { listChanged: true },
      tasks: { list: {}, cancel: {}, requests: { sampling: { createMessage: {} }, elicitation: { create: {} } } },
    });
    expect(
      declaredCapabilities({
        sampling: false,
        elicitationForm: false,
        elicitationUrl: false,
        roots: false,
        tasks: false,
      }),
    ).toEqual({});
    expect(
      declaredCapabilities({ sampling: false, elicitationForm: false, elicitationUrl: false, roots: false }),
    ).toEqual({});
    expect(
      declaredCapabilities({ samplingTools: false, elicitationUrl: false, rootsListChanged: false, tasks: false }),
    ).toEqual({ sampling: {}, elicitation: { form: {} }, roots: {} });
    expect(declaredCapabilities({ sampling: false }).tasks).toEqual({
      list: {},
      cancel: {},
      requests: { elicitation: { create: {} } },
    });
    expect(declaredCapabilities({ elicitationForm: false })).toMatchObject({ elicitation: { url: {} } });
  });

  it("switches a refinement off with what it refines", () => {
    expect(featureOn({ sampling: false }, "samplingTools")).toBe(false);
    expect(declaredCapabilities({ roots: false, rootsListChanged: true }).roots).toBeUndefined();
  });

  it("merges extension capabilities", () => {
    expect(
      declaredCapabilities(
        { sampling: false, elicitationForm: false, elicitationUrl: false, roots: false, tasks: false },
        { experimental: { x: {} } },
      ),
    ).toEqual({ experimental: { x: {} } });
  });

  it("reads saved connections with and without switches", () => {
    const base = { id: "a", name: "a", transport: "stdio", command: "x" };
    expect(ConnectionConfigSchema.parse(base).clientFeatures).toBeUndefined();
    expect(ConnectionConfigSchema.parse({ ...base, clientFeatures: { roots: false } }).clientFeatures).toEqual({
      roots: false,
    });
    expect(ConnectionConfigSchema.safeParse({ ...base, clientFeatures: { roots: "no" } }).success).toBe(false);
  });
});
