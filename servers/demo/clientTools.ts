/**
 * Demo tools that exercise the client side of MCP: URL elicitation with its completion
 * notification, a multi round-trip (elicitation, then sampling, with requestState), roots, and a
 * careless probe that sends server→client requests without checking the client's capabilities.
 * `ctx.mcpReq.envelope` is present only on 2026-07-28 requests: that is how a handler tells the eras apart.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { inputRequired, inputResponse, type McpServer, type ServerContext } from "@modelcontextprotocol/server";
import * as z from "zod";

const text = (t: string, isError = false) => ({
  content: [{ type: "text" as const, text: t }],
  ...(isError && { isError }),
});
const isModern = (ctx: ServerContext): boolean => ctx.mcpReq.envelope !== undefined;
const errorText = (error: unknown): string => {
  const e = error as { code?: unknown; message?: unknown };
  return `${typeof e.code === "number" ? `error ${e.code}: ` : ""}${String(e.message ?? error)}`;
};

export function registerClientTools(server: McpServer): void {
  let rootsChanges = 0;
  server.server.setNotificationHandler("notifications/roots/list_changed", () => void rootsChanges++);

  server.registerTool(
    "open_link",
    {
      title: "Open a link (URL elicitation)",
      description:
        "Asks the user to open a URL (elicitation/create, mode url). In the 2025 era it then sends notifications/elicitation/complete after `completeAfterMs`; in 2026-07-28 it is a multi round-trip.",
      inputSchema: z.object({
        url: z.string().default("https://modelcontextprotocol.io/specification"),
        message: z.string().default("Open this page to finish connecting your account."),
        completeAfterMs: z.number().int().min(0).max(60_000).default(500),
      }),
    },
    async ({ url, message, completeAfterMs }, ctx) => {
      if (isModern(ctx)) {
        const answer = inputResponse(ctx.mcpReq.inputResponses, "link");
        if (answer.kind !== "elicit")
          return inputRequired({ inputRequests: { link: inputRequired.elicitUrl({ message, url }) } });
        return text(
          `User ${answer.action === "accept" ? "accepted" : answer.action === "decline" ? "declined" : "cancelled"} opening ${url}.`,
        );
      }
      const elicitationId = randomUUID();
      const answer = await ctx.mcpReq.send(
        { method: "elicitation/create", params: { mode: "url", message, url, elicitationId } },
        { timeout: 600_000 },
      );
      if (answer.action !== "accept")
        return text(`User ${answer.action === "decline" ? "declined" : "cancelled"} opening ${url}.`);
      await sleep(completeAfterMs, undefined, { signal: ctx.mcpReq.signal });
      await ctx.mcpReq.notify({ method: "notifications/elicitation/complete", params: { elicitationId } });
      return text(`User accepted; sent notifications/elicitation/complete for ${elicitationId}.`);
    },
  );

  server.registerTool(
    "plan_trip",
    {
      title: "Plan a trip (multi round-trip)",
      description:
        "Two rounds of client input: a form elicitation for the destination, then a sampling request about it. Round two carries the destination in requestState (2026-07-28 multi round-trip; the SDK's legacy shim sends real requests in the 2025 era).",
    },
    (ctx) => {
      const state = ctx.mcpReq.requestState<string>();
      if (state === undefined) {
        const where = inputResponse(ctx.mcpReq.inputResponses, "destination");
        if (where.kind !== "elicit") {
          return inputRequired({
            inputRequests: {
              destination: inputRequired.elicit({
                mode: "form",
                message: "Where to?",
                requestedSchema: {
                  type: "object",
                  properties: {
                    city: { type: "string", title: "City", minLength: 1 },
                    nights: { type: "integer", title: "Nights", minimum: 1, maximum: 30, default: 3 },
                  },
                  required: ["city"],
                },
              }),
            },
          });
        }
        if (where.action !== "accept")
          return text(`Trip planning ${where.action === "decline" ? "declined" : "cancelled"}.`);
        const city = String(where.content?.city ?? "");
        const nights = Number(where.content?.nights ?? 3);
        return inputRequired({
          requestState: JSON.stringify({ city, nights }),
          inputRequests: {
            ideas: inputRequired.createMessage({
              messages: [
                { role: "user", content: { type: "text", text: `Suggest a plan for ${nights} nights in ${city}.` } },
              ],
              systemPrompt: "You are a travel planner.",
              maxTokens: 200,
            }),
          },
        });
      }
      const { city, nights } = JSON.parse(state) as { city: string; nights: number };
      const ideas = inputResponse(ctx.mcpReq.inputResponses, "ideas");
      if (ideas.kind !== "sampling") return text(`No plan for ${city}: the sampling answer is missing.`, true);
      const blocks = Array.isArray(ideas.result.content) ? ideas.result.content : [ideas.result.content];
      const plan = blocks.map((b) => (b.type === "text" ? b.text : `[${b.type}]`)).join("\n");
      return text(`${nights} nights in ${city}: ${plan}`);
    },
  );

  server.registerTool(
    "sample_with_tools",
    {
      title: "Sampling with tools",
      description:
        "Sends a sampling request offering a get_weather tool (2025-11-25 sampling with tools) and reports whether the model answered with text or a tool_use.",
      inputSchema: z.object({
        city: z.string().default("Paris"),
        toolChoice: z.enum(["auto", "required", "none"]).default("auto"),
      }),
    },
    ({ city, toolChoice }, ctx) => {
      const answer = inputResponse(ctx.mcpReq.inputResponses, "weather");
      if (answer.kind !== "sampling") {
        return inputRequired({
          inputRequests: {
            weather: inputRequired.createMessage({
              messages: [{ role: "user", content: { type: "text", text: `What is the weather in ${city}?` } }],
              maxTokens: 100,
              tools: [
                {
                  name: "get_weather",
                  description: "Current weather for a city",
                  inputSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
                },
              ],
              toolChoice: { mode: toolChoice },
            }),
          },
        });
      }
      const blocks = Array.isArray(answer.result.content) ? answer.result.content : [answer.result.content];
      const parts = blocks.map((b) =>
        b.type === "tool_use"
          ? `tool_use ${b.name}(${JSON.stringify(b.input)})`
          : b.type === "text"
            ? `text: ${b.text}`
            : b.type,
      );
      return text(`stopReason ${answer.result.stopReason ?? "?"}; ${parts.join("; ")}`);
    },
  );

  server.registerTool(
    "list_roots",
    {
      title: "List the client's roots",
      description:
        "Asks the client for its roots (roots/list; in 2026-07-28 an input request) and reports them, with how many notifications/roots/list_changed this server has received.",
      annotations: { readOnlyHint: true },
    },
    async (ctx) => {
      let roots: { uri: string; name?: string }[];
      if (isModern(ctx)) {
        const answer = inputResponse(ctx.mcpReq.inputResponses, "roots");
        if (answer.kind !== "roots") return inputRequired({ inputRequests: { roots: inputRequired.listRoots() } });
        roots = answer.roots;
      } else {
        try {
          // Sent without checking the client's capabilities, as many servers do: the client's answer is the test.
          roots = (await ctx.mcpReq.send({ method: "roots/list" })).roots;
        } catch (error) {
          return text(`roots/list failed: ${errorText(error)}`, true);
        }
      }
      const lines = roots.map((r) => `${r.uri}${r.name ? ` (${r.name})` : ""}`);
      return text(
        `${roots.length} root(s)${lines.length ? `:\n${lines.join("\n")}` : ""}\nlist_changed received: ${rootsChanges}`,
      );
    },
  );

  server.registerTool(
    "probe_client",
    {
      title: "Probe the client (2025 era)",
      description:
        "Sends one server→client request without checking the client's declared capabilities and reports the answer or error: shows whether a client answers only what it declared.",
      inputSchema: z.object({ request: z.enum(["sampling", "elicitation", "roots", "ping"]) }),
    },
    async ({ request }, ctx) => {
      if (isModern(ctx)) return text("2026-07-28 has no server→client requests; use plan_trip or list_roots.", true);
      try {
        const result =
          request === "sampling"
            ? await ctx.mcpReq.send({
                method: "sampling/createMessage",
                params: { messages: [{ role: "user", content: { type: "text", text: "probe" } }], maxTokens: 16 },
              })
            : request === "elicitation"
              ? await ctx.mcpReq.send({
                  method: "elicitation/create",
                  params: { mode: "form", message: "probe", requestedSchema: { type: "object", properties: {} } },
                })
              : request === "roots"
                ? await ctx.mcpReq.send({ method: "roots/list" })
                : await ctx.mcpReq.send({ method: "ping" });
        return text(`answered: ${JSON.stringify(result)}`);
      } catch (error) {
        return text(`not answered: ${errorText(error)}`, true);
      }
    },
  );
}
