import { lookup as dnsLookup } from "node:dns";
import { connect, isIP } from "node:net";
import type { IncomingMessage } from "node:http";
import { relayAddressRefusal, teamPolicyFromEnv, type TeamPolicy } from "../security/team";
import { decodeUpstreamHeaders, errorMessage, isRecord, RELAY_ERROR_HEADER, type RelayTarget } from "../../base";
import { diagnoseHttp, type DoctorReport, type HttpExchange, type HttpObservations } from "../../doctor";
import { relayTarget, type Lookup, type RelayAnswer } from "./relay";

/** How long one probe (TCP connect, an HTTP answer's first message) may take. */
export const DOCTOR_HTTP_WAIT_MS = 5000;
const BODY_SAMPLE_BYTES = 64 * 1024;
const CLIENT_INFO = { name: "mcp-lens-doctor", version: "1.0.0" };

export interface UrlProbeOptions {
  lookup?: Lookup;
  team?: TeamPolicy;
  signal?: AbortSignal;
  waitMs?: number;
}

/**
 * The doctor's probes of a URL, in order: parse, DNS (every address checked as the relay checks it),
 * TCP, then the HTTP requests of each transport and era, each sent through the relay's own
 * `relayTarget` (the same address rules, the same limits; docs/security.md §S11-12).
 */
export async function probeUrl(
  url: string,
  transport: "streamable-http" | "sse",
  headers: Record<string, string>,
  options: UrlProbeOptions = {},
): Promise<DoctorReport> {
  const { lookup = dnsLookup as unknown as Lookup, team = teamPolicyFromEnv(), waitMs = DOCTOR_HTTP_WAIT_MS } = options;
  const signal = options.signal ?? new AbortController().signal;
  const o: HttpObservations = { url, transport, parse: parseUrl(url) };
  if (!o.parse.ok) return diagnoseHttp(o);
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  o.dns = await resolve(host, lookup, team);
  if ("error" in o.dns) return diagnoseHttp(o);
  const port = Number(parsed.port || (parsed.protocol === "https:" ? 443 : 80));
  o.tcp = await tcpConnect(o.dns.addresses[0]!, port, waitMs);
  if (!o.tcp.ok) return diagnoseHttp(o);
  const send = (target: RelayTarget, body: string | undefined, until: Until) =>
    exchange(target, body, until, { signal, lookup, team, waitMs });
  const json = { "content-type": "application/json", accept: "application/json, text/event-stream" };
  const init = message("initialize", {
    protocolVersion: "2025-11-25",
    capabilities: {},
    clientInfo: CLIENT_INFO,
  });
  const discover = message("server/discover", {
    _meta: {
      "io.modelcontextprotocol/protocolVersion": "2026-07-28",
      "io.modelcontextprotocol/clientInfo": CLIENT_INFO,
      "io.modelcontextprotocol/clientCapabilities": {},
    },
  });
  const modern = { "mcp-protocol-version": "2026-07-28", "mcp-method": "server/discover" };
  [o.post2025, o.post2026, o.sseGet] = await Promise.all([
    send({ url, method: "POST", headers: { ...headers, ...json } }, init, "message"),
    send({ url, method: "POST", headers: { ...headers, ...json, ...modern } }, discover, "message"),
    send({ url, method: "GET", headers: { ...headers, accept: "text/event-stream" } }, undefined, "endpoint"),
  ]);
  // The initialize opened a session on a sessionful server: end it (DELETE), as a client does.
  const sessionId = o.post2025.sessionId;
  if (sessionId)
    await send(
      {
        url,
        method: "DELETE",
        headers: { ...headers, "mcp-session-id": sessionId, "mcp-protocol-version": "2025-11-25" },
      },
      undefined,
      "message",
    );
  return diagnoseHttp(o);
}

const message = (method: string, params: unknown) =>
  JSON.stringify({ jsonrpc: "2.0", id: `lens-doctor-${method}`, method, params });

function parseUrl(url: string): HttpObservations["parse"] {
  const text = url.trim();
  // `localhost:3000/mcp` parses, with `localhost:` as its scheme.
  const bare = /^[\w.-]+:\d+(\/|$)/.test(text) || /^[\w.-]+(\/|$)/.test(text);
  const noScheme = { ok: false as const, error: "no scheme", fix: `Add the scheme: http://${text} (or https://).` };
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return bare
      ? noScheme
      : { ok: false, error: "not a URL", fix: "Write the whole URL, for example http://127.0.0.1:3000/mcp." };
  }
  if (parsed.protocol === "http:" || parsed.protocol === "https:") return { ok: true };
  if (bare) return noScheme;
  return {
    ok: false,
    error: `scheme ${parsed.protocol} is not http: or https:`,
    fix: "Use an http:// or https:// URL.",
  };
}

async function resolve(
  host: string,
  lookup: Lookup,
  team: TeamPolicy | undefined,
): Promise<NonNullable<HttpObservations["dns"]>> {
  if (isIP(host)) {
    const refused = relayAddressRefusal(team, host, host);
    return refused ? { error: `refused: ${refused}`, refused: true } : { addresses: [host], literal: true };
  }
  return new Promise((done) =>
    lookup(host, { all: true }, (err, addresses) => {
      if (err || !addresses.length) return done({ error: `${host}: ${err?.code ?? "no address"}` });
      for (const a of addresses) {
        const refused = relayAddressRefusal(team, host, a.address);
        if (refused) return done({ error: `${host} resolves to ${a.address}: refused (${refused})`, refused: true });
      }
      done({ addresses: addresses.map((a) => a.address) });
    }),
  );
}

