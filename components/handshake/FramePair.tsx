import type { FrameEntry } from "@/lib/traffic";

/** A request and its response side by side, as raw pretty-printed JSON. */
export function FramePair({ title, request, response }: { title: string; request: FrameEntry; response?: FrameEntry }) {
  return (
    <section aria-label={`${title} exchange`} className="grid gap-3 lg:grid-cols-2">
      <FrameBox label={`${title} request`} frame={request} />
      {response ? (
        <FrameBox label={`${title} ${response.rpc.type === "error" ? "error" : "result"}`} frame={response} />
      ) : (
        <p className="text-slate-600 dark:text-slate-400">No answer yet.</p>
      )}
    </section>
  );
}

function FrameBox({ label, frame }: { label: string; frame: FrameEntry }) {
  return (
    <figure className="min-w-0">
      <figcaption className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">
        {label}{" "}
        <span className="font-normal">
          · {frame.size} B{frame.latencyMs !== undefined ? ` · ${frame.latencyMs.toFixed(1)} ms` : ""}
        </span>
      </figcaption>
      <pre
        tabIndex={0}
        aria-label={label}
        className="mono max-h-72 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-900"
      >
        {pretty(frame.raw)}
      </pre>
    </figure>
  );
}

function pretty(raw: string): string {
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    return raw;
  }
}
