"use client";
import { useCallback, useMemo } from "react";
import { base64ToBytes } from "@/lib/results/limits";

type UrlElement = HTMLImageElement | HTMLMediaElement | HTMLObjectElement;

/**
 * Base64 data as a Blob URL on a preview element (`src`, or `data` for <object>), set through a
 * ref callback: created when the element mounts, revoked when it unmounts or the data changes.
 */
export function useBlobUrl(data: string, mimeType: string): { ref: (el: UrlElement | null) => (() => void) | undefined; invalid: boolean } {
  const blob = useMemo(() => {
    const bytes = base64ToBytes(data);
    return bytes ? new Blob([bytes], { type: mimeType }) : null;
  }, [data, mimeType]);
  const ref = useCallback(
    (el: UrlElement | null) => {
      if (!el || !blob) return undefined;
      const url = URL.createObjectURL(blob);
      if (el instanceof HTMLObjectElement) el.data = url;
      else el.src = url;
      return () => URL.revokeObjectURL(url);
    },
    [blob],
  );
  return { ref, invalid: blob === null };
}
