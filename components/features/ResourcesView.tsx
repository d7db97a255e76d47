"use client";
import type { Resource } from "@modelcontextprotocol/client";
import { useMemo } from "react";
import type { InspectorSession } from "@/lib/session";
import type { SessionState } from "@/lib/base";
import { formatBytes } from "@/lib/results";
import { useSessionMemory } from "../hooks/useSessionMemory";
import { useStore } from "../hooks/useStore";
import { ListFrame } from "../lists/ListFrame";
import { ItemList, type ListEntry } from "./ItemList";
import { ResourceReadView } from "./ResourceReadView";
import { SubscriptionControls, UpdatedMark } from "./SubscriptionControls";
import { NOTE, PRIMARY, UPDATED } from "./ui";
import { ReadOnlyNote, useReadOnly } from "../session/ReadOnly";

/** The Resources tab: the listed resources on the left, the selected one (read, subscribe) on the right. */
export function ResourcesView({ session, state }: { session: InspectorSession; state: SessionState }) {
  const list = state.lists.resources;
  const [selected, setSelected] = useSessionMemory<string | undefined>(session, "resources.selected", undefined);
  const updated = useStore(session.features.subscriptions.store).updated;
  const items = list.items as Resource[];
  const entries = useMemo<ListEntry[]>(
    () =>
      items.map((r) => ({
        id: r.uri,
        primary: r.name || r.uri,
        secondary: r.uri,
        haystack: `${r.title ?? ""} ${r.description ?? ""} ${r.mimeType ?? ""}`,
        badge: updated[r.uri] ? <span className={UPDATED}>updated</span> : undefined,
      })),
    [items, updated],
  );
  const resource = items.find((r) => r.uri === selected);
  return (
    <ListFrame
      kind="resources"
      list={list}
      onRefresh={state.recording ? undefined : () => void session.refresh("resources")}
      side={<ItemList label="Resources" entries={entries} selected={selected} onSelect={setSelected} />}
    >
      {resource ? (
        <ResourcePanel key={resource.uri} session={session} resource={resource} />
      ) : (
        <p className="p-4 text-sm text-slate-600 dark:text-slate-400">Choose a resource to read it.</p>
      )}
    </ListFrame>
  );
}

function ResourcePanel({ session, resource }: { session: InspectorSession; resource: Resource }) {
  const features = session.features;
  const read = useStore(features.resources.store).byUri[resource.uri];
  const readOnly = useReadOnly(session);
  const doRead = () => void features.resources.read(resource.uri).catch(() => {});
  return (
    <section aria-label={`Resource ${resource.uri}`} className="flex flex-col gap-3 p-4 text-sm">
      <header className="flex flex-col gap-1">
        <h2 className="mono font-semibold break-all">{resource.name || resource.uri}</h2>
        {resource.title && resource.title !== resource.name && (
          <p className="text-slate-700 dark:text-slate-300">{resource.title}</p>
        )}
        <p className="mono text-xs break-all text-slate-600 dark:text-slate-400">{resource.uri}</p>
        {resource.description && (
          <p className="text-xs whitespace-pre-wrap text-slate-600 dark:text-slate-400">{resource.description}</p>
        )}
        <p className={NOTE}>
          {resource.mimeType ? `Listed as ${resource.mimeType}` : "No mime type listed"}
          {typeof resource.size === "number" && ` · ${formatBytes(resource.size)}`}
        </p>
      </header>
      {readOnly ? (
        <ReadOnlyNote>
          {read ? "the recorded resources/read of this URI" : "this resource was not read in the recording"}; nothing
          can be read or subscribed from a recording.
        </ReadOnlyNote>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" onClick={doRead} disabled={read?.status === "reading"} className={PRIMARY}>
              Read
            </button>
            <SubscriptionControls features={features} uri={resource.uri} />
          </div>
          <UpdatedMark features={features} uri={resource.uri} onReread={doRead} />
        </>
      )}
      <ResourceReadView read={read} />
    </section>
  );
}
