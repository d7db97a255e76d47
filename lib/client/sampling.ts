import type {
  CreateMessageRequestParams,
  CreateMessageResult,
  CreateMessageResultWithTools,
  Tool,
} from "@modelcontextprotocol/client";

/** The error the spec's examples use when the user declines a sampling request. */
export const SAMPLING_REJECTED = { code: -1, message: "User rejected sampling request" } as const;

export type SamplingBlockView =
  | { type: "text"; text: string }
  | { type: "image" | "audio"; mimeType: string; data: string }
  | { type: "tool_use"; id: string; name: string; input: unknown }
  | { type: "tool_result"; toolUseId: string; isError: boolean; content: unknown[] }
  | { type: "other"; raw: unknown };

/** What a sampling card shows: the conversation, the knobs, and (2025-11-25) the tools offered. */
export interface SamplingSummary {
  messages: { role: string; blocks: SamplingBlockView[] }[];
  systemPrompt?: string;
  modelHints: string[];
  priorities: { cost?: number; speed?: number; intelligence?: number };
  maxTokens: number;
  temperature?: number;
  stopSequences: string[];
  includeContext?: string;
  tools: Tool[];
  toolChoice?: "auto" | "required" | "none";
}

function blockView(block: unknown): SamplingBlockView {
  const b = (block ?? {}) as Record<string, unknown>;
  switch (b.type) {
    case "text":
      return { type: "text", text: String(b.text ?? "") };
    case "image":
    case "audio":
      return { type: b.type, mimeType: String(b.mimeType ?? ""), data: String(b.data ?? "") };
    case "tool_use":
      return { type: "tool_use", id: String(b.id ?? ""), name: String(b.name ?? ""), input: b.input };
    case "tool_result":
      return {
        type: "tool_result",
        toolUseId: String(b.toolUseId ?? ""),
        isError: b.isError === true,
        content: Array.isArray(b.content) ? b.content : [],
      };
    default:
      return { type: "other", raw: block };
  }
}

export function summariseSampling(params: CreateMessageRequestParams): SamplingSummary {
  const prefs = params.modelPreferences;
  return {
    messages: params.messages.map((m) => ({
      role: m.role,
      blocks: (Array.isArray(m.content) ? m.content : [m.content]).map(blockView),
    })),
    systemPrompt: params.systemPrompt,
    modelHints: (prefs?.hints ?? []).map((h) => h.name).filter((n): n is string => typeof n === "string"),
    priorities: { cost: prefs?.costPriority, speed: prefs?.speedPriority, intelligence: prefs?.intelligencePriority },
    maxTokens: params.maxTokens,
    temperature: params.temperature,
    stopSequences: params.stopSequences ?? [],
    includeContext: params.includeContext,
    tools: params.tools ?? [],
    toolChoice: params.toolChoice?.mode,
  };
}

/** The user's answer as typed in a card. `input` of a tool_use may be JSON text. */
export type SamplingDraftBlock =
  | { type: "text"; text: string }
  | { type: "image"; data: string; mimeType: string }
  | { type: "tool_use"; id?: string; name: string; input: Record<string, unknown> | string };

export interface SamplingDraft {
  role?: "assistant" | "user";
  model: string;
  /** endTurn, stopSequence, maxTokens, toolUse or any string; defaults to toolUse / endTurn. */
  stopReason?: string;
  content: SamplingDraftBlock[];
}

export function initialSamplingDraft(): SamplingDraft {
  return { role: "assistant", model: "mcp-lens-manual", content: [{ type: "text", text: "" }] };
}

export type Shaped<T> = { ok: true; result: T; warnings: string[] } | { ok: false; errors: string[] };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Turn a draft into the CreateMessageResult to send. Errors block sending (the SDK would refuse the
 * shape anyway); warnings only note an answer a real model would not give, which an inspector may
 * still want to send.
 */
