import {
  AppBridge,
  buildAllowAttribute,
  PostMessageTransport,
  type McpUiHostContext,
  type McpUiResourcePermissions,
} from "@modelcontextprotocol/ext-apps/app-bridge";
import type { CallToolResult, Client, JSONRPCMessage, Tool } from "@modelcontextprotocol/client";
import { errorMessage } from "../base";
import type { TrafficLog } from "../traffic";
import type { AppResource } from "./detect";
import { viewReport, withViewReporter } from "./reporter";
import { FloodGate } from "./flood";
import { downloadablesOf, saveDownloads, type Downloadable } from "./download";
import { boundedHeight } from "./hostContext";
import { partialInputs } from "./partialInput";
import { appMessageProblem } from "./validate";

/**
 * MCP Lens as an MCP Apps host for one view (issue 15), on the ext-apps `AppBridge`: the view runs
 * in the sandbox page (`/app-sandbox`, framed with `sandbox="allow-scripts"`: an opaque origin, see
 * docs/security.md rule 20), gets its tool input and result, and what it asks of the server
 * (`tools/call`, `resources/read`…) goes through the live session's client, so it is logged like
 * any other request. Every postMessage between view and host is recorded in the same log, on the
 * `{ transport: "app" }` channel (`outgoing`: host → view), before the bridge parses it.
 */

export const APP_SANDBOX_URL = "/app-sandbox";
const HOST_INFO = { name: "MCP Lens", version: "0.1.0" };
/** A view that has not sent `ui/initialize` this long after its frame loads is reported. */
export const INIT_TIMEOUT_MS = 10_000;
/** Between two partial inputs, as a model's streamed arguments would arrive. */
const PARTIAL_INTERVAL_MS = 120;

export interface AppViewOptions {
  client: Client;
  log: TrafficLog;
  /** Names this view on its log channel (several views may run in one session). */
  viewId: string;
  tool: Tool;
  resource: Extract<AppResource, { ok: true }>;
  args: Record<string, unknown>;
  /** The tool call's result (or its failure), delivered once the view has initialized. */
  result: Promise<CallToolResult>;
  hostContext?: McpUiHostContext;
  /** Send the arguments as growing partial input (`tool-input-partial`) before the whole input. */
  streamInput?: boolean;
  /** Report a view that has not initialized after this long (ms, default INIT_TIMEOUT_MS). */
  initTimeoutMs?: number;
  /** The person's decision on a `ui/open-link` (default: refused). */
  confirmOpenLink?: (url: string) => Promise<boolean>;
  /** The person's decision on a `ui/download-file`, shown the files (default: refused). */
  confirmDownload?: (files: Downloadable[]) => Promise<boolean>;
  /** A `ui/message` or `ui/update-model-context`: what the model would see. */
  onModelInput?: (kind: "message" | "model-context", params: unknown) => void;
  onInitialized?: () => void;
  /** The view asked for a display mode and got it (`ui/request-display-mode`). */
  onDisplayMode?: (mode: "inline" | "fullscreen" | "pip") => void;
  /** A CSP violation or an error reported from inside the view (also an event in the log). */
  onProblem?: (message: string) => void;
  /** The height the view asked for (`ui/notifications/size-changed`), within bounds. */
  onSize?: (height: number) => void;
  /** The view has not initialized in time. */
  onStalled?: () => void;
  /** The view asked to be closed (`ui/notifications/request-teardown`). */
  onCloseRequest?: () => void;
}

/** The sandbox page's URL for a resource: its declared domains become the page's CSP (server side). */
export function sandboxUrl(resource: Extract<AppResource, { ok: true }>): string {
  return `${APP_SANDBOX_URL}?csp=${encodeURIComponent(JSON.stringify(resource.meta.csp))}`;
}

export class AppViewHost {
  readonly bridge: AppBridge;
  private removeListener = (): void => {};
  private closed = false;
  private initialized = false;
  private context: McpUiHostContext;
  private stallTimer: ReturnType<typeof setTimeout> | undefined;
  /** Problems have their own, smaller allowance: a view that floods them is not heard past it. */
  private readonly reports = new FloodGate(20);

