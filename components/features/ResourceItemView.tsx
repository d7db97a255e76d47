"use client";
import { useMemo } from "react";
import { AppResourceMetaView } from "../apps/AppResourceMetaView";
import { APP_MIME_TYPE } from "@/lib/apps";
import { decodeBlobText, type ResourceItem } from "@/lib/features";
import { JSON_PRETTY_LIMIT, formatBytes, safeStringify } from "@/lib/results";
import { prettyJson } from "@/lib/results";
import { safeLinkUrl } from "@/lib/security";
import { JsonViewer } from "../json/JsonViewer";
import { LargeText } from "../results/LargeText";
import { SandboxedHtml } from "../results/SandboxedHtml";
import { TextView } from "../results/TextView";
import { DownloadButton } from "./DownloadButton";
import { SandboxedSvg } from "../results/SandboxedSvg";
import { useObjectUrl } from "../results/useObjectUrl";
import { BADGE, NOTE, WARN } from "./ui";

/** One entry of a resource's contents: URI, mime type and size always, then the best view a browser can give. */
export function ResourceItemView({ item, index }: { item: ResourceItem; index: number }) {
  return (
    <article
      aria-label={`Resource contents ${index + 1}`}
      className="flex flex-col gap-1.5 rounded border border-slate-200 bg-white p-2 text-xs dark:border-slate-700 dark:bg-slate-900/40"
    >
      <header className="flex flex-wrap items-center gap-1.5">
        <Uri uri={item.uri} />
        <span className={`mono ${BADGE}`} aria-label="MIME type">
          {item.mimeType}
        </span>
        {item.mimeGuessed && <span className={NOTE}>(not declared: guessed)</span>}
        <span className={BADGE} aria-label="Size">{`${formatBytes(item.size)} (${item.size} bytes)`}</span>
        <span className={BADGE}>
          {item.kind === "blob" ? "blob" : item.kind === "text" ? `text · ${item.language}` : "invalid"}
        </span>
        {item.kind !== "invalid" && (
          <span className="ml-auto">
            <DownloadButton item={item} />
          </span>
        )}
      </header>
      {isAppMimeType(item.mimeType) && <AppResourceMetaView meta={item.meta} />}
      <Body item={item} />
    </article>
  );
}

function Body({ item }: { item: ResourceItem }) {
  switch (item.kind) {
    case "text":
      if (item.render === "sandboxed-html")
        return <SandboxedHtml html={item.text} title={`HTML resource ${item.uri} (sandboxed)`} />;
      if (item.render === "markdown") return <TextView text={item.text} mimeType="text/markdown" />;
      if (item.language === "json") return <JsonText text={item.text} />;
      return <LargeText text={item.text} label={`${item.language} text`} />;
    case "blob":
      return <BlobPreview item={item} />;
    case "invalid":
      return (
        <div className="flex flex-col gap-1">
          <p className={`self-start ${WARN}`}>{item.reason}: shown as raw JSON.</p>
          <LargeText text={safeStringify(item.raw)} />
        </div>
      );
  }
}

function JsonText({ text }: { text: string }) {
  const pretty = useMemo(() => (text.length <= JSON_PRETTY_LIMIT ? prettyJson(text) : undefined), [text]);
  if (pretty === undefined) return <LargeText text={text} label="json text" />;
  return <JsonViewer value={pretty} />;
}

function BlobPreview({ item }: { item: Extract<ResourceItem, { kind: "blob" }> }) {
  const preview = item.preview;
  // Only inert media (image, audio, video) become a Blob URL; useObjectUrl types anything else as a download.
  const media = preview === "image" || preview === "audio" || preview === "video";
  const { ref, invalid } = useObjectUrl(media ? item.blob : "", item.mimeType);
  const text = useMemo(() => (preview === "text" ? decodeBlobText(item.blob) : null), [preview, item.blob]);
  if (preview === "download") return <p className={NOTE}>Not previewed: {item.mimeType}. Download it.</p>;
  if (preview === "svg") return <SandboxedSvg base64={item.blob} title={`SVG resource ${item.uri} (sandboxed)`} />;
  if (preview === "text") {
    if (text === null) return <p className={NOTE}>The blob is not valid base64.</p>;
    return (
      <div className="flex flex-col gap-1">
        <span className={NOTE}>Decoded as UTF-8 text ({item.language ?? "plain"})</span>
        <LargeText text={text} label="Decoded blob text" />
      </div>
    );
  }
  if (invalid) return <p className={NOTE}>The blob is not valid base64.</p>;
  switch (preview) {
    case "image":
      return (
        // eslint-disable-next-line @next/next/no-img-element -- a Blob URL we made, not an optimisable asset
        <img
          ref={ref}
          alt={`resource image ${item.uri}`}
          className="max-h-96 max-w-full self-start rounded border border-slate-200 object-contain dark:border-slate-700"
        />
      );
    case "audio":
      return (
        <audio
          ref={ref}
          controls
          preload="metadata"
          aria-label={`audio (${item.mimeType})`}
          className="w-full max-w-md"
        />
      );
    case "video":
      return (
        <video
          ref={ref}
          controls
          preload="metadata"
          aria-label={`video (${item.mimeType})`}
          className="max-h-96 max-w-full"
        />
      );
  }
}

function Uri({ uri }: { uri: string }) {
  const href = safeLinkUrl(uri);
  return (
    <span className="mono mr-1 break-all text-slate-800 dark:text-slate-200">
      {href ? (
        <a
          href={href}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="text-indigo-700 underline hover:no-underline dark:text-indigo-300"
        >
          {uri}
        </a>
      ) : (
        uri
      )}
    </span>
  );
}

function isAppMimeType(mimeType: string): boolean {
  return mimeType.replace(/\s+/g, "").toLowerCase() === APP_MIME_TYPE;
}