export function samplingResult(
  draft: SamplingDraft,
  params: CreateMessageRequestParams,
): Shaped<CreateMessageResult | CreateMessageResultWithTools> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const tools = params.tools ?? [];
  const withTools = params.tools !== undefined || params.toolChoice !== undefined;
  if (!draft.model.trim()) errors.push("Name the model that answered.");
  if (draft.content.length === 0) errors.push("Add at least one content block.");
  if (!withTools && draft.content.length > 1)
    errors.push("Without tools in the request the answer is a single content block.");
  let toolUses = 0;
  const content = draft.content.map((block, i) => {
    switch (block.type) {
      case "text":
        return { type: "text" as const, text: block.text };
      case "image": {
        const data = block.data.replace(/\s+/g, "");
        if (!data || data.length % 4 !== 0 || !BASE64.test(data))
          errors.push(`Block ${i + 1}: the image data is not base64.`);
        if (!/^image\/[\w.+-]+$/.test(block.mimeType)) errors.push(`Block ${i + 1}: the MIME type must be image/….`);
        return { type: "image" as const, data, mimeType: block.mimeType };
      }
      case "tool_use": {
        toolUses++;
        if (!withTools) errors.push(`Block ${i + 1}: the request offered no tools, so the answer cannot use one.`);
        else if (!tools.some((t) => t.name === block.name))
          warnings.push(`Block ${i + 1}: "${block.name}" is not one of the tools offered.`);
        let input: unknown = block.input;
        if (typeof input === "string") {
          try {
            input = JSON.parse(input.trim() || "{}");
          } catch {
            errors.push(`Block ${i + 1}: the tool input is not valid JSON.`);
          }
        }
        if (input === null || typeof input !== "object" || Array.isArray(input)) {
          errors.push(`Block ${i + 1}: the tool input must be a JSON object.`);
          input = {};
        }
        return {
          type: "tool_use" as const,
          id: block.id?.trim() || `toolu_lens_${i + 1}`,
          name: block.name,
          input: input as Record<string, unknown>,
        };
      }
    }
  });
  if (params.toolChoice?.mode === "none" && toolUses > 0)
    warnings.push('The request set toolChoice "none" but the answer uses a tool.');
  if (params.toolChoice?.mode === "required" && toolUses === 0)
    warnings.push('The request set toolChoice "required" but the answer uses no tool.');
  if (errors.length) return { ok: false, errors };
  const stopReason = draft.stopReason?.trim() || (toolUses > 0 ? "toolUse" : "endTurn");
  const result = {
    role: draft.role ?? "assistant",
    model: draft.model.trim(),
    stopReason,
    content: content.length === 1 ? content[0]! : content,
  } as CreateMessageResult | CreateMessageResultWithTools;
  return { ok: true, result, warnings };
}

/** The kinds of content block a sampling card can answer with. */
export type SamplingBlockKind = "text" | "image" | "tool_use";

/**
 * A sampling card's form: one block of each kind kept while the user switches between them, and
 * what the last Send found (errors block; warnings are shown once, a second Send sends anyway).
 */
export interface SamplingForm {
  role: "assistant" | "user";
  kind: SamplingBlockKind;
  text: string;
  imageData: string;
  mimeType: string;
  toolName: string;
  /** JSON text, parsed on Send. */
  toolInput: string;
  model: string;
  /** Empty: toolUse or endTurn, from the content. */
  stopReason: string;
  errors: string[];
  warnings: string[];
}

export type SamplingFormField = "text" | "imageData" | "mimeType" | "toolName" | "toolInput" | "model" | "stopReason";

export type SamplingFormAction =
  | { type: "role"; role: SamplingForm["role"] }
  | { type: "kind"; kind: SamplingBlockKind }
  | { type: "edit"; field: SamplingFormField; value: string }
  /** What a Send that did not send found (see `reviewSamplingForm`). */
  | { type: "reviewed"; errors: string[]; warnings: string[] };

/** The form for a request: a text answer from the manual model; tool_use starts on the first tool offered. */
export function initialSamplingForm(params: Pick<CreateMessageRequestParams, "tools">): SamplingForm {
  return {
    role: "assistant",
    kind: "text",
    text: "",
    imageData: "",
    mimeType: "image/png",
    toolName: params.tools?.[0]?.name ?? "",
    toolInput: "{}",
    model: initialSamplingDraft().model,
    stopReason: "",
    errors: [],
    warnings: [],
  };
}

export function samplingFormReducer(form: SamplingForm, action: SamplingFormAction): SamplingForm {
  switch (action.type) {
    case "role":
      return { ...form, role: action.role };
    case "kind":
      return { ...form, kind: action.kind };
    case "edit":
      return { ...form, [action.field]: action.value };
    case "reviewed":
      return { ...form, errors: action.errors, warnings: action.warnings };
  }
}

/** The draft the form stands for: one block, of the kind chosen. */
export function samplingDraftOf(form: SamplingForm): SamplingDraft {
  const block: SamplingDraftBlock =
    form.kind === "text"
      ? { type: "text", text: form.text }
      : form.kind === "image"
        ? { type: "image", data: form.imageData, mimeType: form.mimeType }
        : { type: "tool_use", name: form.toolName, input: form.toolInput };
  return { role: form.role, model: form.model, stopReason: form.stopReason || undefined, content: [block] };
}

export type SamplingReview =
  | { kind: "send"; result: CreateMessageResult | CreateMessageResultWithTools }
  | { kind: "show"; errors: string[]; warnings: string[] };

/**
 * Send pressed: errors are shown and block; warnings are shown the first time and, unchanged, let
 * the second Send through (an inspector may want to send what a real model would not).
 */
export function reviewSamplingForm(form: SamplingForm, params: CreateMessageRequestParams): SamplingReview {
  const shaped = samplingResult(samplingDraftOf(form), params);
  if (!shaped.ok) return { kind: "show", errors: shaped.errors, warnings: form.warnings };
  if (shaped.warnings.length && form.warnings.join() !== shaped.warnings.join())
    return { kind: "show", errors: [], warnings: shaped.warnings };
  return { kind: "send", result: shaped.result };
}