  constructor(private readonly options: AppViewOptions) {
    const caps = options.client.getServerCapabilities();
    this.context = { ...options.hostContext, toolInfo: { tool: options.tool } };
    this.bridge = new AppBridge(
      onBehalfOfView(options.client, options.log, options.viewId),
      HOST_INFO,
      {
        openLinks: {},
        downloadFile: {},
        serverTools: caps?.tools,
        serverResources: caps?.resources,
        logging: {},
        // ui/message and ui/update-model-context are shown in "what the model would see".
        message: { text: {}, image: {}, audio: {}, resource: {}, resourceLink: {} },
        updateModelContext: { text: {}, image: {}, audio: {}, resource: {}, resourceLink: {}, structuredContent: {} },
        sandbox: { csp: options.resource.meta.csp, permissions: permissionsOf(options.resource) },
      },
      { hostContext: this.context },
    );
    this.bridge.onrequestdisplaymode = async ({ mode }) => {
      const available = this.context.availableDisplayModes ?? ["inline"];
      const granted = available.includes(mode) ? mode : (this.context.displayMode ?? "inline");
      this.setContext({ displayMode: granted });
      options.onDisplayMode?.(granted);
      return { mode: granted };
    };
    this.bridge.onopenlink = async ({ url }) => {
      const ok = /^https?:\/\//i.test(url) && (await (options.confirmOpenLink?.(url) ?? Promise.resolve(false)));
      if (ok) window.open(url, "_blank", "noopener,noreferrer");
      return ok ? {} : { isError: true };
    };
    this.bridge.ondownloadfile = async ({ contents }) => {
      const files = downloadablesOf(contents);
      const ok = files.some((f) => f.bytes) && (await (options.confirmDownload?.(files) ?? Promise.resolve(false)));
      if (ok) saveDownloads(files);
      return ok ? {} : { isError: true };
    };
    this.bridge.onmessage = async (params) => {
      options.onModelInput?.("message", params);
      return {};
    };
    this.bridge.onupdatemodelcontext = async (params) => {
      options.onModelInput?.("model-context", params);
      return {};
    };
    this.bridge.onrequestteardown = () => {
      this.options.log.event("app-view", "info", `MCP App view ${options.viewId} asked to be closed`);
      options.onCloseRequest?.();
    };
    this.bridge.onsizechange = ({ height }) => {
      const bounded = boundedHeight(height);
      if (!bounded) return;
      if (bounded.problem) this.problem(bounded.problem);
      options.onSize?.(bounded.height);
    };
  }

  /** Frame the sandbox page in `frame` and run the view in it. */
  async start(frame: HTMLIFrameElement): Promise<void> {
    const { log, viewId, resource, args, result } = this.options;
    const target = frame.contentWindow;
    if (!target) throw new Error("the view's frame is not in the page");
    const channel = { transport: "app" as const, view: viewId };
    const flood = new FloodGate();
    const onMessage = (event: MessageEvent) => {
      if (event.source !== target || this.closed) return;
      const report = viewReport(event.data);
      if (report) return this.problem(report.message);
      const admitted = flood.admit();
      if (admitted.report) this.reportFlood(admitted.report.dropped);
      if (!admitted.log) {
        // Past the limit the messages are not logged one by one; the first one left out says so at once.
        if (flood.pending === 1) this.reportFlood(0);
        return;
      }
      const { entry } = log.recordFrame("incoming", rawOf(event.data), channel);
      const problem = appMessageProblem(event.data);
      if (problem) entry.problem = entry.problem ? `${entry.problem}; ${problem}` : problem;
    };
    window.addEventListener("message", onMessage);
    this.removeListener = () => window.removeEventListener("message", onMessage);

    const transport = new PostMessageTransport(target, target);
    const send = transport.send.bind(transport);
    transport.send = (message: JSONRPCMessage, sendOptions) => {
      if (!this.closed) log.recordFrame("outgoing", rawOf(message), channel);
      return send(message, sendOptions);
    };

    this.bridge.onsandboxready = () => {
      void this.bridge.sendSandboxResourceReady({
        html: withViewReporter(resource.html),
        sandbox: "allow-scripts",
        csp: resource.meta.csp,
        permissions: permissionsOf(resource),
      });
    };
    this.bridge.oninitialized = () => {
      this.initialized = true;
      clearTimeout(this.stallTimer);
      this.options.onInitialized?.();
      void this.deliver(args, result);
    };
    await this.bridge.connect(transport);
    log.event("app-view", "info", `MCP App view ${resource.uri} started for ${this.options.tool.name}`);
    // A nested frame gets a feature only if every frame above it has it: the sandbox page's frame
    // is granted what the resource declares (and no more), so the view's inner frame can be too.
    frame.allow = buildAllowAttribute(permissionsOf(resource));
    frame.src = sandboxUrl(resource);
    const wait = this.options.initTimeoutMs ?? INIT_TIMEOUT_MS;
    this.stallTimer = setTimeout(() => {
      if (this.initialized || this.closed) return;
      this.problem(
        `has not initialized after ${wait / 1000} s: no ui/initialize came from it (is it built with the MCP Apps SDK, and did its script load? see the errors above)`,
      );
      this.options.onStalled?.();
    }, wait);
  }

