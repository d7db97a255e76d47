"use client";
import { useMemo, useReducer } from "react";
import type { CreateMessageRequestParams } from "@modelcontextprotocol/client";
import {
  initialSamplingForm,
  reviewSamplingForm,
  SAMPLING_REJECTED,
  samplingFormReducer,
  summariseSampling,
  type SamplingBlockKind,
  type SamplingFormField,
  type SamplingSummary,
  type ServerRequests,
} from "@/lib/client";
import { danger, json, primary } from "./ui";

const STOP_REASONS = ["endTurn", "stopSequence", "maxTokens", "toolUse"];

function blockText(b: SamplingSummary["messages"][number]["blocks"][number]): string {
  switch (b.type) {
    case "text":
      return b.text;
    case "image":
    case "audio":
      return `[${b.type} ${b.mimeType}, ${b.data.length} base64 characters]`;
    case "tool_use":
      return `tool_use ${b.name} (id ${b.id}): ${json(b.input)}`;
    case "tool_result":
      return `tool_result for ${b.toolUseId}${b.isError ? " (error)" : ""}: ${json(b.content)}`;
    default:
      return json(b.raw);
  }
}

/** What a sampling request asks for, as text. */
export function SamplingRequestView({ params }: { params: CreateMessageRequestParams }) {
  const s = useMemo(() => summariseSampling(params), [params]);
  const p = s.priorities;
  const priorities = [
    p.cost !== undefined && `cost ${p.cost}`,
    p.speed !== undefined && `speed ${p.speed}`,
    p.intelligence !== undefined && `intelligence ${p.intelligence}`,
  ]
    .filter(Boolean)
    .join(", ");
  return (
    <div className="space-y-2">
      <ol aria-label="Messages" className="space-y-1">
        {s.messages.map((m, i) => (
          <li key={i} className="rounded bg-slate-50 p-2 dark:bg-slate-900">
            <span className="text-xs font-medium uppercase text-slate-600 dark:text-slate-400">{m.role}</span>
            {m.blocks.map((b, j) => (
              <div key={j} className="whitespace-pre-wrap break-words">
                {blockText(b)}
              </div>
            ))}
          </li>
        ))}
      </ol>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs">
        {s.systemPrompt !== undefined && (
          <>
            <dt className="text-slate-600 dark:text-slate-400">System prompt</dt>
            <dd className="whitespace-pre-wrap">{s.systemPrompt}</dd>
          </>
        )}
        {s.modelHints.length > 0 && (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Model hints</dt>
            <dd>{s.modelHints.join(", ")}</dd>
          </>
        )}
        {priorities && (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Priorities</dt>
            <dd>{priorities}</dd>
          </>
        )}
        <dt className="text-slate-600 dark:text-slate-400">Max tokens</dt>
        <dd>{String(s.maxTokens)}</dd>
        {s.temperature !== undefined && (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Temperature</dt>
            <dd>{String(s.temperature)}</dd>
          </>
        )}
        {s.stopSequences.length > 0 && (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Stop sequences</dt>
            <dd>{json(s.stopSequences)}</dd>
          </>
        )}
        {s.includeContext !== undefined && (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Include context</dt>
            <dd>{s.includeContext}</dd>
          </>
        )}
        {s.toolChoice !== undefined && (
          <>
            <dt className="text-slate-600 dark:text-slate-400">Tool choice</dt>
            <dd>{s.toolChoice}</dd>
          </>
        )}
      </dl>
      {s.tools.length > 0 && (
        <ul aria-label="Tools offered" className="space-y-1 text-xs">
          {s.tools.map((t) => (
            <li key={t.name}>
              <span className="mono font-medium">{t.name}</span>
              {t.description && <span className="text-slate-600 dark:text-slate-400"> — {t.description}</span>}
              <pre
                tabIndex={0}
                className="mono overflow-x-auto whitespace-pre-wrap text-[11px] text-slate-600 dark:text-slate-400"
              >
                {json(t.inputSchema)}
              </pre>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A pending sampling request: the request as text and the user's answer. */
export function SamplingCard({
  id,
  params,
  requests,
}: {
  id: string;
  params: CreateMessageRequestParams;
  requests: ServerRequests;
}) {
  const tools = params.tools ?? [];
  const [form, dispatch] = useReducer(samplingFormReducer, params, initialSamplingForm);
  const { role, kind, text, imageData, mimeType, toolName, toolInput, model, stopReason, errors, warnings } = form;
  const edit = (field: SamplingFormField) => (e: { target: { value: string } }) =>
    dispatch({ type: "edit", field, value: e.target.value });
  const listId = `${id}-stop-reasons`;

  const send = () => {
    // Warnings note an answer a real model would not give; shown once, a second Send sends it anyway.
    const review = reviewSamplingForm(form, params);
    if (review.kind === "send") requests.answer(id, review.result as unknown as Record<string, unknown>);
    else dispatch({ type: "reviewed", errors: review.errors, warnings: review.warnings });
  };

  return (
    <div className="space-y-3">
      <SamplingRequestView params={params} />
      <fieldset className="space-y-2 rounded border border-slate-200 p-2 dark:border-slate-800">
        <legend className="px-1 text-xs font-medium">Your answer</legend>
        <div className="flex flex-wrap gap-3">
          <span className="flex items-center gap-1 text-xs">
            <label htmlFor={`${id}-role`}>Role</label>
            <select
              id={`${id}-role`}
              className="input"
              value={role}
              onChange={(e) => dispatch({ type: "role", role: e.target.value as "assistant" | "user" })}
            >
              <option value="assistant">assistant</option>
              <option value="user">user</option>
            </select>
          </span>
          <span className="flex items-center gap-1 text-xs">
            <label htmlFor={`${id}-kind`}>Content type</label>
            <select
              id={`${id}-kind`}
              className="input"
              value={kind}
              onChange={(e) => dispatch({ type: "kind", kind: e.target.value as SamplingBlockKind })}
            >
              <option value="text">text</option>
              <option value="image">image</option>
              {tools.length > 0 && <option value="tool_use">tool_use</option>}
            </select>
          </span>
          <span className="flex items-center gap-1 text-xs">
            <label htmlFor={`${id}-model`}>Model</label>
            <input id={`${id}-model`} className="input mono" value={model} onChange={edit("model")} />
          </span>
          <span className="flex items-center gap-1 text-xs">
            <label htmlFor={`${id}-stop`}>Stop reason</label>
            <input
              id={`${id}-stop`}
              className="input mono w-32"
              list={listId}
              value={stopReason}
              placeholder="endTurn"
              onChange={edit("stopReason")}
            />
            <datalist id={listId}>
              {STOP_REASONS.map((r) => (
                <option key={r} value={r} />
              ))}
            </datalist>
          </span>
        </div>
        {kind === "text" && (
          <span className="block text-xs">
            <label htmlFor={`${id}-text`}>Answer text</label>
            <textarea
              id={`${id}-text`}
              className="input mt-1 block w-full"
              rows={3}
              value={text}
              onChange={edit("text")}
            />
          </span>
        )}
        {kind === "image" && (
          <div className="flex flex-wrap gap-3">
            <span className="block flex-1 text-xs">
              <label htmlFor={`${id}-image`}>Image data (base64)</label>
              <textarea
                id={`${id}-image`}
                className="input mono mt-1 block w-full"
                rows={2}
                value={imageData}
                onChange={edit("imageData")}
              />
            </span>
            <span className="block text-xs">
              <label htmlFor={`${id}-mime`}>MIME type</label>
              <input id={`${id}-mime`} className="input mono mt-1 block" value={mimeType} onChange={edit("mimeType")} />
            </span>
          </div>
        )}
        {kind === "tool_use" && (
          <div className="flex flex-wrap gap-3">
            <span className="block text-xs">
              <label htmlFor={`${id}-tool`}>Tool to use</label>
              <select id={`${id}-tool`} className="input mt-1 block" value={toolName} onChange={edit("toolName")}>
                {tools.map((t) => (
                  <option key={t.name} value={t.name}>
                    {t.name}
                  </option>
                ))}
              </select>
            </span>
            <span className="block flex-1 text-xs">
              <label htmlFor={`${id}-input`}>Tool input (JSON)</label>
              <textarea
                id={`${id}-input`}
                className="input mono mt-1 block w-full"
                rows={2}
                value={toolInput}
                onChange={edit("toolInput")}
              />
            </span>
          </div>
        )}
        {errors.length > 0 && (
          <ul role="alert" className="list-inside list-disc text-xs text-red-700 dark:text-red-400">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
        {warnings.length > 0 && (
          <ul role="note" className="list-inside list-disc text-xs text-amber-700 dark:text-amber-400">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
            <li>Send again to send it anyway.</li>
          </ul>
        )}
        <div className="flex gap-2">
          <button type="button" className={primary} onClick={send}>
            Send
          </button>
          <button
            type="button"
            className={danger}
            onClick={() => requests.reject(id, SAMPLING_REJECTED.code, SAMPLING_REJECTED.message)}
          >
            Reject
          </button>
        </div>
      </fieldset>
    </div>
  );
}
