"use client";
import { useCallback, useMemo } from "react";
import { base64ToBytes } from "@/lib/results";
import { blobTypeFor } from "@/lib/results";

type UrlElement = HTMLAnchorElement | HTMLImageElement | HTMLMediaElement;

/**
 * Base64 data as a Blob URL on an element (`href` for links, `src` for media), through a React 19
 * ref callback: created when the element mounts, revoked when it unmounts or the data changes.
 * A Blob URL has the app's origin, so the Blob only keeps the server's type when it is inert media
 * (lib/results/mediaTypes.ts); anything else is application/octet-stream, which only downloads.
 * Decoding happens once per (data, mime); `invalid` is true when the data is not base64.
 */
export function useObjectUrl(
  data: string,
  mimeType: string | undefined,
): { ref: (el: UrlElement | null) => (() => void) | undefined; invalid: boolean } {
  const blob = useMemo(() => {
    const bytes = base64ToBytes(data);
    return bytes ? new Blob([bytes], { type: blobTypeFor(mimeType) }) : null;
  }, [data, mimeType]);
  const ref = useCallback(
    (el: UrlElement | null) => {
      if (!el || !blob) return undefined;
      const url = URL.createObjectURL(blob);
      if (el instanceof HTMLAnchorElement) el.href = url;
      else el.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [blob],
  );
  return { ref, invalid: blob === null };
}
