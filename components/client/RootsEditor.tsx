"use client";
import { useState } from "react";
import type { Root } from "@modelcontextprotocol/client";
import { rootUriFromInput, type RootCheck, type RootsList } from "@/lib/client";
import { useStore } from "../hooks/useStore";
import { button, clock, danger, primary } from "./ui";

/** The roots MCP Lens offers servers: roots/list is answered from this list; each change is notified. */
export function RootsEditor({ roots }: { roots: RootsList }) {
  const state = useStore(roots.store);
  const [uri, setUri] = useState("");
  const [name, setName] = useState("");
  const [check, setCheck] = useState<RootCheck>();
  const add = () => {
    const result = roots.add({ uri: rootUriFromInput(uri), name });
    setCheck(result);
    if (!result.error) {
      setUri("");
      setName("");
    }
  };
  return (
    <div className="space-y-3 text-sm">
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="roots-listed">
        {state.listed
          ? `The server asked for the roots list (roots/list) ${state.listed.count} time${state.listed.count === 1 ? "" : "s"}, last at ${clock(state.listed.at)}.`
          : "The server has not asked for the roots list (roots/list) yet."}
      </p>
      {state.lastNotice && (
        <p
          role="status"
          aria-label="Last roots notice"
          className={`text-xs ${state.lastNotice.sent ? "text-emerald-700 dark:text-emerald-400" : "text-amber-700 dark:text-amber-400"}`}
        >
          {clock(state.lastNotice.at)}: {state.lastNotice.detail}
        </p>
      )}
      {state.roots.length === 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">No roots: roots/list answers an empty list.</p>
      ) : (
        <ol aria-label="Roots list" className="space-y-1">
          {state.roots.map((r, i) => (
            <RootRow key={`${i}:${r.uri}:${r.name ?? ""}`} index={i} root={r} roots={roots} />
          ))}
        </ol>
      )}
      <div className="flex flex-wrap items-end gap-2">
        <label className="block flex-1 text-xs">
          New root URI
          <input
            className="input mono mt-1 block w-full"
            value={uri}
            placeholder="file:///home/me/project or /home/me/project"
            onChange={(e) => setUri(e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && add()}
          />
        </label>
        <label className="block text-xs">
          New root name
          <input
            className="input mt-1 block"
            value={name}
            placeholder="(optional)"
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === "Enter" && add()}
          />
        </label>
        <button type="button" className={primary} onClick={add} disabled={!uri.trim()}>
          Add root
        </button>
      </div>
      <CheckText check={check} />
    </div>
  );
}

function RootRow({ index, root, roots }: { index: number; root: Root; roots: RootsList }) {
  const [uri, setUri] = useState(root.uri);
  const [name, setName] = useState(root.name ?? "");
  const [check, setCheck] = useState<RootCheck>();
  const n = index + 1;
  const changed = uri !== root.uri || name !== (root.name ?? "");
  return (
    <li className="space-y-1">
      <div className="flex flex-wrap items-center gap-2">
        <input
          aria-label={`Root ${n} URI`}
          className="input mono min-w-0 flex-1"
          value={uri}
          onChange={(e) => setUri(e.target.value)}
        />
        <input
          aria-label={`Root ${n} name`}
          className="input w-40"
          value={name}
          placeholder="(no name)"
          onChange={(e) => setName(e.target.value)}
        />
        <button
          type="button"
          className={button}
          disabled={!changed}
          onClick={() => setCheck(roots.update(index, { uri: rootUriFromInput(uri), name }))}
        >
          Save root {n}
        </button>
        <button type="button" className={danger} onClick={() => roots.remove(index)}>
          Remove root {n}
        </button>
      </div>
      <CheckText check={check} />
    </li>
  );
}

function CheckText({ check }: { check?: RootCheck }) {
  if (check?.error)
    return (
      <p role="alert" className="text-xs text-red-700 dark:text-red-400">
        {check.error}
      </p>
    );
  if (check?.warning)
    return (
      <p role="note" className="text-xs text-amber-700 dark:text-amber-400">
        {check.warning}
      </p>
    );
  return null;
}
