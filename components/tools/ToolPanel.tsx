"use client";
import { useEffect, useMemo, useState } from "react";
import type { Tool } from "@modelcontextprotocol/client";
import { initialValue, modelFor, schemaHasDefaults, validateArguments, withDefaults } from "@/lib/schema";
import type { CallRecord } from "@/lib/tools";
import type { InspectorSession } from "@/lib/session";
import { serverRunsToolTasks, taskSupportOf, type TaskStart } from "@/lib/features";
import {
  confirmCall,
  parseTimeoutSeconds,
  prepareCall,
  type CallSend,
  type CallStep,
  type Confirmation,
} from "@/lib/tools";
import { useStore } from "../hooks/useStore";
import { useSessionMemory } from "../hooks/useSessionMemory";
import { userWaitOf } from "../client/userWait";
import { ServerIcons } from "../results/ServerIcons";
import { ToolResultView } from "../results/ToolResultView";
import { AppViewFrame } from "../apps/AppViewFrame";
import { appToolOf } from "@/lib/apps";
import { AnnotationBadges } from "./AnnotationBadges";
import { ArgumentsEditor } from "./ArgumentsEditor";
import { CallStatus } from "./CallStatus";
import { ConfirmBar } from "./ConfirmBar";
import { TaskList } from "./TaskList";
import { ToolHistory } from "./ToolHistory";
import { errorMessage } from "@/lib/base";
import { ReadOnlyNote, useReadOnly } from "../session/ReadOnly";

