/**
 * Resource subscriptions for the demo server: `resources/subscribe` / `unsubscribe` in the 2025
 * era, and in 2026-07-28 the `subscriptions/listen` streams the SDK's serving entry keeps (it
 * delivers an update only to streams whose filter names the URI). `touch_resource` sends
 * `notifications/resources/updated` for a URI, as if the resource had changed.
 */
import type { McpServer } from "@modelcontextprotocol/server";
import * as z from "zod";

export function registerDemoSubscriptions(server: McpServer): void {
  const subscribed = new Set<string>();
  server.server.registerCapabilities({ resources: { subscribe: true } });
  server.server.setRequestHandler("resources/subscribe", (request) => {
    subscribed.add(request.params.uri);
    return {};
  });
  server.server.setRequestHandler("resources/unsubscribe", (request) => {
    subscribed.delete(request.params.uri);
    return {};
  });

  server.registerTool(
    "touch_resource",
    {
      title: "Touch a resource",
      description: "Sends notifications/resources/updated for the URI (to subscribers only).",
      inputSchema: z.object({ uri: z.string().describe("The resource URI, e.g. demo://docs/readme.md") }),
    },
    async ({ uri }) => {
      // 2026-07-28: the serving entry routes the notification to the listen streams that asked for it.
      const modern = server.server.getNegotiatedProtocolVersion()?.startsWith("2026") ?? false;
      const sent = modern || subscribed.has(uri);
      if (sent) await server.server.sendResourceUpdated({ uri });
      return {
        content: [
          { type: "text", text: sent ? `Sent an update for ${uri}.` : `No subscriber for ${uri}: nothing sent.` },
        ],
      };
    },
  );
}
