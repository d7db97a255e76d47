"use client";
import type { AudioContent, ImageContent } from "@modelcontextprotocol/client";
import { useMemo } from "react";
import { isPreviewableImage } from "@/lib/results/content";
import { base64ByteLength, formatBytes } from "@/lib/results/limits";
import { safeImageUrl } from "@/lib/security/urls";
import { useObjectUrl } from "./useObjectUrl";
import { BADGE, NOTE } from "./ui";

/** An image block: previewed from a data: URL in an <img> (no script runs there), with type and size. */
export function ImageView({ block }: { block: ImageContent }) {
  const src = useMemo(
    () => (isPreviewableImage(block.mimeType) ? safeImageUrl(`data:${block.mimeType.trim()};base64,${block.data}`) : undefined),
    [block.mimeType, block.data],
  );
  return (
    <div className="flex flex-col gap-1">
      <MediaFacts mimeType={block.mimeType} data={block.data} />
      {src ? (
        // eslint-disable-next-line @next/next/no-img-element -- a data: URL from the server, not an optimisable asset
        <img src={src} alt={`image content (${block.mimeType})`} className="max-h-96 max-w-full self-start rounded border border-slate-200 object-contain dark:border-slate-700" />
      ) : (
        <p className={NOTE}>Not previewed: “{block.mimeType}” is not an image type.</p>
      )}
    </div>
  );
}

/** An audio block: an <audio controls> player on a Blob URL. */
export function AudioView({ block }: { block: AudioContent }) {
  const { ref, invalid } = useObjectUrl(block.data, block.mimeType);
  return (
    <div className="flex flex-col gap-1">
      <MediaFacts mimeType={block.mimeType} data={block.data} />
      {invalid ? (
        <p className={NOTE}>The audio data is not valid base64.</p>
      ) : (
        <audio ref={ref} controls preload="metadata" aria-label={`audio (${block.mimeType})`} className="w-full max-w-md" />
      )}
    </div>
  );
}

export function MediaFacts({ mimeType, data }: { mimeType: string | undefined; data: string }) {
  return (
    <div className="flex flex-wrap items-center gap-1">
      <span className={`mono ${BADGE}`}>{mimeType ?? "no mime type"}</span>
      <span className={BADGE}>{formatBytes(base64ByteLength(data))}</span>
    </div>
  );
}
