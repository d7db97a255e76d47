import type { CreateMessageRequestParams } from "@modelcontextprotocol/client";
import { describe, expect, it } from "vitest";
import {
  initialSamplingDraft,
  initialSamplingForm,
  reviewSamplingForm,
  samplingDraftOf,
  samplingFormReducer,
  samplingResult,
  summariseSampling,
  type SamplingFormAction,
} from "./sampling";

const plain: CreateMessageRequestParams = {
  messages: [
    { role: "user", content: { type: "text", text: "hi" } },
    { role: "assistant", content: [{ type: "image", data: "AAAA", mimeType: "image/png" }] },
  ],
  systemPrompt: "be brief",
  maxTokens: 50,
  modelPreferences: { hints: [{ name: "claude" }, {}], costPriority: 0.2, intelligencePriority: 0.9 },
  stopSequences: ["\n\n"],
  includeContext: "thisServer",
};
const withTools: CreateMessageRequestParams = {
  messages: [{ role: "user", content: { type: "text", text: "weather?" } }],
  maxTokens: 50,
  tools: [{ name: "get_weather", inputSchema: { type: "object" } }],
  toolChoice: { mode: "none" },
};

describe("sampling", () => {
  it("summarises a request for its card", () => {
    expect(summariseSampling(plain)).toEqual({
      messages: [
        { role: "user", blocks: [{ type: "text", text: "hi" }] },
        { role: "assistant", blocks: [{ type: "image", mimeType: "image/png", data: "AAAA" }] },
      ],
      systemPrompt: "be brief",
      modelHints: ["claude"],
      priorities: { cost: 0.2, speed: undefined, intelligence: 0.9 },
      maxTokens: 50,
      temperature: undefined,
      stopSequences: ["\n\n"],
      includeContext: "thisServer",
      tools: [],
      toolChoice: undefined,
    });
    expect(summariseSampling(withTools)).toMatchObject({ tools: [{ name: "get_weather" }], toolChoice: "none" });
  });

  it("shapes a text or image answer, with defaults", () => {
    expect(samplingResult({ ...initialSamplingDraft(), content: [{ type: "text", text: "ok" }] }, plain)).toEqual({
      ok: true,
      warnings: [],
      result: {
        role: "assistant",
        model: "mcp-lens-manual",
        stopReason: "endTurn",
        content: { type: "text", text: "ok" },
      },
    });
    const image = samplingResult(
      { model: "m", stopReason: "maxTokens", content: [{ type: "image", data: "iVBO Rw==", mimeType: "image/png" }] },
      plain,
    );
    expect(image).toMatchObject({
      ok: true,
      result: { stopReason: "maxTokens", content: { type: "image", data: "iVBORw==" } },
    });
  });

  it("refuses what the schema would refuse", () => {
    expect(samplingResult({ model: " ", content: [] }, plain)).toEqual({
      ok: false,
      errors: ["Name the model that answered.", "Add at least one content block."],
    });
    expect(
      samplingResult(
        {
          model: "m",
          content: [
            { type: "text", text: "a" },
            { type: "text", text: "b" },
          ],
        },
        plain,
      ),
    ).toMatchObject({ ok: false, errors: [expect.stringContaining("single content block")] });
    expect(
      samplingResult({ model: "m", content: [{ type: "image", data: "not base64!", mimeType: "text/plain" }] }, plain),
    ).toMatchObject({ ok: false, errors: [expect.stringContaining("base64"), expect.stringContaining("MIME")] });
    expect(
      samplingResult({ model: "m", content: [{ type: "tool_use", name: "get_weather", input: {} }] }, plain),
    ).toMatchObject({ ok: false, errors: [expect.stringContaining("offered no tools")] });
    expect(
      samplingResult({ model: "m", content: [{ type: "tool_use", name: "get_weather", input: "[1]" }] }, withTools),
    ).toMatchObject({ ok: false, errors: [expect.stringContaining("JSON object")] });
    expect(
      samplingResult({ model: "m", content: [{ type: "tool_use", name: "get_weather", input: "{" }] }, withTools),
    ).toMatchObject({ ok: false, errors: [expect.stringContaining("not valid JSON"), expect.anything()] });
  });

  it("answers with tool_use when tools were offered, warning about what a model would not do", () => {
    const shaped = samplingResult(
      { model: "m", content: [{ type: "tool_use", name: "other", input: '{"a":1}' }] },
      withTools,
    );
    expect(shaped).toEqual({
      ok: true,
      warnings: [
        expect.stringContaining('"other" is not one of the tools'),
        expect.stringContaining('toolChoice "none"'),
      ],
      result: {
        role: "assistant",
        model: "m",
        stopReason: "toolUse",
        content: { type: "tool_use", id: "toolu_lens_1", name: "other", input: { a: 1 } },
      },
    });
    const two = samplingResult(
      {
        model: "m",
        content: [
          { type: "text", text: "x" },
          { type: "tool_use", id: "t9", name: "get_weather", input: {} },
        ],
      },
      { ...withTools, toolChoice: { mode: "auto" } },
    );
    expect(two).toMatchObject({
      ok: true,
      warnings: [],
      result: { content: [{ type: "text" }, { type: "tool_use", id: "t9" }] },
    });
  });
});

