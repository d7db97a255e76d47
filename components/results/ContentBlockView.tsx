"use client";
import { useMemo } from "react";
import { type ClassifiedContent, classifyContent, contentLabel } from "@/lib/results";
import { safeStringify } from "@/lib/results";
import { AnnotationBadges, MetaView } from "./BlockMeta";
import { LargeText } from "./LargeText";
import { AudioView, ImageView } from "./MediaViews";
import { EmbeddedResourceView, ResourceLinkView } from "./ResourceViews";
import { TextView } from "./TextView";
import { WARN } from "./ui";

/** One entry of `content`, as `<article aria-label="<type> content <n>">` (n counts from 1). */
export function ContentBlockView({
  block,
  index,
  onOpenResource,
}: {
  block: unknown;
  index: number;
  onOpenResource?: (uri: string) => void;
}) {
  const classified = useMemo(() => classifyContent(block), [block]);
  const label = contentLabel(classified);
  const fields = typeof block === "object" && block !== null ? (block as Record<string, unknown>) : {};
  return (
    <article
      aria-label={`${label} content ${index + 1}`}
      className="flex flex-col gap-1.5 rounded border border-slate-200 bg-white p-2 dark:border-slate-700 dark:bg-slate-900/40"
    >
      <header className="flex flex-wrap items-center gap-2">
        <span className="text-xs font-semibold text-slate-700 dark:text-slate-200">
          {label} <span className="font-normal text-slate-600 dark:text-slate-400">#{index + 1}</span>
        </span>
        {classified.kind !== "unknown" && <AnnotationBadges annotations={fields.annotations} />}
      </header>
      <BlockBody classified={classified} onOpenResource={onOpenResource} />
      {classified.kind !== "unknown" && <MetaView meta={fields._meta} />}
    </article>
  );
}

function BlockBody({
  classified: c,
  onOpenResource,
}: {
  classified: ClassifiedContent;
  onOpenResource?: (uri: string) => void;
}) {
  switch (c.kind) {
    case "text":
      return <TextView text={c.block.text} />;
    case "image":
      return <ImageView block={c.block} />;
    case "audio":
      return <AudioView block={c.block} />;
    case "resource_link":
      return <ResourceLinkView block={c.block} onOpenResource={onOpenResource} />;
    case "resource":
      return <EmbeddedResourceView block={c.block} contents={c.contents} />;
    case "unknown":
      return <UnknownView reason={c.reason} raw={c.raw} />;
  }
}

/** Never dropped: an unknown or malformed block is shown whole, as JSON. */
function UnknownView({ reason, raw }: { reason: string; raw: unknown }) {
  const json = useMemo(() => safeStringify(raw), [raw]);
  return (
    <div className="flex flex-col gap-1">
      <p className={`self-start ${WARN}`}>{reason}: shown as raw JSON.</p>
      <LargeText text={json} />
    </div>
  );
}
