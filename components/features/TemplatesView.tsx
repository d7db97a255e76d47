"use client";
import type { ResourceTemplateType as ResourceTemplate } from "@modelcontextprotocol/client";
import { useId, useMemo, useState } from "react";
import { expandTemplate, parseTemplate, templateMatches, type TemplateValue } from "@/lib/features";
import type { InspectorSession } from "@/lib/session";
import type { SessionState } from "@/lib/base";
import { useSessionMemory } from "../hooks/useSessionMemory";
import { useStore } from "../hooks/useStore";
import { CompletionInput } from "./CompletionInput";
import { ListFrame } from "../lists/ListFrame";
import { ItemList, type ListEntry } from "./ItemList";
import { ResourceReadView } from "./ResourceReadView";
import { SubscriptionControls, UpdatedMark } from "./SubscriptionControls";
import { useCompleter } from "./useCompleter";
import { BUTTON, NOTE, PRIMARY, WARN } from "./ui";
import { ReadOnlyNote, useReadOnly } from "../session/ReadOnly";

/** The Resource templates tab: the templates on the left, the selected one's form on the right. */
export function TemplatesView({ session, state }: { session: InspectorSession; state: SessionState }) {
  const list = state.lists.resourceTemplates;
  const [selected, setSelected] = useSessionMemory<string | undefined>(session, "templates.selected", undefined);
  const items = list.items as ResourceTemplate[];
  const entries = useMemo<ListEntry[]>(
    () =>
      items.map((t) => ({
        id: t.uriTemplate,
        primary: t.name || t.uriTemplate,
        secondary: t.uriTemplate,
        haystack: `${t.title ?? ""} ${t.description ?? ""}`,
      })),
    [items],
  );
  const template = items.find((t) => t.uriTemplate === selected);
  return (
    <ListFrame
      kind="resourceTemplates"
      list={list}
      onRefresh={state.recording ? undefined : () => void session.refresh("resourceTemplates")}
      side={<ItemList label="Resource templates" entries={entries} selected={selected} onSelect={setSelected} />}
    >
      {template ? (
        <TemplatePanel key={template.uriTemplate} session={session} template={template} />
      ) : (
        <p className="p-4 text-sm text-slate-600 dark:text-slate-400">
          Choose a template to fill it in and read the resource.
        </p>
      )}
    </ListFrame>
  );
}

function TemplatePanel({ session, template }: { session: InspectorSession; template: ResourceTemplate }) {
  const features = session.features;
  const labelId = useId();
  const parsed = useMemo(() => parseTemplate(template.uriTemplate), [template.uriTemplate]);
  const [values, setValues] = useState<Record<string, string>>({});
  const completer = useCompleter(features, { type: "ref/resource", uri: template.uriTemplate });
  const expansion = useMemo(() => {
    const v: Record<string, TemplateValue> = {};
    for (const [k, x] of Object.entries(values)) if (x !== "") v[k] = x;
    return expandTemplate(parsed, v);
  }, [parsed, values]);
  const readOnly = useReadOnly(session);
  const reads = useStore(features.resources.store).byUri;
  // A recording: the reads it holds of URIs this template can give, the latest shown first.
  const pastUris = useMemo(
    () => (readOnly ? Object.keys(reads).filter((uri) => templateMatches(parsed, uri)) : []),
    [readOnly, reads, parsed],
  );
  // The URI last read from this form: the read below stays while the values change.
  const [readUri, setReadUri] = useState<string | undefined>(() => pastUris.at(-1));
  const read = reads[readUri ?? ""];
  const doRead = (uri: string) => {
    setReadUri(uri);
    void features.resources.read(uri).catch(() => {});
  };
  const missing = parsed.variables.filter((v) => !values[v.name]).map((v) => v.name);
  return (
    <section aria-label={`Resource template ${template.uriTemplate}`} className="flex flex-col gap-3 p-4 text-sm">
      <header className="flex flex-col gap-1">
        <h2 className="mono font-semibold break-all">{template.name || template.uriTemplate}</h2>
        {template.title && template.title !== template.name && (
          <p className="text-slate-700 dark:text-slate-300">{template.title}</p>
        )}
        <p className="mono text-xs break-all text-slate-600 dark:text-slate-400">{template.uriTemplate}</p>
        {template.description && (
          <p className="text-xs whitespace-pre-wrap text-slate-600 dark:text-slate-400">{template.description}</p>
        )}
        {template.mimeType && <p className={NOTE}>Listed as {template.mimeType}</p>}
      </header>
      {parsed.errors.length > 0 && (
        <ul aria-label="Template errors" className={WARN}>
          {parsed.errors.map((e, i) => (
            <li key={i}>
              at {e.at}: {e.message}
            </li>
          ))}
        </ul>
      )}
      <form
        aria-label="Template variables"
        className="flex max-w-xl flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!readOnly) doRead(expansion.uri);
        }}
      >
        <fieldset disabled={readOnly} className="flex min-w-0 flex-col gap-2">
          {parsed.variables.length === 0 && <p className={NOTE}>This template has no variables.</p>}
          {parsed.variables.map((v) => (
            <CompletionInput
              key={v.name}
              name={v.name}
              value={values[v.name] ?? ""}
              onChange={(x) => setValues((old) => ({ ...old, [v.name]: x }))}
              completer={completer}
              filled={values}
              description={
                v.operator || v.explode || v.prefix !== undefined
                  ? `expanded as {${v.operator}${v.name}${v.prefix !== undefined ? `:${v.prefix}` : ""}${v.explode ? "*" : ""}}`
                  : undefined
              }
            />
          ))}
        </fieldset>
        {!readOnly && !features.completionsEnabled && (
          <p className={NOTE}>No suggestions: the server does not declare completions.</p>
        )}
        <div className="flex flex-col gap-0.5">
          <span className="text-xs font-medium text-slate-700 dark:text-slate-300" id={labelId}>
            Expanded URI
          </span>
          <output
            aria-labelledby={labelId}
            className="mono rounded bg-slate-100 px-2 py-1 text-xs break-all dark:bg-slate-800"
          >
            {expansion.uri}
          </output>
          {!readOnly && missing.length > 0 && <span className={NOTE}>Not filled in yet: {missing.join(", ")}</span>}
        </div>
        {readOnly ? (
          <ReadOnlyNote>
            {pastUris.length > 0
              ? "the recorded reads of this template's URIs are below"
              : "no URI of this template was read in the recording"}
            ; nothing can be read from a recording.
          </ReadOnlyNote>
        ) : (
          <button type="submit" className={`self-start ${PRIMARY}`}>
            Read
          </button>
        )}
      </form>
      {pastUris.length > 1 && (
        <ul aria-label="Recorded reads" className="flex flex-wrap gap-1">
          {pastUris.map((uri) => (
            <li key={uri}>
              <button
                type="button"
                aria-pressed={uri === readUri}
                onClick={() => setReadUri(uri)}
                className={`mono ${BUTTON}`}
              >
                {uri}
              </button>
            </li>
          ))}
        </ul>
      )}
      {readUri !== undefined && (
        <div className="flex flex-col gap-2">
          <p className="mono text-xs break-all">{readUri}</p>
          {!readOnly && (
            <>
              <div className="flex flex-wrap items-center gap-2">
                <SubscriptionControls features={features} uri={readUri} />
              </div>
              <UpdatedMark features={features} uri={readUri} onReread={() => doRead(readUri)} />
            </>
          )}
          <ResourceReadView read={read} />
        </div>
      )}
    </section>
  );
}
