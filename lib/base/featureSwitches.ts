import type { ClientCapabilities } from "@modelcontextprotocol/client";
import { z } from "./zod";

/**
 * Per-connection switches for what MCP Lens answers as a client. Each is on unless set to false,
 * so saved connections without the field keep the full client.
 */
export const ClientFeatureSwitchesSchema = z.object({
  sampling: z.boolean().optional(),
  /** Sampling with tools (2025-11-25): `tools` / `toolChoice` in the request, `tool_use` in the answer. */
  samplingTools: z.boolean().optional(),
  elicitationForm: z.boolean().optional(),
  elicitationUrl: z.boolean().optional(),
  roots: z.boolean().optional(),
  rootsListChanged: z.boolean().optional(),
  /** 2025-11-25 tasks: the server may run its sampling and elicitation requests as tasks on the client. */
  tasks: z.boolean().optional(),
});
export type ClientFeatureSwitches = z.infer<typeof ClientFeatureSwitchesSchema>;
export type ClientFeature = keyof ClientFeatureSwitches;

export const CLIENT_FEATURES: { key: ClientFeature; label: string; requires?: ClientFeature }[] = [
  { key: "sampling", label: "Sampling (sampling/createMessage)" },
  { key: "samplingTools", label: "Sampling with tools", requires: "sampling" },
  { key: "elicitationForm", label: "Elicitation, form mode" },
  { key: "elicitationUrl", label: "Elicitation, URL mode" },
  { key: "roots", label: "Roots (roots/list)" },
  { key: "rootsListChanged", label: "Roots list_changed notifications", requires: "roots" },
  { key: "tasks", label: "Tasks (sampling and elicitation run as tasks: tasks/get, result, list, cancel)" },
];

/** On unless switched off, and only if what it refines is on. */
export function featureOn(features: ClientFeatureSwitches | undefined, key: ClientFeature): boolean {
  if (features?.[key] === false) return false;
  const requires = CLIENT_FEATURES.find((f) => f.key === key)?.requires;
  return requires ? featureOn(features, requires) : true;
}

/**
 * The capabilities declared in `initialize` (and in each 2026-07-28 request's `_meta`): only what
 * is switched on. `extra` is the extension point for capabilities other modules answer (tasks):
 * it is merged in as given.
 */
export function declaredCapabilities(
  features: ClientFeatureSwitches | undefined,
  extra: ClientCapabilities = {},
): ClientCapabilities {
  const caps: ClientCapabilities = {};
  if (featureOn(features, "sampling")) caps.sampling = featureOn(features, "samplingTools") ? { tools: {} } : {};
  const form = featureOn(features, "elicitationForm");
  const url = featureOn(features, "elicitationUrl");
  if (form || url) caps.elicitation = { ...(form && { form: {} }), ...(url && { url: {} }) };
  if (featureOn(features, "roots")) caps.roots = featureOn(features, "rootsListChanged") ? { listChanged: true } : {};
  // Which requests may be task-augmented follows what is answered at all; with neither, tasks mean nothing.
  if (featureOn(features, "tasks") && (caps.sampling || caps.elicitation)) {
    const requests = {
      ...(caps.sampling && { sampling: { createMessage: {} } }),
      ...(caps.elicitation && { elicitation: { create: {} } }),
    };
    caps.tasks = { list: {}, cancel: {}, requests };
  }
  return { ...caps, ...extra };
}
