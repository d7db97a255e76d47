"use client";
import { useMemo } from "react";
import { errorCodeName } from "@/lib/results";
import { safeStringify } from "@/lib/results";
import { stripAnsi } from "@/lib/traffic";
import { JsonTree } from "./JsonTree";
import { LargeText } from "./LargeText";

/** isError: the tool ran and reported failure. Amber: the content below is still the tool's answer. */
export function ToolErrorBanner() {
  return (
    <div
      role="alert"
      className="rounded border-l-4 border-amber-500 bg-amber-50 px-2 py-1.5 text-xs text-amber-900 dark:border-amber-400 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <strong className="font-semibold">Tool error</strong>: the tool reported a failure (
      <code className="mono">isError: true</code>). Its content follows.
    </div>
  );
}

/** A JSON-RPC error response: no result at all. Red, framed, with the code named. */
export function ProtocolErrorView({ code, message, data }: { code: number; message: string; data?: unknown }) {
  const name = errorCodeName(code);
  const payload = useMemo(
    () => safeStringify(data === undefined ? { code, message } : { code, message, data }),
    [code, message, data],
  );
  return (
    <div className="flex flex-col gap-2 rounded border-2 border-red-400 bg-red-50 p-2 dark:border-red-700 dark:bg-red-950/50">
      <div role="alert" className="flex flex-col gap-0.5 text-red-900 dark:text-red-100">
        <p className="text-sm font-semibold">
          Protocol error <span className="mono">{code}</span>
          {name && <span className="font-normal"> {name}</span>}
        </p>
        <p className="text-xs break-words whitespace-pre-wrap">{stripAnsi(message)}</p>
      </div>
      {data !== undefined && (
        <div className="flex flex-col gap-0.5">
          <span className="text-xs font-medium text-red-800 dark:text-red-200">data</span>
          <JsonTree value={data} label="Error data" />
        </div>
      )}
      <div className="flex flex-col gap-0.5">
        <span className="text-xs font-medium text-red-800 dark:text-red-200">Full error payload</span>
        <LargeText text={payload} label="Full error payload" />
      </div>
    </div>
  );
}

/** The person cancelled the call: not a failure of the server. */
export function CancelledView({ message }: { message: string }) {
  return (
    <div
      role="status"
      aria-label="Cancelled"
      className="rounded border border-dashed border-slate-400 bg-slate-50 px-2 py-1.5 text-xs text-slate-800 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-200"
    >
      <strong className="font-semibold">Cancelled by you</strong>: {message}
    </div>
  );
}

/** No response: the transport failed, the request timed out, or the connection was lost. */
export function FailedView({ message }: { message: string }) {
  return (
    <div
      role="alert"
      className="rounded border border-dashed border-slate-400 bg-slate-50 px-2 py-1.5 text-xs text-slate-800 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-200"
    >
      <strong className="font-semibold">Request failed</strong>: no response from the server.{" "}
      <span className="break-words whitespace-pre-wrap">{stripAnsi(message)}</span>
    </div>
  );
}