  /** The tool's input (grown as partial input first when asked), then its result or its cancellation. */
  private async deliver(args: Record<string, unknown>, result: Promise<CallToolResult>): Promise<void> {
    if (this.options.streamInput)
      for (const partial of partialInputs(args)) {
        if (this.closed) return;
        await this.bridge.sendToolInputPartial({ arguments: partial });
        await new Promise((resolve) => setTimeout(resolve, PARTIAL_INTERVAL_MS));
      }
    if (this.closed) return;
    await this.bridge.sendToolInput({ arguments: args });
    await result.then(
      (r) => this.bridge.sendToolResult(r),
      (error: unknown) => this.bridge.sendToolCancelled({ reason: errorMessage(error) }),
    );
  }

  /** A problem of the view's: an event in the log and a line under the view. */
  private problem(message: string): void {
    if (!this.reports.admit().log) return;
    this.options.log.event("app-view-problem", "warn", `MCP App view ${this.options.viewId}: ${message}`);
    this.options.onProblem?.(message);
  }

  private reportFlood(dropped: number): void {
    this.problem(
      dropped
        ? `is flooding its host: ${dropped} more messages in one second were not logged one by one`
        : `is flooding its host: over 200 messages in one second; the rest of that second is not logged one by one`,
    );
  }

  /** Change the host context (theme, display mode, size, locale…): the view is told what changed. */
  setContext(patch: Partial<McpUiHostContext>): void {
    this.context = { ...this.context, ...patch };
    if (!this.closed) this.bridge.setHostContext(this.context);
  }

  /** Teardown: ask the view to clean up (briefly), then stop listening. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      await Promise.race([this.bridge.teardownResource({}), new Promise((resolve) => setTimeout(resolve, 500))]);
    } catch {
      // a view that does not answer teardown is closed all the same
    }
    this.closed = true;
    clearTimeout(this.stallTimer);
    this.removeListener();
    await this.bridge.close().catch(() => {});
  }
}

/**
 * The session's client as the bridge sees it: each request it forwards for the view marks the
 * outgoing frame in the log with the view's id (`FrameEntry.from`), so it is attributed to the view.
 */
function onBehalfOfView(client: Client, log: TrafficLog, viewId: string): Client {
  return new Proxy(client, {
    get(target, prop) {
      if (prop === "request")
        return (request: { method: string }, ...rest: unknown[]) => {
          log.onBehalfOf(viewId, request.method);
          return (target.request as (...a: unknown[]) => unknown)(request, ...rest);
        };
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function permissionsOf(resource: Extract<AppResource, { ok: true }>): McpUiResourcePermissions {
  return Object.fromEntries(resource.meta.permissions.map((p) => [p, {}])) as McpUiResourcePermissions;
}

function rawOf(data: unknown): string {
  if (typeof data === "string") return data;
  try {
    return JSON.stringify(data) ?? String(data);
  } catch {
    return String(data);
  }
}
