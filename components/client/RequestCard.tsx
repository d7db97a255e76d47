"use client";
import type { ElicitRequestFormParams, ElicitRequestURLParams } from "@modelcontextprotocol/client";
import { urlElicitationView, type ServerRequestItem, type ServerRequests } from "@/lib/client";
import { ElicitationFormCard } from "./ElicitationFormCard";
import { SamplingCard, SamplingRequestView } from "./SamplingCard";
import { UrlElicitationCard, UrlView } from "./UrlElicitationCard";
import { clip, clock, json } from "./ui";

export function kindOf(item: ServerRequestItem): string {
  if (item.method === "sampling/createMessage") return "Sampling request";
  return item.params.mode === "url" ? "URL elicitation request" : "Elicitation request";
}

function origin(item: ServerRequestItem): string {
  const task = (item.params as { task?: unknown }).task ? " · run as a task: the server polls it with tasks/get" : "";
  return item.via === "request"
    ? `${item.method}, request id ${String(item.requestId)}${task}`
    : `${item.method}, input request "${String(item.requestId)}" of a 2026-07-28 multi round-trip`;
}

/** What was sent back, in a line. */
export function sentText(item: ServerRequestItem): string {
  const a = item.answer;
  if (!a) return item.note ? `nothing sent: ${item.note}` : "nothing sent";
  if (a.kind === "error") return `error ${a.code}: ${a.message}`;
  return json(a.result);
}

/** One request from the server: open ones to answer, finished ones collapsed with what was sent. */
export function RequestCard({ item, requests }: { item: ServerRequestItem; requests: ServerRequests }) {
  const name = `${kindOf(item)}, ${item.status}`;
  const head = (
    <span className="flex flex-wrap items-baseline gap-2">
      <span className="font-medium">{kindOf(item)}</span>
      <span className="mono text-xs text-slate-600 dark:text-slate-400">{origin(item)}</span>
      <span className="text-xs text-slate-600 dark:text-slate-400">{clock(item.receivedAt)}</span>
    </span>
  );

  if (item.status === "pending") {
    return (
      <article
        aria-label={name}
        className="space-y-2 rounded border border-amber-300 bg-white p-3 text-sm dark:border-amber-800 dark:bg-slate-950"
      >
        {head}
        {item.method === "sampling/createMessage" ? (
          <SamplingCard id={item.id} params={item.params} requests={requests} />
        ) : item.params.mode === "url" ? (
          <UrlElicitationCard id={item.id} params={item.params as ElicitRequestURLParams} requests={requests} />
        ) : (
          <ElicitationFormCard id={item.id} params={item.params as ElicitRequestFormParams} requests={requests} />
        )}
      </article>
    );
  }

  if (item.status === "awaiting-completion") {
    return (
      <article
        aria-label={name}
        className="space-y-2 rounded border border-indigo-300 bg-white p-3 text-sm dark:border-indigo-800 dark:bg-slate-950"
      >
        {head}
        {item.method === "elicitation/create" && (
          <UrlView view={urlElicitationView(item.params as ElicitRequestURLParams)} />
        )}
        <p className="text-xs">
          Sent: <span className="mono">{sentText(item)}</span>
        </p>
        <p role="status" className="text-xs text-indigo-700 dark:text-indigo-300">
          Waiting for notifications/elicitation/complete from the server…
        </p>
      </article>
    );
  }

  const summary = item.completedAt !== undefined ? `completed ${clock(item.completedAt)}` : item.status;
  return (
    <article
      aria-label={name}
      className="rounded border border-slate-200 bg-slate-50 text-sm dark:border-slate-800 dark:bg-slate-900"
    >
      <details>
        <summary className="cursor-pointer px-3 py-1.5">
          <span className="font-medium">{kindOf(item)}</span> <span className="text-xs">— {summary}</span>
          <span className="mono ml-2 text-xs text-slate-600 dark:text-slate-400">Sent: {clip(sentText(item))}</span>
        </summary>
        <div className="space-y-2 border-t border-slate-200 p-3 dark:border-slate-800">
          {head}
          {item.method === "sampling/createMessage" ? (
            <SamplingRequestView params={item.params} />
          ) : item.params.mode === "url" ? (
            <UrlView view={urlElicitationView(item.params as ElicitRequestURLParams)} />
          ) : (
            <p className="whitespace-pre-wrap">{item.params.message}</p>
          )}
          <div>
            <h4 className="text-xs font-medium text-slate-600 dark:text-slate-400">Sent {clock(item.answeredAt)}</h4>
            <pre tabIndex={0} className="mono overflow-x-auto whitespace-pre-wrap text-xs" aria-label="Response sent">
              {item.answer
                ? json(
                    item.answer.kind === "result"
                      ? item.answer.result
                      : { error: { code: item.answer.code, message: item.answer.message } },
                    2,
                  )
                : "(nothing)"}
            </pre>
          </div>
          {item.note && <p className="text-xs text-slate-600 dark:text-slate-400">{item.note}</p>}
        </div>
      </details>
    </article>
  );
}
