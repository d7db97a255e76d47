/**
 * The demo server's tools. Tools needing client input (sampling, elicitation) return
 * `inputRequired(...)`: on 2026-07-28 the client fulfils it (multi round-trip); on a
 * 2025-era connection the SDK's legacy shim sends real server→client requests and
 * re-enters the handler, so each handler is written once for both eras.
 */
import { setTimeout as sleep } from "node:timers/promises";
import {
  fromJsonSchema,
  inputRequired,
  inputResponse,
  type LoggingLevel,
  type McpServer,
  type RegisteredTool,
} from "@modelcontextprotocol/server";
import * as z from "zod";
import { LENS_PNG_BASE64 } from "./assets.js";
import { createEventInputSchema, createEventOutputSchema, type CreateEventInput } from "./eventSchema.js";

const LOG_LEVELS: LoggingLevel[] = ["debug", "info", "notice", "warning", "error", "critical", "alert", "emergency"];

/** Hooks the factory gives the tools for state shared across instances. */
export interface ToolHost {
  isExtraToolEnabled(): boolean;
  /** Flips the shared flag and returns the new value. */
  toggleExtraTool(): boolean;
}

export function registerDemoTools(server: McpServer, host: ToolHost): RegisteredTool {
  server.registerTool(
    "echo",
    {
      title: "Echo",
      description: "Returns the message it was given.",
      inputSchema: z.object({ message: z.string().describe("Text to echo back") }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    ({ message }) => ({ content: [{ type: "text", text: message }] }),
  );

  server.registerTool(
    "add",
    {
      title: "Add two numbers",
      description: "Adds a and b; returns text and structured content matching outputSchema.",
      inputSchema: z.object({ a: z.number().describe("First addend"), b: z.number().describe("Second addend") }),
      outputSchema: z.object({ sum: z.number() }),
      annotations: { readOnlyHint: true, idempotentHint: true },
    },
    ({ a, b }) => ({
      content: [{ type: "text", text: `${a} + ${b} = ${a + b}` }],
      structuredContent: { sum: a + b },
    }),
  );

  server.registerTool(
    "create_event",
    {
      title: "Create calendar event",
      description:
        "Validates a rich event description (nested objects, arrays, oneOf, recursion) and echoes a summary.",
      inputSchema: fromJsonSchema<CreateEventInput>(createEventInputSchema),
      outputSchema: fromJsonSchema(createEventOutputSchema),
    },
    (event) => {
      const startMs = Date.parse(event.start);
      const end = new Date(startMs + (event.durationMinutes ?? 60) * 60_000).toISOString();
      const summary = {
        id: `evt-${startMs.toString(36)}`,
        title: event.title,
        start: new Date(startMs).toISOString(),
        end,
        attendeeCount: event.attendees?.length ?? 0,
        locationKind: event.location?.kind ?? null,
      };
      return {
        content: [
          {
            type: "text",
            text: `Created "${event.title}" organised by ${event.organizer.name}, ${summary.start} to ${end}.`,
          },
        ],
        structuredContent: summary,
      };
    },
  );

  server.registerTool(
    "long_task",
    {
      title: "Long task",
      description: "Runs for `steps` × `intervalMs`, reporting notifications/progress each step; honours cancellation.",
      inputSchema: z.object({
        steps: z.number().int().min(1).max(1000).default(5).describe("Number of steps"),
        intervalMs: z.number().int().min(0).max(60_000).default(500).describe("Delay per step in milliseconds"),
      }),
    },
    async ({ steps, intervalMs }, ctx) => {
      const token = ctx.mcpReq._meta?.progressToken;
      for (let step = 1; step <= steps; step++) {
        try {
          await sleep(intervalMs, undefined, { signal: ctx.mcpReq.signal });
        } catch (error) {
          // Cancelled by the client: stop here; the SDK sends no response for a cancelled request.
          console.error(`[mcp-lens-demo] long_task cancelled before step ${step} of ${steps}`);
          throw error;
        }
        if (token !== undefined) {
          await ctx.mcpReq.notify({
            method: "notifications/progress",
            params: { progressToken: token, progress: step, total: steps, message: `Step ${step} of ${steps}` },
          });
        }
      }
      return { content: [{ type: "text", text: `Completed ${steps} steps.` }] };
    },
  );

  server.registerTool(
    "sample_llm",
    {
      title: "Ask the client's LLM",
      description: "Requests sampling/createMessage from the client and returns the model's answer.",
      inputSchema: z.object({
        prompt: z.string().describe("What to ask the model"),
        maxTokens: z.number().int().min(1).max(8192).default(256),
        systemPrompt: z.string().optional(),
      }),
    },
    ({ prompt, maxTokens, systemPrompt }, ctx) => {
      const answer = inputResponse(ctx.mcpReq.inputResponses, "sample");
      if (answer.kind !== "sampling") {
        return inputRequired({
          inputRequests: {
            sample: inputRequired.createMessage({
              messages: [{ role: "user", content: { type: "text", text: prompt } }],
              maxTokens,
              ...(systemPrompt !== undefined && { systemPrompt }),
            }),
          },
        });
      }
      const blocks = Array.isArray(answer.result.content) ? answer.result.content : [answer.result.content];
      const text = blocks.map((b) => (b.type === "text" ? b.text : `[${b.type}]`)).join("\n");
      return {
        content: [{ type: "text", text: `Model ${answer.result.model} answered: ${text}` }],
      };
    },
  );

  server.registerTool(
    "ask_user",
    {
      title: "Ask the user",
      description: "Sends a form elicitation (elicitation/create) and reports what the user answered or declined.",
      inputSchema: z.object({ message: z.string().default("Tell us a little about yourself.") }),
    },
    ({ message }, ctx) => {
      const answer = inputResponse(ctx.mcpReq.inputResponses, "profile");
      if (answer.kind !== "elicit") {
        return inputRequired({
          inputRequests: {
            profile: inputRequired.elicit({
              mode: "form",
              message,
              requestedSchema: {
                type: "object",
                properties: {
                  name: { type: "string", title: "Name", minLength: 1 },
                  color: { type: "string", title: "Favourite colour", enum: ["red", "green", "blue"] },
                  age: { type: "integer", title: "Age", minimum: 0, maximum: 150 },
                  subscribe: { type: "boolean", title: "Subscribe to news", default: false },
                },
                required: ["name"],
              },
            }),
          },
        });
      }
      const text =
        answer.action === "accept"
          ? `User answered: ${JSON.stringify(answer.content ?? {})}`
          : `User ${answer.action === "decline" ? "declined" : "cancelled"} the request.`;
      return { content: [{ type: "text", text }] };
    },
  );

  server.registerTool(
    "get_image",
    {
      title: "Get image",
      description: "Returns a small PNG as an image content block.",
      annotations: { readOnlyHint: true },
    },
    () => ({
      content: [
        { type: "text", text: "A 16×16 PNG of a lens:" },
        { type: "image", data: LENS_PNG_BASE64, mimeType: "image/png" },
      ],
    }),
  );

  const extra = server.registerTool(
    "extra_tool",
    {
      title: "Extra tool",
      description: "Exists only while toggled on by toggle_extra_tool.",
      inputSchema: z.object({ note: z.string().optional() }),
    },
    ({ note }) => ({ content: [{ type: "text", text: `extra_tool called${note ? `: ${note}` : ""}` }] }),
  );
  if (!host.isExtraToolEnabled()) extra.disable();

  server.registerTool(
    "toggle_extra_tool",
    {
      title: "Toggle extra tool",
      description: "Adds or removes `extra_tool` at runtime; the server sends notifications/tools/list_changed.",
      annotations: { idempotentHint: false },
    },
    () => {
      const enabled = host.toggleExtraTool();
      return { content: [{ type: "text", text: `extra_tool is now ${enabled ? "registered" : "removed"}.` }] };
    },
  );

  server.registerTool(
    "log_burst",
    {
      title: "Log burst",
      description: "Sends notifications/message at every logging level (debug … emergency).",
      inputSchema: z.object({ repeat: z.number().int().min(1).max(100).default(1) }),
    },
    async ({ repeat }, ctx) => {
      for (let round = 1; round <= repeat; round++) {
        for (const level of LOG_LEVELS) {
          await ctx.mcpReq.log(level, { message: `${level} message`, round }, "demo");
        }
      }
      return { content: [{ type: "text", text: `Sent ${repeat * LOG_LEVELS.length} log messages.` }] };
    },
  );

  return extra;
}