describe("the sampling card's form", () => {
  const run = (params: CreateMessageRequestParams, ...actions: SamplingFormAction[]) =>
    actions.reduce(samplingFormReducer, initialSamplingForm(params));

  it("starts as a text answer from the manual model, tool_use on the first tool offered", () => {
    expect(initialSamplingForm(plain)).toMatchObject({
      role: "assistant",
      kind: "text",
      text: "",
      mimeType: "image/png",
      toolName: "",
      toolInput: "{}",
      model: "mcp-lens-manual",
      stopReason: "",
      errors: [],
      warnings: [],
    });
    expect(initialSamplingForm(withTools).toolName).toBe("get_weather");
  });

  it("keeps each kind's block while the kind changes; the draft is the chosen one", () => {
    const form = run(
      withTools,
      { type: "edit", field: "text", value: "hello" },
      { type: "kind", kind: "tool_use" },
      { type: "edit", field: "toolInput", value: '{"city":"Oslo"}' },
      { type: "role", role: "user" },
    );
    expect(form.text).toBe("hello");
    expect(samplingDraftOf(form)).toEqual({
      role: "user",
      model: "mcp-lens-manual",
      stopReason: undefined,
      content: [{ type: "tool_use", name: "get_weather", input: '{"city":"Oslo"}' }],
    });
    const back = samplingFormReducer(form, { type: "kind", kind: "text" });
    expect(samplingDraftOf(back).content).toEqual([{ type: "text", text: "hello" }]);
    const image = run(
      plain,
      { type: "kind", kind: "image" },
      { type: "edit", field: "imageData", value: "AAAA" },
      { type: "edit", field: "stopReason", value: "maxTokens" },
    );
    expect(samplingDraftOf(image)).toMatchObject({
      stopReason: "maxTokens",
      content: [{ type: "image", data: "AAAA", mimeType: "image/png" }],
    });
  });

  it("sends a good answer at once", () => {
    const form = run(plain, { type: "edit", field: "text", value: "ok" });
    expect(reviewSamplingForm(form, plain)).toEqual({
      kind: "send",
      result: {
        role: "assistant",
        model: "mcp-lens-manual",
        stopReason: "endTurn",
        content: { type: "text", text: "ok" },
      },
    });
  });

  it("shows errors and keeps warnings already shown", () => {
    const form = run(
      plain,
      { type: "edit", field: "model", value: " " },
      { type: "reviewed", errors: [], warnings: ["w"] },
    );
    expect(reviewSamplingForm(form, plain)).toEqual({
      kind: "show",
      errors: ["Name the model that answered."],
      warnings: ["w"],
    });
  });

  it("shows warnings once, then sends on the second Send", () => {
    let form = run(withTools, { type: "kind", kind: "tool_use" });
    const first = reviewSamplingForm(form, withTools);
    expect(first).toEqual({ kind: "show", errors: [], warnings: [expect.stringContaining('toolChoice "none"')] });
    if (first.kind !== "show") throw new Error("expected warnings");
    form = samplingFormReducer(
      { ...form, errors: ["old"] },
      { type: "reviewed", errors: first.errors, warnings: first.warnings },
    );
    expect(form.errors).toEqual([]);
    expect(reviewSamplingForm(form, withTools)).toMatchObject({
      kind: "send",
      result: { stopReason: "toolUse", content: { type: "tool_use", name: "get_weather", input: {} } },
    });
    // Different warnings are shown again before anything is sent.
    const other = samplingFormReducer(form, { type: "edit", field: "toolName", value: "nope" });
    expect(reviewSamplingForm(other, withTools)).toMatchObject({
      kind: "show",
      warnings: [expect.stringContaining('"nope"'), expect.anything()],
    });
  });
});