function tcpConnect(address: string, port: number, waitMs: number): Promise<NonNullable<HttpObservations["tcp"]>> {
  const started = Date.now();
  const where = `${isIP(address) === 6 ? `[${address}]` : address}:${port}`;
  return new Promise((done) => {
    const socket = connect({ host: address, port });
    const timer = setTimeout(() => {
      socket.destroy();
      done({ ok: false, error: `${where}: no answer within ${waitMs / 1000} s` });
    }, waitMs);
    socket.once("connect", () => {
      clearTimeout(timer);
      socket.destroy();
      done({ ok: true, address: where, ms: Date.now() - started });
    });
    socket.once("error", (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      done({ ok: false, error: `${where}: ${e.code ?? e.message}`, refused: e.code === "ECONNREFUSED" });
    });
  });
}

/** When a body has said enough: its first JSON-RPC message, or the SSE `endpoint` event. */
type Until = "message" | "endpoint";

async function exchange(
  target: RelayTarget,
  body: string | undefined,
  until: Until,
  opts: { signal: AbortSignal; lookup: Lookup; team: TeamPolicy | undefined; waitMs: number },
): Promise<HttpExchange> {
  const request = `${target.method} ${target.url}${body ? ` ${JSON.parse(body).method}` : ""}`;
  const abort = new AbortController();
  const stop = () => abort.abort();
  opts.signal.addEventListener("abort", stop, { once: true });
  const timer = setTimeout(stop, opts.waitMs);
  try {
    const answer = await relayTarget(
      target,
      body === undefined ? undefined : new TextEncoder().encode(body),
      abort.signal,
      opts.lookup,
      opts.team,
    );
    return await readAnswer(request, answer, until, opts.waitMs);
  } catch (e) {
    return { request, error: errorMessage(e) };
  } finally {
    clearTimeout(timer);
    opts.signal.removeEventListener("abort", stop);
    abort.abort();
  }
}

async function readAnswer(request: string, answer: RelayAnswer, until: Until, waitMs: number): Promise<HttpExchange> {
  const header = (name: string) => answer.headers.find(([n]) => n === name)?.[1];
  if (header(RELAY_ERROR_HEADER)) {
    const text = typeof answer.body === "string" ? answer.body : "{}";
    return { request, error: String((JSON.parse(text) as { error?: string }).error ?? `relay error ${answer.status}`) };
  }
  const upstream = decodeUpstreamHeaders(header("x-mcp-lens-upstream-headers") ?? null) ?? [];
  const up = (name: string) => upstream.find(([n]) => n === name)?.[1];
  const x: HttpExchange = { request, status: answer.status, contentType: up("content-type") };
  const sessionId = up("mcp-session-id");
  if (sessionId) x.sessionId = sessionId;
  const challenge = up("www-authenticate");
  if (challenge) x.wwwAuthenticate = challenge;
  if (typeof answer.body === "string") {
    const redirect = (JSON.parse(answer.body) as { redirect?: { status: number; location: string | null } }).redirect;
    if (redirect) {
      x.status = redirect.status;
      x.body = `redirect to ${redirect.location ?? "(no Location)"}`;
    }
    return x;
  }
  if (!answer.body) return x;
  const sse = (x.contentType ?? "").toLowerCase().startsWith("text/event-stream");
  const text = await readSample(answer.body, waitMs, (t) =>
    sse ? sseEvents(t).some((e) => (until === "endpoint" ? e.event === "endpoint" : e.data)) : false,
  );
  x.body = text.trim();
  if (sse) {
    x.events = sseEvents(text);
    const data = x.events.find((e) => e.event === "message" && e.data)?.data;
    if (data) x.message = parseMessage(data);
  } else x.message = parseMessage(text);
  return x;
}

/** Reads the body until `enough` says so, 64 KiB, its end or the time limit; then drops the connection. */
function readSample(body: IncomingMessage, waitMs: number, enough: (text: string) => boolean): Promise<string> {
  return new Promise((done) => {
    let text = "";
    const finish = () => {
      clearTimeout(timer);
      body.removeAllListeners("data");
      body.destroy();
      done(text);
    };
    const timer = setTimeout(finish, waitMs);
    body.setEncoding("utf8");
    body.on("data", (chunk: string) => {
      text += chunk;
      if (text.length >= BODY_SAMPLE_BYTES || enough(text)) finish();
    });
    body.once("end", finish);
    body.once("error", finish);
  });
}

/** The events of an SSE text so far (complete blocks only), with their name (`message` by default) and data. */
export function sseEvents(text: string): Array<{ event: string; data: string }> {
  const blocks = text.replace(/\r\n?/g, "\n").split("\n\n");
  blocks.pop(); // the last block is not complete yet
  return blocks.map((block) => {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith("event:")) event = line.slice(6).trim();
      else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
    }
    return { event, data: data.join("\n") };
  });
}

function parseMessage(text: string): unknown {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v[0] : isRecord(v) ? v : undefined;
  } catch {
    return undefined;
  }
}
