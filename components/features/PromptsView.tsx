"use client";
import type { Prompt } from "@modelcontextprotocol/client";
import { useMemo, useState } from "react";
import { formatMs } from "@/lib/results";
import type { InspectorSession } from "@/lib/session";
import type { SessionState } from "@/lib/base";
import { useSessionMemory } from "../hooks/useSessionMemory";
import { useStore } from "../hooks/useStore";
import { CompletionInput } from "./CompletionInput";
import { ConversationView } from "./ConversationView";
import { ListFrame } from "../lists/ListFrame";
import { ItemList, type ListEntry } from "./ItemList";
import { ResourceReadView } from "./ResourceReadView";
import { useCompleter } from "./useCompleter";
import { ALERT, NOTE, PRIMARY } from "./ui";
import { ReadOnlyNote, useReadOnly } from "../session/ReadOnly";

/** The Prompts tab: the prompts on the left, the selected one's argument form and conversation on the right. */
export function PromptsView({ session, state }: { session: InspectorSession; state: SessionState }) {
  const list = state.lists.prompts;
  const [selected, setSelected] = useSessionMemory<string | undefined>(session, "prompts.selected", undefined);
  const items = list.items as Prompt[];
  const entries = useMemo<ListEntry[]>(
    () =>
      items.map((p) => ({
        id: p.name,
        primary: p.name,
        secondary: p.title ?? p.description,
        haystack: `${p.title ?? ""} ${p.description ?? ""}`,
      })),
    [items],
  );
  const prompt = items.find((p) => p.name === selected);
  return (
    <ListFrame
      kind="prompts"
      list={list}
      onRefresh={state.recording ? undefined : () => void session.refresh("prompts")}
      side={<ItemList label="Prompts" entries={entries} selected={selected} onSelect={setSelected} />}
    >
      {prompt ? (
        <PromptPanel key={prompt.name} session={session} prompt={prompt} />
      ) : (
        <p className="p-4 text-sm text-slate-600 dark:text-slate-400">Choose a prompt to get it.</p>
      )}
    </ListFrame>
  );
}

function PromptPanel({ session, prompt }: { session: InspectorSession; prompt: Prompt }) {
  const features = session.features;
  const args = prompt.arguments ?? [];
  const readOnly = useReadOnly(session);
  const completer = useCompleter(features, { type: "ref/prompt", name: prompt.name });
  const run = useStore(features.prompts.store).byName[prompt.name];
  // A recording: the form shows the recorded prompts/get's arguments, for reading.
  const [values, setValues] = useState<Record<string, string>>(() => (readOnly ? (run?.args ?? {}) : {}));
  const [opened, setOpened] = useState<string>();
  const openedRead = useStore(features.resources.store).byUri[opened ?? ""];
  const missing = args.filter((a) => a.required && !values[a.name]).map((a) => a.name);
  return (
    <section aria-label={`Prompt ${prompt.name}`} className="flex flex-col gap-3 p-4 text-sm">
      <header className="flex flex-col gap-1">
        <h2 className="mono font-semibold break-all">{prompt.name}</h2>
        {prompt.title && <p className="text-slate-700 dark:text-slate-300">{prompt.title}</p>}
        {prompt.description && (
          <p className="text-xs whitespace-pre-wrap text-slate-600 dark:text-slate-400">{prompt.description}</p>
        )}
      </header>
      <form
        aria-label="Prompt arguments"
        className="flex max-w-xl flex-col gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!readOnly) void features.prompts.get(prompt.name, values).catch(() => {});
        }}
      >
        <fieldset disabled={readOnly} className="flex min-w-0 flex-col gap-2">
          {args.length === 0 && <p className={NOTE}>This prompt takes no arguments.</p>}
          {args.map((a) => (
            <CompletionInput
              key={a.name}
              name={a.name}
              value={values[a.name] ?? ""}
              onChange={(x) => setValues((old) => ({ ...old, [a.name]: x }))}
              completer={completer}
              filled={values}
              required={a.required}
              description={a.description}
            />
          ))}
        </fieldset>
        {readOnly ? (
          <ReadOnlyNote>
            {run
              ? "the arguments and answer of the recorded prompts/get"
              : "this prompt was not fetched in the recording"}
            ; nothing can be fetched from a recording.
          </ReadOnlyNote>
        ) : (
          <>
            {args.length > 0 && !features.completionsEnabled && (
              <p className={NOTE}>No suggestions: the server does not declare completions.</p>
            )}
            {missing.length > 0 && (
              <p className={NOTE}>
                Required and empty: {missing.join(", ")} (sent anyway if you ask, to test the server).
              </p>
            )}
            <button type="submit" disabled={run?.status === "getting"} className={`self-start ${PRIMARY}`}>
              Get {prompt.name}
            </button>
          </>
        )}
      </form>
      {run && (
        <div className="flex flex-col gap-2">
          <p className={NOTE} role="status" aria-label="Prompt status">
            {run.status === "getting"
              ? "Getting…"
              : `prompts/get #${run.attempt}${run.elapsedMs !== undefined ? ` · ${formatMs(run.elapsedMs)}` : ""}`}
          </p>
          {run.status === "error" && run.error && (
            <p role="alert" className={ALERT}>
              prompts/get failed{run.error.code !== undefined ? ` (${run.error.code})` : ""}: {run.error.message}
            </p>
          )}
          {run.conversation && (
            <ConversationView
              conversation={run.conversation}
              onOpenResource={(uri) => {
                setOpened(uri);
                if (!readOnly) void features.resources.read(uri).catch(() => {});
              }}
            />
          )}
          {opened !== undefined && (
            <div className="flex flex-col gap-1">
              <p className="mono text-xs break-all">Opened {opened}</p>
              <ResourceReadView read={openedRead} />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
