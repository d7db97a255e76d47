"use client";
import { useEffect, useState } from "react";
import { deleteConnection, saveBeforeConnect, saveConnection, saveConnectionCopy } from "@/lib/connections";
import { isBuiltIn, isDraft, type ConnectionsState } from "@/lib/connections";
import { CLIENT_FEATURES, featureOn, readServerUrl, type ClientFeature, type Status } from "@/lib/base";
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
import { commandLine } from "./ImportDialog";
import { AuthorizationFields } from "./AuthorizationFields";
import { KeyValueEditor } from "./KeyValueEditor";
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
        <>
          <Field label="Command">
            <input
              className="input mono w-full"
              value={draft.command}
              onChange={(e) => setDraft({ ...draft, command: e.target.value })}
              placeholder="npx"
            />
          </Field>
          <Field label="Arguments">
            <input
              className="input mono w-full"
              value={argsText}
              onChange={(e) => setArgsText(e.target.value)}
              placeholder="-y @modelcontextprotocol/server-everything"
            />
          </Field>
          <Field label="Working directory">
            <input
              className="input mono w-full"
              value={draft.cwd}
              onChange={(e) => setDraft({ ...draft, cwd: e.target.value })}
              placeholder="(inspector's directory)"
            />
          </Field>
          <KeyValueEditor
            label="Environment variables"
            namePlaceholder="NAME"
            pairs={draft.env}
            onChange={(env) => setDraft({ ...draft, env })}
          />
        </>
      ) : (
        <>
          <Field label="URL">
            <input
              className="input mono w-full"
              type="text"
              inputMode="url"
              spellCheck={false}
              autoComplete="url"
              value={draft.url}
              aria-invalid={urlMessage.error ? true : undefined}
              aria-describedby={urlMessage.error || urlMessage.note ? "connection-url-message" : undefined}
              onChange={(e) => {
                setDraft({ ...draft, url: e.target.value });
                if (urlMessage.error || urlMessage.note) setUrlMessage({});
              }}
              onBlur={() => draft.url.trim() && readUrl()}
              placeholder="http://127.0.0.1:3001/mcp"
            />
          </Field>
          {urlMessage.error ? (
            <p id="connection-url-message" role="alert" className="text-xs text-red-700 dark:text-red-400">
              {urlMessage.error}
            </p>
          ) : urlMessage.note ? (
            <p id="connection-url-message" className="text-xs text-slate-600 dark:text-slate-400">
              {urlMessage.note}
            </p>
          ) : null}
          <KeyValueEditor
            label="Headers"
            namePlaceholder="Header-Name"
            pairs={draft.headers}
            onChange={(headers) => setDraft({ ...draft, headers })}
          />
          {draft.transport === "streamable-http" && (
            <AuthorizationFields oauth={draft.oauth} onChange={(oauth) => setDraft({ ...draft, oauth })} />
          )}
        </>
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
        <div
          role="alertdialog"
          aria-label="Run this command?"
          className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950"
        >
          <p className="font-medium">Run this command?</p>
          <p className="text-xs">
            It came from outside MCP Lens (an imported file or the command line). It runs on this machine as you,
            without a shell:
          </p>
          <pre aria-label="Command to run" className="mono text-xs break-all whitespace-pre-wrap">
            {commandLine(confirming)}
          </pre>
          {confirming.cwd && <p className="mono text-xs break-all">in {confirming.cwd}</p>}
          {confirming.env.length > 0 && (
            <p className="mono text-xs break-all">environment: {confirming.env.map((e) => e.name).join(", ")}</p>
          )}
          <div className="flex gap-2">
            <button
              type="button"
              autoFocus
              onClick={confirmRun}
              className="rounded bg-amber-700 px-3 py-1 font-medium text-white hover:bg-amber-800"
            >
              Run this command
            </button>
            <button
              type="button"
              onClick={() => setConfirming(undefined)}
              className="rounded border border-slate-300 px-3 py-1 dark:border-slate-700"
            >
              Cancel
            </button>
          </div>
        </div>
      )}
      {exporting && <ExportDialog config={current()} onClose={() => setExporting(false)} />}
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
    </form>
  );
}

function Field({ label, children }: { label: string; children: React.ReactElement<{ id?: string }> }) {
  return (
    <label className="block space-y-1">
      <span className="text-xs font-medium text-slate-600 dark:text-slate-400">{label}</span>
      {children}
    </label>
  );
}

/**
 * One switch per client capability, all on by default. Folded away until asked for (the form stays
 * short, and only mounted when open); the button says how many are off.
 */
function ClientCapabilitySwitches({
  features,
  onChange,
}: {
  features: ConnectionConfig["clientFeatures"];
  onChange: (f: ConnectionConfig["clientFeatures"]) => void;
}) {
  const [open, setOpen] = useState(false);
  const off = CLIENT_FEATURES.filter((f) => !featureOn(features, f.key)).length;
  return (
    <div className="space-y-1">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="text-xs font-medium text-slate-600 hover:text-slate-900 dark:text-slate-400"
      >
        {open ? "▾" : "▸"} Client capabilities ({off ? `${off} switched off` : "all on"})
      </button>
      {open && (
        <fieldset className="space-y-1">
          <legend className="sr-only">Client capabilities (declared and answered)</legend>
          {CLIENT_FEATURES.map((f) => {
            const parentOff = f.requires !== undefined && !featureOn(features, f.requires);
            return (
              <label
                key={f.key}
                className={`flex items-center gap-2 text-xs ${f.requires ? "pl-5" : ""} ${parentOff ? "text-slate-600 dark:text-slate-400" : ""}`}
              >
                <input
                  type="checkbox"
                  checked={features?.[f.key] !== false}
                  disabled={parentOff}
                  onChange={(e) => onChange(switched(features, f.key, e.target.checked))}
                />
                {f.label}
              </label>
            );
          })}
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Takes effect on the next Connect. A switched-off capability is not declared, and the server&apos;s request
            for it gets an error.
          </p>
        </fieldset>
      )}
    </div>
  );
}

/** Switches stay sparse: only what is off is written. */
function switched(
  features: ConnectionConfig["clientFeatures"],
  key: ClientFeature,
  on: boolean,
): ConnectionConfig["clientFeatures"] {
  const next = { ...features };
  if (on) delete next[key];
  else next[key] = false;
  return Object.keys(next).length ? next : undefined;
}
