import { isRecord } from "../base";
import { reportOf, step, type DoctorReport, type DoctorStep } from "./types";

/** One HTTP request of the doctor and what came back (read from the relay's answer). */
export interface HttpExchange {
  /** What was sent, in one line: `POST http://127.0.0.1:3000/mcp initialize (2025-11-25)`. */
  request: string;
  status?: number;
  contentType?: string;
  wwwAuthenticate?: string;
  /** The start of the body, as text. */
  body?: string;
  /** The first JSON-RPC message of the body (a JSON body, or the first SSE `data:`). */
  message?: unknown;
  /** SSE events seen (name and data), for the legacy GET. */
  events?: Array<{ event: string; data: string }>;
  /** No answer: the network error or the relay's refusal. */
  error?: string;
  /** The `Mcp-Session-Id` the server gave (the probe ends that session). */
  sessionId?: string;
}

/** What the probes of a URL saw, step by step; a step left undefined was not run. */
export interface HttpObservations {
  url: string;
  transport: "streamable-http" | "sse";
  parse: { ok: true } | { ok: false; error: string; fix: string };
  dns?: { addresses: string[]; literal?: boolean } | { error: string; refused?: boolean };
  tcp?: { ok: true; address: string; ms: number } | { ok: false; error: string; refused?: boolean };
  post2025?: HttpExchange;
  post2026?: HttpExchange;
  sseGet?: HttpExchange;
}

const TRANSPORT_NAMES = { "streamable-http": "Streamable HTTP", sse: "legacy SSE" } as const;
export const HTML_FIX = "The URL serves an HTML page, not an MCP endpoint: is the path /mcp?";
export const NOT_FOUND_FIX =
  "Nothing answers at this path (HTTP 404): MCP endpoints are usually at /mcp (Streamable HTTP) or /sse (legacy SSE).";
export const AUTH_FIX =
  "The server requires authorization: add an Authorization header (for example a bearer token) to the connection.";
export const switchFix = (to: "streamable-http" | "sse") =>
  `This looks like a ${TRANSPORT_NAMES[to]} endpoint: switch the connection's transport to ${TRANSPORT_NAMES[to]}.`;

const essence = (type: string | undefined) => (type ?? "").split(";")[0]!.trim().toLowerCase();
const isAuth = (x: HttpExchange | undefined) => x?.status === 401 || (x?.status === 403 && Boolean(x.wwwAuthenticate));
const isHtml = (x: HttpExchange | undefined) => essence(x?.contentType) === "text/html";

/** The exchange's facts, one a line. */
export function exchangeEvidence(x: HttpExchange): string[] {
  const lines = [x.request];
  if (x.error) lines.push(`no answer: ${x.error}`);
  if (x.status !== undefined)
    lines.push(`HTTP ${x.status}${x.contentType ? ` · ${x.contentType}` : " · no content type"}`);
  if (x.wwwAuthenticate) lines.push(`WWW-Authenticate: ${x.wwwAuthenticate}`);
  const endpoint = x.events?.find((e) => e.event === "endpoint");
  if (endpoint) lines.push(`event: endpoint · data: ${endpoint.data}`);
  else if (x.body) lines.push(`body: ${x.body.length > 300 ? `${x.body.slice(0, 300)}…` : x.body}`);
  return lines;
}

/** The JSON-RPC result of an initialize or server/discover answer, when that is what came. */
function resultOf(x: HttpExchange | undefined): Record<string, unknown> | undefined {
  if (!x || x.status === undefined || x.status >= 300 || !isRecord(x.message)) return undefined;
  return isRecord(x.message.result) ? x.message.result : undefined;
}

function serverLine(result: Record<string, unknown>): string {
  const info = isRecord(result.serverInfo) ? result.serverInfo : {};
  const version = typeof result.protocolVersion === "string" ? ` · protocol ${result.protocolVersion}` : "";
  return `server: ${String(info.name ?? "unnamed")} ${String(info.version ?? "")}`.trimEnd() + version;
}

const streamableWorks = (o: HttpObservations) => Boolean(resultOf(o.post2025) || resultOf(o.post2026));
const sseWorks = (o: HttpObservations) =>
  o.sseGet?.status === 200 &&
  essence(o.sseGet.contentType) === "text/event-stream" &&
  Boolean(o.sseGet.events?.some((e) => e.event === "endpoint"));

/** Why an exchange is not an MCP answer, as the fix to try (the chosen transport's step). */
function fixFor(x: HttpExchange | undefined, other: boolean, to: "streamable-http" | "sse"): string {
  if (other) return switchFix(to);
  if (!x) return "Check the URL.";
  if (x.error) return "The HTTP request failed: check the scheme (http or https) and that this port serves HTTP.";
  if (isAuth(x)) return AUTH_FIX;
  if (isHtml(x)) return HTML_FIX;
  if (x.status === 404) return NOT_FOUND_FIX;
  if (x.status !== undefined && x.status >= 500)
    return `The server failed (HTTP ${x.status}): read the server's own log.`;
  return "The server answered, but not as an MCP server: check the URL's path and the connection's transport.";
}

