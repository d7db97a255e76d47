"use client";
import { useState } from "react";
import { PAGE_SIZE } from "@/lib/results";
import { ContentBlockView } from "./ContentBlockView";
import { BUTTON, NOTE } from "./ui";

/** The result's `content` blocks, PAGE_SIZE at a time. */
export function ContentList({
  content,
  onOpenResource,
}: {
  content: readonly unknown[];
  onOpenResource?: (uri: string) => void;
}) {
  const [limit, setLimit] = useState(PAGE_SIZE);
  if (content.length === 0) return <p className={NOTE}>No content blocks.</p>;
  const shown = content.length > limit ? content.slice(0, limit) : content;
  return (
    <div className="flex flex-col gap-2">
      {shown.map((block, i) => (
        <ContentBlockView key={i} block={block} index={i} onOpenResource={onOpenResource} />
      ))}
      {content.length > limit && (
        <button type="button" onClick={() => setLimit((l) => l + PAGE_SIZE)} className={`self-start ${BUTTON}`}>
          Show more content ({content.length - limit} remaining)
        </button>
      )}
    </div>
  );
}
