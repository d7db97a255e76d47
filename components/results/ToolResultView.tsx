"use client";
import type { CallToolResult, Tool } from "@modelcontextprotocol/client";
import { useMemo, useState } from "react";
import { formatMs, safeStringify } from "@/lib/results";
import type { ToolOutcome } from "@/lib/results";
import { MetaView } from "./BlockMeta";
import { ContentList } from "./ContentList";
import { CancelledView, FailedView, ProtocolErrorView, ToolErrorBanner } from "./ErrorViews";
import { LargeText } from "./LargeText";
import { StructuredContentView } from "./StructuredContentView";
import { BUTTON, NOTE, WARN } from "./ui";

export interface ToolResultViewProps {
  outcome: ToolOutcome;
  /** The called tool, for its outputSchema. */
  tool?: Tool;
  /** Called by "Open resource" on resource_link blocks. */
  onOpenResource?: (uri: string) => void;
}

/** The outcome of one tools/call: result content, structured content, tool or protocol error. */
export function ToolResultView({ outcome, tool, onOpenResource }: ToolResultViewProps) {
  return (
    <section aria-label="Tool result" className="flex flex-col gap-2 text-sm">
      <Header outcome={outcome} />
      {outcome.kind === "result" ? (
        <ResultBody result={outcome.result} tool={tool} onOpenResource={onOpenResource} />
      ) : outcome.kind === "protocol-error" ? (
        <ProtocolErrorView code={outcome.code} message={outcome.message} data={outcome.data} />
      ) : outcome.kind === "cancelled" ? (
        <CancelledView message={outcome.message} />
      ) : (
        <FailedView message={outcome.message} />
      )}
    </section>
  );
}

function Header({ outcome }: { outcome: ToolOutcome }) {
  let what: string;
  if (outcome.kind === "result") {
    const count = Array.isArray(outcome.result.content) ? outcome.result.content.length : 0;
    what = `Result${outcome.result.isError === true ? " (isError)" : ""} · ${count} content ${count === 1 ? "block" : "blocks"}`;
  } else
    what =
      outcome.kind === "protocol-error"
        ? "JSON-RPC error response"
        : outcome.kind === "cancelled"
          ? "Cancelled"
          : "No response";
  return (
    <div className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
      <span>{what}</span>
      <span className="mono ml-auto">{formatMs(outcome.elapsedMs)}</span>
    </div>
  );
}

function ResultBody({
  result,
  tool,
  onOpenResource,
}: {
  result: CallToolResult;
  tool?: Tool;
  onOpenResource?: (uri: string) => void;
}) {
  const isError = result.isError === true;
  const content: unknown = result.content;
  return (
    <>
      {isError && <ToolErrorBanner />}
      {Array.isArray(content) ? (
        <ContentList content={content} onOpenResource={onOpenResource} />
      ) : (
        <p className={`self-start ${WARN}`}>The result has no content array (see the raw result below).</p>
      )}
      <StructuredContentView
        present={result.structuredContent !== undefined}
        structured={result.structuredContent}
        outputSchema={tool?.outputSchema}
        toolKnown={tool !== undefined}
        isError={isError}
      />
      <MetaView meta={result._meta} label="result _meta" />
      <RawResult result={result} />
    </>
  );
}

/** The whole result as JSON, serialised only when opened. */
function RawResult({ result }: { result: CallToolResult }) {
  const [open, setOpen] = useState(false);
  const json = useMemo(() => (open ? safeStringify(result) : ""), [open, result]);
  return (
    <div className="flex flex-col gap-1">
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)} className={`self-start ${BUTTON}`}>
        Raw result JSON
      </button>
      {open && (json ? <LargeText text={json} label="Raw result JSON" /> : <p className={NOTE}>(empty)</p>)}
    </div>
  );
}
