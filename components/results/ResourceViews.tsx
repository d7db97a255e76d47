"use client";
import type { EmbeddedResource, ResourceLink } from "@modelcontextprotocol/client";
import { fileNameFor, isPreviewableImage } from "@/lib/results";
import { formatBytes } from "@/lib/results";
import { DOWNLOAD_TYPE, isSvgType } from "@/lib/results";
import { safeLinkUrl } from "@/lib/security";
import { MetaView } from "./BlockMeta";
import { BlobDownloadLink, MediaFacts } from "./MediaViews";
import { SandboxedSvg } from "./SandboxedSvg";
import { SandboxedHtml, isHtmlMimeType } from "./SandboxedHtml";
import { TextView } from "./TextView";
import { useObjectUrl } from "./useObjectUrl";
import { BUTTON, NOTE } from "./ui";

/** A resource_link block: its fields, and "Open resource" (resources/read, wired by the caller). */
export function ResourceLinkView({
  block,
  onOpenResource,
}: {
  block: ResourceLink;
  onOpenResource?: (uri: string) => void;
}) {
  const rows: [string, string | undefined][] = [
    ["name", block.name],
    ["title", block.title],
    ["description", block.description],
    ["mimeType", block.mimeType],
    ["size", typeof block.size === "number" ? `${formatBytes(block.size)} (${block.size} bytes)` : undefined],
  ];
  return (
    <div className="flex flex-col gap-1 text-xs">
      <Uri uri={block.uri} />
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5">
        {rows.map(([term, value]) =>
          value === undefined ? null : (
            <div key={term} className="contents">
              <dt className="text-slate-600 dark:text-slate-400">{term}</dt>
              <dd className="break-words whitespace-pre-wrap text-slate-800 dark:text-slate-200">{value}</dd>
            </div>
          ),
        )}
      </dl>
      {onOpenResource && (
        <button type="button" onClick={() => onOpenResource(block.uri)} className={`self-start ${BUTTON}`}>
          Open resource
        </button>
      )}
    </div>
  );
}

/** An embedded resource: text shown as text; a blob as size + download link (+ preview for inert images, SVG sandboxed). */
export function EmbeddedResourceView({
  block,
  contents,
}: {
  block: EmbeddedResource;
  contents: { kind: "text"; text: string } | { kind: "blob"; blob: string };
}) {
  const { uri, mimeType, _meta } = block.resource;
  return (
    <div className="flex flex-col gap-1 text-xs">
      <Uri uri={uri} />
      {contents.kind === "text" ? (
        <>
          <span className={NOTE}>{mimeType ? `text · ${mimeType}` : "text · no mime type"}</span>
          {isHtmlMimeType(mimeType) ? (
            <SandboxedHtml html={contents.text} title={`HTML resource ${uri} (sandboxed)`} />
          ) : (
            <TextView text={contents.text} mimeType={mimeType} />
          )}
        </>
      ) : (
        <BlobView uri={uri} mimeType={mimeType} blob={contents.blob} />
      )}
      <MetaView meta={_meta} label="resource _meta" />
    </div>
  );
}

function BlobView({ uri, mimeType, blob }: { uri: string; mimeType: string | undefined; blob: string }) {
  // The link's Blob is untyped, so opening it (not downloading) can never render server HTML or SVG in the app's origin (issue 19 item 2).
  const image = isPreviewableImage(mimeType);
  const { ref: previewRef, invalid } = useObjectUrl(image ? blob : "", mimeType);
  const name = fileNameFor(uri);
  return (
    <div className="flex flex-col gap-1">
      <MediaFacts mimeType={mimeType} data={blob} />
      {image && invalid ? (
        <p className={NOTE}>The blob is not valid base64.</p>
      ) : (
        <>
          <BlobDownloadLink data={blob} mimeType={DOWNLOAD_TYPE} fileName={name} />
          {image && (
            // eslint-disable-next-line @next/next/no-img-element -- a Blob URL we made, not an optimisable asset
            <img
              ref={previewRef}
              alt={`resource image ${name}`}
              className="max-h-96 max-w-full self-start rounded border border-slate-200 object-contain dark:border-slate-700"
            />
          )}
          {isSvgType(mimeType) && <SandboxedSvg base64={blob} title={`SVG resource ${name} (sandboxed)`} />}
        </>
      )}
    </div>
  );
}

function Uri({ uri }: { uri: string }) {
  const href = safeLinkUrl(uri);
  return (
    <div className="mono break-all text-slate-800 dark:text-slate-200">
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
    </div>
  );
}
