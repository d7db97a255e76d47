"use client";
import { handshakeSteps } from "@/lib/session";
import type { InspectorSession } from "@/lib/session";
import { CLIENT_CAPABILITY_HELP, SERVER_CAPABILITY_HELP } from "@/lib/session";
import { safeLinkUrl } from "@/lib/security";
import { ServerIcons } from "../results/ServerIcons";
import { useStore, useTrafficVersion } from "../hooks/useStore";
import { CapabilityTable } from "./CapabilityTable";
import { FramePair } from "./FramePair";

/** The handshake: what was tried, the request and result side by side, the server, and both sides' capabilities. */
export function HandshakeView({ session }: { session: InspectorSession }) {
  const s = useStore(session.store);
  useTrafficVersion(session.log);
  const steps = handshakeSteps(session.log);
  const main =
    [...steps].reverse().find((x) => x.method !== "notifications/initialized" && x.response?.rpc.type === "result") ??
    steps.find((x) => x.method !== "notifications/initialized");
  const info = s.serverInfo as
    (typeof s.serverInfo & { icons?: { src: string }[]; websiteUrl?: string; description?: string }) | undefined;

  if (s.status === "idle" && !s.recording)
    return (
      <p className="p-6 text-sm text-slate-600 dark:text-slate-400">
        Press Connect to start the handshake. Every message will appear here and in the traffic panel below.
      </p>
    );

  return (
    <div className="space-y-5 p-4 text-sm">
      <section aria-label="Negotiation">
        <h2 className="mb-1 font-semibold">Negotiation</h2>
        <p className="mb-2 text-slate-600 dark:text-slate-400">
          Asked for:{" "}
          <b>
            {s.config.protocol === "auto"
              ? "auto (2026-07-28 via server/discover, else the legacy initialize)"
              : s.config.protocol}
          </b>
          {s.protocolVersion && (
            <>
              {" "}
              · negotiated <b data-testid="handshake-version">{s.protocolVersion}</b> (
              {s.era === "modern" ? "stateless 2026-07-28 era" : "legacy initialize era"})
            </>
          )}
          {s.restartedAfterProbe && <> · the server exited on the probe and was restarted for initialize</>}
        </p>
        <ol className="list-decimal space-y-0.5 pl-5" aria-label="Handshake steps">
          {steps.map((step) => (
            <li key={step.request.seq}>
              <code className="mono">{step.method}</code>: {step.outcome}
              {step.response?.latencyMs !== undefined && (
                <span className="text-slate-600 dark:text-slate-400"> ({step.response.latencyMs.toFixed(1)} ms)</span>
              )}
            </li>
          ))}
        </ol>
      </section>

      {main && <FramePair title={main.method} request={main.request} response={main.response} />}

      {(s.status === "connected" || s.recording) && (
        <section aria-label="Server" className="space-y-1">
          <h2 className="font-semibold">Server</h2>
          <div className="flex items-center gap-2">
            <ServerIcons icons={info?.icons} relayFetch={session.relayFetch} label="Server icons" />
            <span data-testid="server-name" className="font-medium">
              {info?.name}
            </span>
            {info?.title && <span className="text-slate-600 dark:text-slate-400">“{info.title}”</span>}
            <span className="text-slate-600 dark:text-slate-400">version {info?.version}</span>
            {safeLinkUrl(info?.websiteUrl) && (
              <a
                className="text-indigo-600 dark:text-indigo-400 underline"
                href={safeLinkUrl(info?.websiteUrl)}
                target="_blank"
                rel="noopener noreferrer nofollow"
              >
                website
              </a>
            )}
          </div>
          {info?.description && <p>{info.description}</p>}
          {s.instructions && (
            <div>
              <h3 className="text-xs font-medium uppercase text-slate-600 dark:text-slate-400">Instructions</h3>
              <p className="whitespace-pre-wrap">{s.instructions}</p>
            </div>
          )}
        </section>
      )}

      {(s.status === "connected" || s.recording) && (
        <div className="grid gap-4 lg:grid-cols-2">
          <CapabilityTable
            title="Server capabilities"
            capabilities={s.serverCapabilities}
            help={SERVER_CAPABILITY_HELP}
          />
          <CapabilityTable
            title="Capabilities MCP Lens declared"
            capabilities={s.clientCapabilities}
            help={CLIENT_CAPABILITY_HELP}
          />
        </div>
      )}
    </div>
  );
}
