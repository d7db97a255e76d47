"use client";
import { useEffect, useState } from "react";
import { deleteConnection, saveBeforeConnect, saveConnection, saveConnectionCopy } from "@/lib/connections";
import { isBuiltIn, isDraft, type ConnectionsState } from "@/lib/connections";
import { readServerUrl, type Status } from "@/lib/base";
import {
  joinArgs,
  PROTOCOL_CHOICES,
  TRANSPORT_LABELS,
  splitArgs,
  type ConnectionConfig,
  type TransportKind,
} from "@/lib/base";
import type { SessionPool } from "@/lib/session";
import type { Store } from "@/lib/base";
import { useStore } from "../hooks/useStore";
import { IDLE_SESSION } from "../session/useRuntime";
import { ExportDialog } from "./ExportDialog";
import { ClientCapabilitySwitches } from "./ClientCapabilitySwitches";
import { ConfirmCommand } from "./ConfirmCommand";
import { Field } from "./Field";
import { HttpFields, StdioFields } from "./TargetFields";
import { usePaletteAction } from "../palette/hub";

const PROTOCOL_LABELS: Record<string, string> = {
  auto: "Auto (try 2026-07-28, fall back to initialize)",
  "2026-07-28": "2026-07-28 (stateless, server/discover)",
};

const FORM_READY = "mcp-lens:connection-form-ready";

