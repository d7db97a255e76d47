/**
 * Plain-language explanations of an MCP App view's postMessage traffic (the `app` channel): the
 * `ui/*` methods of the MCP Apps extension (spec 2026-01-26, `@modelcontextprotocol/ext-apps`), and
 * MCP methods a view sends its host to be forwarded to the server. Used by explain.ts.
 */
import type { FrameEntry, RpcInfo, TrafficEntry } from "../traffic";
import { formatId, formatMs } from "../traffic";

export interface AppExplanation {
  title: string;
  text: string;
  specUrl: string;
}

export const APPS_SPEC_URL =
  "https://github.com/modelcontextprotocol/ext-apps/blob/main/specification/2026-01-26/apps.mdx";

const VIEW = "the MCP App view (in its sandboxed frame)";
const HOST = "MCP Lens, the view's host";
const PANEL = "MCP Lens has no chat: it shows this in the “what the model would see” panel.";

interface AppGuide {
  what: string;
  by: "view" | "host";
  role: string;
  result?: string;
}

const APP_GUIDES: Record<string, AppGuide> = {
  "ui/initialize": {
    what: "the view's handshake",
    by: "view",
    role: "The first request of a view once loaded: the MCP Apps protocolVersion it speaks, its appInfo and appCapabilities. The host sends the view nothing about the tool call before answering it.",
    result:
      "The host's half of the view handshake: the MCP Apps protocolVersion, hostInfo, hostCapabilities (what the view may ask for: links, messages, model context, the server's tools and resources) and the hostContext to render for (theme, display mode, container size, locale, time zone, platform).",
  },
  "ui/notifications/initialized": {
    what: "the view is ready",
    by: "view",
    role: "The view tells its host the handshake is done: only now does the host send the tool's input and result.",
  },
  "ui/notifications/tool-input": {
    what: "the tool's arguments",
    by: "host",
    role: "The complete arguments of the tool call this view belongs to, sent once after the handshake, so the view can show what was asked.",
  },
  "ui/notifications/tool-input-partial": {
    what: "arguments still streaming",
    by: "host",
    role: "Arguments of the tool call while the model is still writing them (incomplete JSON made whole): the view may preview them; the complete tool-input follows.",
  },
  "ui/notifications/tool-result": {
    what: "the tool's result",
    by: "host",
    role: "The result of the tool call (the server's CallToolResult: content, structuredContent, _meta), for the view to render.",
  },
  "ui/notifications/tool-cancelled": {
    what: "the tool call was cancelled",
    by: "host",
    role: "The tool call was cancelled (by the person, an error, the host) and no result will come: the view should stop waiting for one.",
  },
  "ui/notifications/host-context-changed": {
    what: "the host context changed",
    by: "host",
    role: "Part of the host context changed (theme, display mode, container size, locale…): only the changed fields are sent, and the view merges them and renders again. MCP Lens sends it when you change the host context panel.",
  },
  "ui/notifications/size-changed": {
    what: "the view's size changed",
    by: "view",
    role: "The view's content has a new size (width and height in pixels): the host may resize the frame to fit, within its own bounds (MCP Lens honours it within limits).",
  },
  "ui/resource-teardown": {
    what: "the view is about to close",
    by: "host",
    role: "The host is about to remove the view: the view may save its state and clean up, and answers (with an empty result) when it is done; then the frame is removed.",
  },
  "ui/notifications/request-teardown": {
    what: "the view asks to be closed",
    by: "view",
    role: "The view asks its host to close it; the host decides, and closes it with ui/resource-teardown.",
  },
  "ui/open-link": {
    what: "open a link",
    by: "view",
    role: "The view asks its host to open a URL in the person's browser (a sandboxed view cannot navigate or open windows itself). A host should ask the person first: MCP Lens shows the full URL and opens only http and https links, after a click. A result with isError means the host did not open it.",
  },
  "ui/message": {
    what: "a message for the conversation",
    by: "view",
    role: `The view asks its host to add a message to the conversation, as if the person wrote it, which the model would then answer. ${PANEL}`,
  },
  "ui/update-model-context": {
    what: "context for the model",
    by: "view",
    role: `The view sets what the model should know at its next turn (content blocks or structuredContent), without asking for a reply; each update replaces the last. ${PANEL}`,
  },
  "ui/request-display-mode": {
    what: "another display mode",
    by: "view",
    role: "The view asks for another display mode (inline, fullscreen or pip). The host answers with the mode it actually set, which may differ, and tells the view of the change in its host context.",
  },
  "ui/download-file": {
    what: "download a file",
    by: "view",
    role: "The view asks its host to download a file for the person (a sandboxed view cannot), given as embedded or linked resources; a host should ask the person first.",
  },
  "ui/notifications/sandbox-proxy-ready": {
    what: "the sandbox is ready",
    by: "view",
    role: "Web hosts only: the sandbox page (framed in an origin that is never the host's own) says it is loaded and ready to receive the view's HTML.",
  },
  "ui/notifications/sandbox-resource-ready": {
    what: "the view's HTML for the sandbox",
    by: "host",
    role: "Web hosts only: the host sends the view's HTML (with its CSP and permissions) to the sandbox page, which loads it into the view's own frame.",
  },
};

