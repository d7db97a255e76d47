/**
 * What a view offers to download (`ui/download-file`): each embedded resource as a file with a
 * safe name and its bytes; a resource link is listed but not fetched (the person can open it).
 * The bytes are saved as `application/octet-stream`, so the browser only ever downloads them.
 */
export interface Downloadable {
  name: string;
  mimeType: string;
  bytes?: Uint8Array;
  /** Why this one is not saved (a link, undecodable data). */
  problem?: string;
}

const MAX_FILES = 20;

export function downloadablesOf(contents: unknown): Downloadable[] {
  if (!Array.isArray(contents)) return [];
  return contents.slice(0, MAX_FILES).map((item: unknown): Downloadable => {
    const record = (item ?? {}) as Record<string, unknown>;
    if (record.type === "resource_link")
      return {
        name: fileName(record.uri),
        mimeType: String(record.mimeType ?? ""),
        problem: `a link to ${String(record.uri).slice(0, 300)}, not fetched by MCP Lens`,
      };
    const resource = (record.resource ?? {}) as Record<string, unknown>;
    const mimeType = String(resource.mimeType ?? "");
    const name = fileName(resource.uri);
    if (typeof resource.text === "string") return { name, mimeType, bytes: new TextEncoder().encode(resource.text) };
    if (typeof resource.blob === "string") {
      const bytes = bytesOfBase64(resource.blob);
      return bytes ? { name, mimeType, bytes } : { name, mimeType, problem: "its blob is not base64" };
    }
    return { name, mimeType, problem: "no text or blob to save" };
  });
}

/** The last path segment of a URI, without anything a file system or a shell would read specially. */
export function fileName(uri: unknown): string {
  let text = (typeof uri === "string" ? uri : "").split("?")[0]!;
  try {
    text = decodeURIComponent(text);
  } catch {
    // kept as it is
  }
  const last = text.split(/[/\\]/).filter(Boolean).pop() ?? "";
  const clean = last
    .replace(/[^\w.\- ]+/g, "_")
    .replace(/^[.\s]+/, "")
    .slice(0, 120);
  return clean || "download";
}

/** Save the files the person agreed to: each through a Blob URL that only downloads. */
export function saveDownloads(files: readonly Downloadable[]): number {
  let saved = 0;
  for (const file of files) {
    if (!file.bytes) continue;
    const url = URL.createObjectURL(new Blob([file.bytes as BlobPart], { type: "application/octet-stream" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = file.name;
    a.rel = "noopener";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    saved++;
  }
  return saved;
}

/** Base64 as bytes, or undefined when it is not base64. */
export function bytesOfBase64(blob: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(blob), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}