/** The connection form: transport, target, protocol version, Connect / Disconnect. */
export function ConnectionForm({
  store,
  pool,
  loadPool,
  config,
}: {
  store: Store<ConnectionsState>;
  /** Undefined until the session runtime has loaded; `loadPool` waits for it. */
  pool?: SessionPool;
  loadPool: () => Promise<SessionPool>;
  config: ConnectionConfig;
}) {
  const [draft, setDraft] = useState<ConnectionConfig>(config);
  const [argsText, setArgsText] = useState(draft.transport === "stdio" ? joinArgs(draft.args) : "");
  /** A stdio command from outside waiting for the person's confirmation (docs/security.md, rule 6). */
  const [confirming, setConfirming] = useState<Extract<ConnectionConfig, { transport: "stdio" }>>();
  const [exporting, setExporting] = useState(false);
  const session = pool?.get(config);
  const { status } = useStore<{ status: Status }>(session?.store ?? IDLE_SESSION);
  const builtIn = isBuiltIn(store.get(), config.id);
  const unsaved = isDraft(store.get(), config.id);
  const live = status === "connected" || status === "connecting";
  // The first-load benchmark (scripts/bench-firstload.ts) counts the JavaScript fetched before this mark.
  useEffect(() => {
    if (performance.getEntriesByName(FORM_READY).length === 0) performance.mark(FORM_READY);
  }, []);

  const changeTransport = (transport: TransportKind) => {
    if (transport === draft.transport) return;
    const common = { id: draft.id, name: draft.name, protocol: draft.protocol, clientFeatures: draft.clientFeatures };
    setDraft(
      transport === "stdio"
        ? { ...common, transport, command: "", args: [], env: [], cwd: "" }
        : {
            ...common,
            transport,
            url: draft.transport === "stdio" ? "" : draft.url,
            headers: draft.transport === "stdio" ? [] : draft.headers,
            oauth: draft.transport === "stdio" ? undefined : draft.oauth,
          },
    );
  };
  // The roots edited in the drawer are saved with the connection (Save, Save as new, Connect).
  const current = (): ConnectionConfig => {
    const roots = session ? session.clientFeatures.roots.store.get().roots : (draft.roots ?? []);
    const withRoots = { ...draft, roots: roots.length > 0 ? roots : undefined };
    return withRoots.transport === "stdio" ? { ...withRoots, args: splitArgs(argsText) } : withRoots;
  };
  const [urlMessage, setUrlMessage] = useState<{ note?: string; error?: string }>({});
  /** The URL as typed, read (a missing scheme added, with a note); undefined when it cannot be used. */
  const readUrl = (): string | undefined => {
    if (draft.transport === "stdio") return "";
    const reading = readServerUrl(draft.url);
    if (!reading.ok) {
      setUrlMessage({ error: reading.error });
      return undefined;
    }
    setUrlMessage({ note: reading.note });
    if (reading.url !== draft.url) setDraft({ ...draft, url: reading.url });
    return reading.url;
  };
  const connect = () => {
    const url = readUrl();
    if (url === undefined) return;
    const typed = current();
    const next = typed.transport === "stdio" ? typed : { ...typed, url };
    if (next.transport === "stdio" && next.unconfirmed) return setConfirming(next);
    start(next);
  };
  const start = (next: ConnectionConfig) => {
    saveBeforeConnect(store, next);
    void loadPool().then((p) => p.get(next).connect(next));
  };
  const saveAsNew = () => saveConnectionCopy(store, current());
  // The command palette's connection actions: what the buttons below do.
  usePaletteAction("connection.connect", () => connect(), !live);
  usePaletteAction("connection.disconnect", () => void session?.disconnect(), live);
  usePaletteAction(
    "connection.reconnect",
    () => void session?.reconnect(),
    status !== "idle" && status !== "connecting",
  );
  usePaletteAction("config.export", () => setExporting(true));
  const confirmRun = () => {
    const { unconfirmed: _, ...confirmed } = confirming!;
    setConfirming(undefined);
    setDraft(confirmed);
    start(confirmed);
  };

  return (
    <form
      aria-label="Connection"
      className="space-y-3 border-t border-slate-200 p-4 text-sm dark:border-slate-800"
      onSubmit={(e) => {
        e.preventDefault();
        if (live) void session?.disconnect();
        else connect();
      }}
    >
      <Field label="Name">
        <input
          className="input w-full"
          value={draft.name}
          onChange={(e) => setDraft({ ...draft, name: e.target.value })}
        />
      </Field>
      <Field label="Transport">
        <select
          className="input w-full"
          value={draft.transport}
          onChange={(e) => changeTransport(e.target.value as TransportKind)}
        >
          {(Object.keys(TRANSPORT_LABELS) as TransportKind[]).map((t) => (
            <option key={t} value={t}>
              {TRANSPORT_LABELS[t]}
            </option>
          ))}
        </select>
      </Field>
      {draft.transport === "stdio" ? (
        <StdioFields config={draft} argsText={argsText} onArgsText={setArgsText} onChange={setDraft} />
      ) : (
        <HttpFields
          config={draft}
          urlMessage={urlMessage}
          onUrlMessage={setUrlMessage}
          onReadUrl={() => void readUrl()}
          onChange={setDraft}
        />
      )}
      <Field label="Protocol version">
        <select
          className="input w-full"
          value={draft.protocol}
          onChange={(e) => setDraft({ ...draft, protocol: e.target.value as ConnectionConfig["protocol"] })}
        >
          {PROTOCOL_CHOICES.map((p) => (
            <option key={p} value={p}>
              {PROTOCOL_LABELS[p] ?? `${p} (legacy, initialize)`}
            </option>
          ))}
        </select>
      </Field>
      <ClientCapabilitySwitches
        features={draft.clientFeatures}
        onChange={(clientFeatures) => setDraft({ ...draft, clientFeatures })}
      />
      {confirming && (
        <ConfirmCommand confirming={confirming} onRun={confirmRun} onCancel={() => setConfirming(undefined)} />
      )}
      {exporting && <ExportDialog config={current()} onClose={() => setExporting(false)} />}
      <button
        type="button"
        onClick={() => setExporting(true)}
        className="text-xs text-slate-600 underline hover:text-slate-900 dark:text-slate-400"
      >
        Export / copy as config…
      </button>
      {draft.transport === "stdio" && draft.unconfirmed && (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          Not confirmed yet: Connect shows the command first.
        </p>
      )}
      {draft.transport === "stdio" && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Runs on this machine as you, without a shell. Secret values are kept in memory only.
        </p>
      )}
      {/* Connect and Save stick to the bottom of the sidebar while a long form scrolls under them. */}
      <div className="sticky bottom-0 z-10 -mx-4 -mb-4 flex flex-wrap gap-2 border-t border-slate-200 bg-slate-50 px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
        <button
          type="submit"
          className={`rounded px-3 py-1.5 font-medium text-white ${live ? "bg-slate-600 hover:bg-slate-700" : "bg-indigo-600 hover:bg-indigo-700"}`}
        >
          {live ? "Disconnect" : "Connect"}
        </button>
        {builtIn ? (
          <button
            type="button"
            onClick={saveAsNew}
            className="rounded border border-slate-300 px-3 py-1.5 dark:border-slate-700"
          >
            Save as new
          </button>
        ) : (
          <>
            <button
              type="button"
              onClick={() => saveConnection(store, current())}
              className="rounded border border-slate-300 px-3 py-1.5 dark:border-slate-700"
            >
              Save
            </button>
            <button
              type="button"
              onClick={() => {
                void pool?.remove(config.id);
                deleteConnection(store, config.id);
              }}
              className="rounded px-3 py-1.5 text-red-600 dark:text-red-400 hover:bg-red-50 dark:hover:bg-red-950"
            >
              {unsaved ? "Discard" : "Delete"}
            </button>
          </>
        )}
      </div>
    </form>
  );
}