/** The `ui/*` methods with a written explanation. */
export function knownAppMethods(): string[] {
  return Object.keys(APP_GUIDES);
}

/** Explain a request, notification or response on an MCP App view's channel; undefined for other frames. */
export function explainAppFrame(entry: FrameEntry, entries: readonly TrafficEntry[]): AppExplanation | undefined {
  if (entry.channel.transport !== "app") return undefined;
  const view = entry.channel.view;
  const { rpc } = entry;
  const fromView = entry.direction === "incoming";
  const sender = fromView ? VIEW : HOST;
  const where = `A postMessage of view ${view}, from ${sender}.`;
  if (rpc.type === "request" || rpc.type === "notification") {
    const guide = APP_GUIDES[rpc.method];
    const parts = [guide ? guide.role : forwarded(rpc.method, fromView)];
    if (guide && (guide.by === "view") !== fromView)
      parts.push(`Unusual: this method is normally sent by ${guide.by === "view" ? VIEW : HOST}.`);
    parts.push(where);
    if (rpc.type === "notification") parts.push("A notification: one-way, never answered.");
    else parts.push(answered(entry, rpc.id, entries, fromView));
    return {
      title: guide ? `${rpc.method}: ${guide.what}` : rpc.method,
      text: parts.join(" "),
      specUrl: APPS_SPEC_URL,
    };
  }
  if (rpc.type !== "result" && rpc.type !== "error") return undefined;
  const request = entry.pairedSeq === undefined ? undefined : entries[entry.pairedSeq];
  const method = request?.kind === "frame" && request.rpc.type === "request" ? request.rpc.method : undefined;
  const id = rpc.id === null ? "null" : formatId(rpc.id);
  const pairing = request
    ? `It answers ${method ?? "the request"} id ${id}, sent as #${request.seq}${entry.latencyMs === undefined ? "" : `, ${formatMs(entry.latencyMs)} earlier`}.`
    : `No request with id ${id} is on this view's channel.`;
  const said = rpc.type === "error" ? ` Error ${rpc.code}${rpc.message ? `: “${rpc.message}”` : ""}.` : "";
  const guide = method === undefined ? undefined : APP_GUIDES[method];
  const what = rpc.type === "error" ? "An error answer" : "A result";
  const text = [`${what} from ${sender}.${said}`, rpc.type === "result" ? (guide?.result ?? "") : "", pairing, where];
  return {
    title: `${rpc.type === "error" ? `Error ${rpc.code}` : "Result"}${method ? ` of ${method}` : ""} (app view)`,
    text: text.filter(Boolean).join(" "),
    specUrl: APPS_SPEC_URL,
  };
}

/** An MCP method on the view's channel: the host forwards a view's request to the server. */
function forwarded(method: string, fromView: boolean): string {
  if (!method.startsWith("ui/") && fromView)
    return `The view asks its host for ${method}, an MCP method: the host forwards it to the server over the live session (that request, on the client's lane, is marked “for app view”) and passes the server's answer back to the view. A host forwards only what it allows the view to use (tools/call, resources/read and the like).`;
  if (!method.startsWith("ui/")) return `${method}, an MCP method, sent by the host to the view.`;
  return `MCP Lens has no explanation for ${method}: it is not a method of the MCP Apps extension (2026-01-26), so it may be a newer or vendor method, or a typo.`;
}

function answered(
  entry: FrameEntry,
  id: Extract<RpcInfo, { type: "request" }>["id"],
  entries: readonly TrafficEntry[],
  fromView: boolean,
): string {
  const answer = entry.pairedSeq === undefined ? undefined : entries[entry.pairedSeq];
  const ask = `A request with id ${formatId(id)}: ${fromView ? "the host" : "the view"} must answer it once, with the same id (the view's ids are its own, apart from the server's).`;
  if (answer?.kind !== "frame") return `${ask} No answer has been recorded yet.`;
  const late = answer.latencyMs === undefined ? "" : ` after ${formatMs(answer.latencyMs)}`;
  return `${ask} It was answered by #${answer.seq}${late}${answer.rpc.type === "error" ? ", with an error" : ""}.`;
}