/** The doctor's steps for a URL, judged from what the probes saw. Pure: see lib/server/bridge/doctorHttp.ts for the probes. */
export function diagnoseHttp(o: HttpObservations): DoctorReport {
  const steps: DoctorStep[] = [];
  const skipRest = (ids: Array<[string, string]>) => ids.forEach(([id, title]) => steps.push(step(id, title, "skip")));
  const LATER: Array<[string, string]> = [
    ["http", "HTTP status and content type"],
    ["streamable-2025", "Streamable HTTP: initialize (2025-11-25)"],
    ["streamable-2026", "Streamable HTTP: server/discover (2026-07-28)"],
    ["sse", "Legacy SSE: GET and the endpoint event"],
    ["auth", "Authorization challenge"],
  ];
  if (!o.parse.ok) {
    steps.push(step("parse", "Parse the URL", "fail", [o.url, o.parse.error], o.parse.fix));
    skipRest([["dns", "Resolve the host name (DNS)"], ["tcp", "Connect (TCP)"], ...LATER]);
    return reportOf(o.url, steps, "");
  }
  steps.push(step("parse", "Parse the URL", "pass", [o.url]));
  const dns = o.dns;
  if (!dns || "error" in dns) {
    const fix = dns?.refused
      ? "This address is never relayed (link-local, cloud metadata, or private in team mode): use the server's own address."
      : "The host name does not resolve: check its spelling, or use an IP address.";
    steps.push(step("dns", "Resolve the host name (DNS)", "fail", [dns?.error ?? "not run"], fix));
    skipRest([["tcp", "Connect (TCP)"], ...LATER]);
    return reportOf(o.url, steps, "");
  }
  steps.push(
    step(
      "dns",
      "Resolve the host name (DNS)",
      "pass",
      dns.literal ? [`an IP address: ${dns.addresses[0]}`] : dns.addresses,
    ),
  );
  const tcp = o.tcp;
  if (!tcp?.ok) {
    const fix = tcp?.refused
      ? "Nothing is listening on that port: start the server, or fix the port in the URL."
      : "The port did not accept a connection: check that the server runs and that no firewall is in the way.";
    steps.push(step("tcp", "Connect (TCP)", "fail", [tcp?.error ?? "not run"], fix));
    skipRest(LATER);
    return reportOf(o.url, steps, "");
  }
  steps.push(step("tcp", "Connect (TCP)", "pass", [`connected to ${tcp.address} in ${tcp.ms} ms`]));
  steps.push(...transportSteps(o));
  return reportOf(o.url, steps, `The server answers as ${TRANSPORT_NAMES[o.transport]}: the connection should work.`);
}

function transportSteps(o: HttpObservations): DoctorStep[] {
  const chosenSse = o.transport === "sse";
  const chosen = chosenSse ? o.sseGet : o.post2025;
  const works = { streamable: streamableWorks(o), sse: sseWorks(o) };
  const chosenWorks = chosenSse ? works.sse : works.streamable;
  const otherWorks = chosenSse ? works.streamable : works.sse;
  const other = chosenSse ? "streamable-http" : "sse";
  const steps: DoctorStep[] = [];

  // The chosen transport's first request: its status line and content type.
  const http = chosen ? exchangeEvidence(chosen) : ["not run"];
  if (chosenWorks || !chosen) steps.push(step("http", "HTTP status and content type", chosen ? "pass" : "skip", http));
  else if (chosen.error)
    steps.push(step("http", "HTTP status and content type", "fail", http, fixFor(chosen, false, other)));
  else if (otherWorks || isAuth(chosen)) steps.push(step("http", "HTTP status and content type", "warn", http));
  else if (isHtml(chosen) || (chosen.status ?? 0) >= 400)
    steps.push(step("http", "HTTP status and content type", "fail", http, fixFor(chosen, false, other)));
  else steps.push(step("http", "HTTP status and content type", "pass", http));

  // Each transport and each era; the other transport only informs, unless it is what works.
  const judged = (
    id: string,
    title: string,
    x: HttpExchange | undefined,
    ok: boolean,
    mine: boolean,
    extra?: string,
  ) => {
    if (!x) return step(id, title, "skip", ["not run"]);
    const evidence = exchangeEvidence(x);
    const result = resultOf(x);
    if (ok) return step(id, title, "pass", result ? [...evidence, serverLine(result)] : evidence);
    if (extra) evidence.push(extra);
    if (!mine) return step(id, title, chosenWorks ? "skip" : "warn", evidence);
    return step(id, title, "fail", evidence, fixFor(x, otherWorks, other));
  };
  const r2025 = Boolean(resultOf(o.post2025));
  const r2026 = Boolean(resultOf(o.post2026));
  steps.push(
    judged("streamable-2025", "Streamable HTTP: initialize (2025-11-25)", o.post2025, r2025, !chosenSse && !r2026),
  );
  steps.push(
    judged(
      "streamable-2026",
      "Streamable HTTP: server/discover (2026-07-28)",
      o.post2026,
      r2026,
      !chosenSse && !r2025,
      r2025 ? "the 2026-07-28 era is not spoken: the 2025-11-25 handshake is used" : undefined,
    ),
  );
  steps.push(judged("sse", "Legacy SSE: GET and the endpoint event", o.sseGet, works.sse, chosenSse));

  const challenged = [o.post2025, o.post2026, o.sseGet].find(isAuth);
  steps.push(
    challenged
      ? step(
          "auth",
          "Authorization challenge",
          "fail",
          [`HTTP ${challenged.status}`, `WWW-Authenticate: ${challenged.wwwAuthenticate ?? "(none sent)"}`],
          AUTH_FIX,
        )
      : step("auth", "Authorization challenge", "pass", ["no 401 and no WWW-Authenticate challenge"]),
  );
  // Authorization first: a 401 on every request is not a wrong transport.
  if (challenged) for (const s of steps) if (s.status === "fail" && s.id !== "auth") s.status = "warn";
  return steps;
}
