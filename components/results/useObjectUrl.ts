"use client";
import { useCallback, useMemo } from "react";
import { base64ToBytes } from "@/lib/results/limits";

type UrlElement = HTMLAnchorElement | HTMLImageElement | HTMLMediaElement | HTMLObjectElement;

/**
 * Base64 data as a Blob URL on an element (`href` for links, `data` for <object>, `src` for media), through a React 19
 * ref callback: created when the element mounts, revoked when it unmounts or the data changes.
 * Decoding happens once per (data, mime); `invalid` is true when the data is not base64.
 */
export function useObjectUrl(data: string, mimeType: string | undefined): { ref: (el: UrlElement | null) => (() => void) | undefined; invalid: boolean } {
  const blob = useMemo(() => {
    const bytes = base64ToBytes(data);
    return bytes ? new Blob([bytes], { type: mimeType ?? "application/octet-stream" }) : null;
  }, [data, mimeType]);
  const ref = useCallback(
    (el: UrlElement | null) => {
      if (!el || !blob) return undefined;
      const url = URL.createObjectURL(blob);
      if (el instanceof HTMLAnchorElement) el.href = url;
      else if (el instanceof HTMLObjectElement) el.data = url;
      else el.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [blob],
  );
  return { ref, invalid: blob === null };
}
