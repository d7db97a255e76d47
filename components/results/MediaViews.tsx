"use client";
import type { AudioContent, ImageContent } from "@modelcontextprotocol/client";
import { useMemo } from "react";
import { isPreviewableImage } from "@/lib/results";
import { base64ByteLength, formatBytes } from "@/lib/results";
import { inertMediaType, isSvgType } from "@/lib/results";
import { safeImageUrl } from "@/lib/security";
import { SandboxedSvg } from "./SandboxedSvg";
import { useObjectUrl } from "./useObjectUrl";
import { BADGE, NOTE } from "./ui";

/**
 * An image block: an inert raster type is previewed from a data: URL in an <img>; SVG only inside
 * the sandboxed frame; any other type is not previewed, only offered as an untyped download.
 */
export function ImageView({ block }: { block: ImageContent }) {
  const src = useMemo(
    () =>
      isPreviewableImage(block.mimeType)
        ? safeImageUrl(`data:${block.mimeType.trim()};base64,${block.data}`)
        : undefined,
    [block.mimeType, block.data],
  );
  return (
    <div className="flex flex-col gap-1">
      <MediaFacts mimeType={block.mimeType} data={block.data} />
      {src ? (
        // eslint-disable-next-line @next/next/no-img-element -- a data: URL from the server, not an optimisable asset
        <img
          src={src}
          alt={`image content (${block.mimeType})`}
          className="max-h-96 max-w-full self-start rounded border border-slate-200 object-contain dark:border-slate-700"
        />
      ) : isSvgType(block.mimeType) ? (
        <SandboxedSvg base64={block.data} title={`SVG image content (sandboxed)`} />
      ) : (
        <NotPreviewed what="image" mimeType={block.mimeType} data={block.data} />
      )}
    </div>
  );
}

/** An audio block: an <audio controls> player on a Blob URL, for inert audio types only. */
export function AudioView({ block }: { block: AudioContent }) {
  const playable = inertMediaType("audio", block.mimeType) !== undefined;
  const { ref, invalid } = useObjectUrl(playable ? block.data : "", block.mimeType);
  return (
    <div className="flex flex-col gap-1">
      <MediaFacts mimeType={block.mimeType} data={block.data} />
      {!playable ? (
        <NotPreviewed what="audio" mimeType={block.mimeType} data={block.data} />
      ) : invalid ? (
        <p className={NOTE}>The audio data is not valid base64.</p>
      ) : (
        <audio
          ref={ref}
          controls
          preload="metadata"
          aria-label={`audio (${block.mimeType})`}
          className="w-full max-w-md"
        />
      )}
    </div>
  );
}

/** “Not previewed: <type>” and the bytes as a download (application/octet-stream: never rendered). */
function NotPreviewed({ what, mimeType, data }: { what: "image" | "audio"; mimeType: string; data: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <p className={NOTE}>
        Not previewed: “{mimeType}” is not an {what} type MCP Lens shows.
      </p>
      <BlobDownloadLink data={data} mimeType={mimeType} fileName={`${what}.bin`} />
    </div>
  );
}

/** A download link for base64 data; the Blob is typed by blobTypeFor (octet-stream unless inert media). */
export function BlobDownloadLink({
  data,
  mimeType,
  fileName,
}: {
  data: string;
  mimeType: string | undefined;
  fileName: string;
}) {
  const { ref, invalid } = useObjectUrl(data, mimeType);
  if (invalid) return <span className={NOTE}>(not valid base64)</span>;
  return (
    <a
      ref={ref}
      download={fileName}
      className="self-start text-xs text-indigo-700 underline hover:no-underline dark:text-indigo-300"
    >
      Download {fileName} ({formatBytes(base64ByteLength(data))})
    </a>
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