/** One tool: its description and annotations, the argument editor, Call, progress, result and history. */
export function ToolPanel({ session, tool }: { session: InspectorSession; tool: Tool }) {
  const calls = useStore(session.tools.store).byTool[tool.name] ?? [];
  // A recording: the form shows the latest recorded call's arguments, for reading; nothing is called.
  const readOnly = useReadOnly(session);
  const [args, setArgs] = useState<unknown>(() =>
    readOnly && calls.length > 0 ? calls.at(-1)!.args : initialValue(tool.inputSchema),
  );
  // No "is required" or error count on a form nobody has touched: checks show after the first edit or Call.
  const [touched, setTouched] = useState(false);
  // Optional fields' defaults are placeholders; the server applies its own unless these are sent.
  const offersDefaults = useMemo(() => schemaHasDefaults(tool.inputSchema), [tool.inputSchema]);
  const [sendDefaults, setSendDefaults] = useState(false);
  const outgoing = () => (sendDefaults ? withDefaults(modelFor(tool.inputSchema).root, args) : args);
  const [jsonError, setJsonError] = useState<string>();
  const [timeoutS, setTimeoutS] = useState(60);
  const [pending, setPending] = useState<Confirmation>();
  // "Don't ask again for this tool in this session": held by the session, gone with it.
  const [trusted, setTrusted] = useSessionMemory(session, `trusted-tool:${tool.name}`, false);
  const [openId, setOpenId] = useState<number>();
  const serverCapabilities = useStore(session.store).serverCapabilities;
  // Run as a task (2025-11-25): only for a tool that allows it on a server that declares task-augmented tools/call.
  const taskSupport = taskSupportOf(tool);
  const tasksOffered = taskSupport !== "forbidden" && serverRunsToolTasks(serverCapabilities);
  const [asTask, setAsTask] = useState(taskSupport === "required");
  const [ttlText, setTtlText] = useState("");
  const [taskStart, setTaskStart] = useState<TaskStart & { sending?: boolean }>();
  // Validation (the schema is prepared on first use) runs when the page is idle, after the form is shown;
  // Call validates again synchronously, so it never acts on a stale answer.
  const [checked, setChecked] = useState<ReturnType<typeof validateArguments>>([]);
  useEffect(() => {
    const run = () => setChecked(validateArguments(tool.inputSchema, args));
    if (typeof requestIdleCallback !== "function") {
      const timer = setTimeout(run, 0);
      return () => clearTimeout(timer);
    }
    const handle = requestIdleCallback(run, { timeout: 300 });
    return () => cancelIdleCallback(handle);
  }, [tool.inputSchema, args]);
  // A schema that cannot be used yields a warning, not an argument error: it must not block Call.
  const errors = useMemo(() => checked.filter((e) => e.severity !== "warning"), [checked]);
  const schemaWarning = checked.find((e) => e.severity === "warning");
  const running = calls.find((c) => c.status === "running");
  const shown = calls.find((c) => c.id === openId) ?? calls.at(-1);
  const app = useMemo(() => appToolOf(tool), [tool]);

  const mode = { tasksOffered, asTask, ttlText, timeoutS };

  const send = (how: CallSend) => {
    setPending(undefined);
    const client = session.client;
    if (!client) return;
    const args = outgoing();
    if (how.kind === "task") {
      setTaskStart({ kind: "task", taskId: "", sending: true });
      session.features.tasks
        .runTool(tool.name, args, how.options)
        .then(setTaskStart, (error: unknown) =>
          setTaskStart({ kind: "error", error: { message: errorMessage(error) } }),
        );
      return;
    }
    void session.tools
      .call(client, tool.name, args, {
        timeoutMs: how.timeoutMs,
        userWait: userWaitOf(session.clientFeatures.requests),
      })
      .then(() => setOpenId(undefined));
    setOpenId(undefined);
  };
  const step = (next: CallStep) => (next.kind === "confirm" ? setPending(next.confirmation) : send(next));
  const callClicked = () => {
    if (readOnly) return;
    setTouched(true);
    if (jsonError || running || !session.client) return;
    const errorCount = validateArguments(tool.inputSchema, outgoing()).filter((e) => e.severity !== "warning").length;
    step(prepareCall({ tool, errorCount, pending, mode, trusted }));
  };
  const reopen = (call: CallRecord) => {
    setOpenId(call.id);
    setArgs(call.args);
  };

  return (
    <section
      aria-label={`Tool ${tool.name}`}
      className="space-y-4 p-4 text-sm"
      onKeyDown={(e) => {
        // Ctrl/⌘+Enter calls the tool from anywhere in the panel (Enter alone adds a line in text boxes).
        if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || e.nativeEvent.isComposing) return;
        e.preventDefault();
        callClicked();
      }}
    >
      <header className="space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <ServerIcons icons={tool.icons} relayFetch={session.relayFetch} max={1} size="h-5 w-5" label="Tool icon" />
          <h2 className="mono min-w-0 text-base font-semibold [overflow-wrap:anywhere]">{tool.name}</h2>
          {(tool.title ?? tool.annotations?.title) && (
            <span className="text-slate-600 dark:text-slate-400">{tool.title ?? tool.annotations?.title}</span>
          )}
          <AnnotationBadges tool={tool} />
        </div>
        {tool.description && (
          <p className="whitespace-pre-wrap text-slate-700 dark:text-slate-300">{tool.description}</p>
        )}
      </header>

      {/* The form and its Call bar: the bar sticks to the bottom of the view while the form scrolls, and no further. */}
      <div className="space-y-4">
        <fieldset disabled={readOnly} className="min-w-0">
          <ArgumentsEditor
            key={`${tool.name}:${openId ?? ""}`}
            schema={tool.inputSchema}
            value={args}
            onChange={(v) => {
              setArgs(v);
              setTouched(true);
              setPending(undefined);
            }}
            errors={errors}
            onJsonError={setJsonError}
            quiet={!touched}
            onSubmit={callClicked}
          />
        </fieldset>

        {readOnly ? (
          <ReadOnlyNote>
            the arguments of the call chosen in the history below, for reading; nothing can be called from a recording.
          </ReadOnlyNote>
        ) : (
          <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-950">
            {pending && (
              <ConfirmBar
                message={pending.message}
                confirmLabel={pending.reason === "invalid" ? "Send anyway" : "Call it"}
                dontAskAgain={
                  pending.reason === "destructive" ? "Don't ask again for this tool in this session" : undefined
                }
                onConfirm={(trust) => {
                  if (trust) setTrusted(true);
                  step(confirmCall(pending, errors.length, mode));
                }}
                onCancel={() => setPending(undefined)}
              />
            )}
            <button
              type="button"
              onClick={callClicked}
              disabled={!!running || !!jsonError || !session.client}
              title="Ctrl+Enter (⌘+Enter) from any field"
              className="rounded bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700 disabled:opacity-50"
            >
              Call {tool.name}
            </button>
            {offersDefaults && (
              <label
                className="flex items-center gap-1 text-xs"
                title="Fields left empty are sent with the schema's default; otherwise the server applies its own."
              >
                <input type="checkbox" checked={sendDefaults} onChange={(e) => setSendDefaults(e.target.checked)} />
                Send defaults
              </label>
            )}
            <label
              className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400"
              title="Restarts on each progress notification; paused while a request from the server waits for you"
            >
              Timeout (s)
              <input
                type="number"
                min={1}
                value={timeoutS}
                onChange={(e) => setTimeoutS(parseTimeoutSeconds(e.target.value))}
                className="input w-20"
              />
            </label>
            <span className="hidden text-xs text-slate-600 dark:text-slate-400 2xl:inline">
              restarts on each progress notification; paused while a request from the server waits for you
            </span>
            <span className="text-xs text-slate-600 dark:text-slate-400">Ctrl+Enter calls</span>
            {tasksOffered && (
              <>
                <label className="flex items-center gap-1 text-xs">
                  <input type="checkbox" checked={asTask} onChange={(e) => setAsTask(e.target.checked)} />
                  Run as task
                </label>
                {asTask && (
                  <label className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
                    Task TTL (ms)
                    <input
                      type="number"
                      min={0}
                      value={ttlText}
                      placeholder="server default"
                      onChange={(e) => setTtlText(e.target.value)}
                      className="input w-32"
                    />
                  </label>
                )}
                <span className="text-xs text-slate-600 dark:text-slate-400">task support: {taskSupport}</span>
              </>
            )}
            {touched && errors.length > 0 && (
              <span className="text-xs text-amber-700 dark:text-amber-400">
                {errors.length} validation error{errors.length > 1 ? "s" : ""}
              </span>
            )}
            {schemaWarning && (
              <span role="note" className="text-xs text-amber-700 dark:text-amber-400">
                Schema not checked: {schemaWarning.message}
              </span>
            )}
          </div>
        )}
      </div>
      {taskStart?.sending && (
        <p role="status" className="text-xs">
          Creating the task…
        </p>
      )}
      {!taskStart?.sending && taskStart?.kind === "task" && (
        <p role="status" className="text-xs">
          Task created: <span className="mono">{taskStart.taskId}</span> (polled below).
        </p>
      )}
      {taskStart?.kind === "error" && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          The task was not created: {taskStart.error.code !== undefined ? `error ${taskStart.error.code}: ` : ""}
          {taskStart.error.message}
        </p>
      )}
      {taskStart?.kind === "result" && (
        <>
          <p className="text-xs">The server ran the call at once and answered with a plain result:</p>
          <ToolResultView outcome={{ kind: "result", result: taskStart.result, elapsedMs: 0 }} tool={tool} />
        </>
      )}
      {running && <CallStatus call={running} onCancel={() => session.tools.cancel(running.id)} />}
      {/* A recording runs no view: nothing can be asked of a server that is not there. */}
      {shown?.outcome && app?.resourceUri && !readOnly && (
        <AppViewFrame key={shown.id} session={session} tool={tool} app={app} call={shown} />
      )}
      {shown?.outcome && <ToolResultView outcome={shown.outcome} tool={tool} />}
      {tasksOffered && !readOnly && <TaskList tasks={session.features.tasks} tool={tool} />}
      <ToolHistory calls={calls} openId={shown?.id} onOpen={reopen} />
    </section>
  );
}
