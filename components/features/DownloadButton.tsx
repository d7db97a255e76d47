"use client";
import { useState } from "react";
import { resourceDownload, type ResourceItem } from "@/lib/features";
import { BUTTON, NOTE } from "./ui";

/**
 * Saves a resource's bytes as a file. The Blob comes from resourceDownload, which types anything
 * that could render (HTML, SVG, text) as application/octet-stream: it downloads, never opens in the app.
 */
export function DownloadButton({ item }: { item: ResourceItem }) {
  const [error, setError] = useState<string>();
  const download = () => {
    const d = resourceDownload(item);
    if ("error" in d) {
      setError(d.error);
      return;
    }
    setError(undefined);
    const url = URL.createObjectURL(d.blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = d.fileName;
    a.rel = "noopener";
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={download} className={BUTTON}>
        Download
      </button>
      {error && <span className={NOTE}>Cannot download: {error}</span>}
    </span>
  );
}
