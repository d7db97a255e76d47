"use client";
import { useMemo, useState } from "react";
import { diffSessions, type JsonChange, type ListDiff, type SessionDiff } from "@/lib/inspect";
import type { InspectorSession } from "@/lib/session";
import { useStore } from "../hooks/useStore";

export interface DiffCandidate {
  id: string;
  name: string;
  session: InspectorSession;
}

/** Compare this session with another (live or a recording): capabilities, lists, message sequence. */
export function DiffView({ session, candidates }: { session: InspectorSession; candidates: DiffCandidate[] }) {
  const [otherId, setOtherId] = useState<string>();
  const other = candidates.find((c) => c.id === otherId);
  const mine = useStore(session.store);
  const theirs = useStore(other?.session.store ?? session.store);
  const diff = useMemo(
    () =>
      other ? diffSessions({ state: mine, log: session.log }, { state: theirs, log: other.session.log }) : undefined,
    [other, mine, theirs, session.log],
  );
  const mineName = mine.config.name;
  return (
    <section aria-label="Compare sessions" className="space-y-3 p-4 text-sm">
      <p className="text-slate-700 dark:text-slate-300">
        Compares what this session negotiated and listed, and the order of its messages, with another connection of this
        page (connected at least once) or an opened recording: a server before and after a change, or two protocol
        versions side by side.
      </p>
      <label className="flex items-center gap-2">
        Compare with
        <select
          aria-label="Compare with"
          className="input"
          value={otherId ?? ""}
          onChange={(e) => setOtherId(e.target.value || undefined)}
        >
          <option value="">(choose a connection or recording)</option>
          {candidates.map((c) => {
            const usable = hasSomethingToCompare(c.session);
            return (
              <option key={c.id} value={c.id} disabled={!usable}>
                {c.name}
                {usable
                  ? ""
                  : ` (${c.session.store.get().status === "failed" ? "failed" : "not connected"}: nothing to compare)`}
              </option>
            );
          })}
        </select>
      </label>
      {!diff && (
        <p className="text-slate-600 dark:text-slate-400">
          {candidates.some((c) => hasSomethingToCompare(c.session))
            ? "Choose the other side above."
            : "Nothing to compare with yet: connect another connection (or this one to another server) or open a recording, then come back."}
        </p>
      )}
      {diff && other && (
        <>
          <p role="note" aria-label="Sides" className="text-xs text-slate-700 dark:text-slate-300">
            <b>Before</b> (−, removed): this session, <span className="mono">{mineName}</span>. <b>After</b> (+, added):{" "}
            <span className="mono">{other.name}</span>. “Added” is in {other.name} and not here.
          </p>
          <DiffReport diff={diff} />
        </>
      )}
    </section>
  );
}

/** A connection that negotiated something (now or before it failed) or a recording: there is a side to compare. */
function hasSomethingToCompare(session: InspectorSession): boolean {
  const s = session.store.get();
  return s.protocolVersion !== undefined || s.recording !== undefined;
}

function DiffReport({ diff }: { diff: SessionDiff }) {
  return (
    <div className="space-y-3">
      <Changes title="Server capabilities" changes={diff.capabilities} />
      <Listing title="Tools" list={diff.tools} name={(t) => t.name} />
      <Listing title="Resources" list={diff.resources} name={(r) => r.uri} />
      <Listing title="Prompts" list={diff.prompts} name={(p) => p.name} />
      <section aria-label="Message sequence">
        <h3 className="font-semibold">Message sequence{diff.sequence.approximate && " (approximate)"}</h3>
        <ol className="mono text-xs">
          {diff.sequence.runs.flatMap((run, r) =>
            run.steps.slice(0, 200).map((step, i) => (
              <li
                key={`${r}-${i}`}
                className={
                  run.op === "added"
                    ? "text-emerald-700 dark:text-emerald-400"
                    : run.op === "removed"
                      ? "text-red-700 dark:text-red-400"
                      : "text-slate-600 dark:text-slate-400"
                }
              >
                {run.op === "added" ? "+" : run.op === "removed" ? "−" : " "}{" "}
                {step.direction === "outgoing" ? "→" : "←"} {step.what} {step.method}
              </li>
            )),
          )}
        </ol>
      </section>
    </div>
  );
}

function Changes({ title, changes }: { title: string; changes: JsonChange[] }) {
  return (
    <section aria-label={title}>
      <h3 className="font-semibold">{title}</h3>
      {changes.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">No differences.</p>
      ) : (
        <ul className="mono text-xs">
          {changes.map((c) => (
            <li key={c.path}>
              {c.change} <b>{c.path || "(root)"}</b>
              {c.change !== "added" && ` was ${short(c.before)}`}
              {c.change !== "removed" && ` now ${short(c.after)}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Listing<T>({ title, list, name }: { title: string; list: ListDiff<T>; name: (item: T) => string }) {
  const none = !list.added.length && !list.removed.length && !list.changed.length;
  return (
    <section aria-label={title}>
      <h3 className="font-semibold">{title}</h3>
      {none ? (
        <p className="text-slate-600 dark:text-slate-400">No differences.</p>
      ) : (
        <ul className="space-y-0.5 text-xs">
          {list.added.map((t) => (
            <li key={`+${name(t)}`} className="text-emerald-700 dark:text-emerald-400">
              added <b className="mono">{name(t)}</b>
            </li>
          ))}
          {list.removed.map((t) => (
            <li key={`-${name(t)}`} className="text-red-700 dark:text-red-400">
              removed <b className="mono">{name(t)}</b>
            </li>
          ))}
          {list.changed.map((c) => (
            <li key={`~${c.key}`} className="text-amber-700 dark:text-amber-400">
              changed <b className="mono">{c.key}</b>:{" "}
              <span className="mono">
                {c.changes
                  .slice(0, 10)
                  .map((x) => x.path)
                  .join(", ")}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? "undefined";
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
