"use client";
import type { FetchLike } from "@modelcontextprotocol/client";
import { useCallback, useMemo, useState } from "react";
import { iconSources, loadIcon, type LoadedIcon } from "@/lib/results";
import { SandboxedSvg } from "./SandboxedSvg";
import { BUTTON, NOTE } from "./ui";

/**
 * A server's `icons` (issue 19 item 11). data: raster images show at once; http(s) icons are
 * fetched only when the person clicks, and then through the relay (`relayFetch`), never by the
 * browser itself: no tracking hit on load, no blind GET into the intranet from the page.
 */
export function ServerIcons({
  icons,
  relayFetch,
  max = 3,
  size = "h-6 w-6",
  label,
}: {
  icons: unknown;
  relayFetch: FetchLike | undefined;
  max?: number;
  size?: string;
  label: string;
}) {
  const sources = useMemo(() => iconSources(icons, max), [icons, max]);
  const remote = sources.filter((s) => s.kind === "remote");
  const [loaded, setLoaded] = useState<Record<string, LoadedIcon | "loading">>({});
  const load = useCallback(() => {
    if (!relayFetch) return;
    for (const s of remote) {
      setLoaded((l) => ({ ...l, [s.url]: "loading" }));
      void loadIcon(relayFetch, s.url).then((icon) => setLoaded((l) => ({ ...l, [s.url]: icon })));
    }
  }, [relayFetch, remote]);
  if (sources.length === 0) return null;
  const asked = remote.some((s) => loaded[s.url] !== undefined);
  return (
    <span className="inline-flex items-center gap-1" aria-label={label}>
      {sources.map((s, i) => {
        if (s.kind === "inline") {
          // eslint-disable-next-line @next/next/no-img-element -- a data: raster image from the server; loads nothing
          return <img key={i} src={s.src} alt="" className={size} referrerPolicy="no-referrer" />;
        }
        if (s.kind === "inline-svg")
          return <SandboxedSvg key={i} base64={s.base64} title="server icon (SVG, sandboxed)" className={size} />;
        const icon = loaded[s.url];
        if (icon === undefined || icon === "loading") return null;
        return <LoadedIconView key={i} icon={icon} url={s.url} size={size} />;
      })}
      {remote.length > 0 && !asked && (
        <button
          type="button"
          onClick={load}
          disabled={!relayFetch}
          className={BUTTON}
          title={`Fetch ${remote.map((s) => s.url).join(", ")} through MCP Lens's relay`}
        >
          Show {remote.length === 1 ? "icon" : `${remote.length} icons`}
        </button>
      )}
    </span>
  );
}

function LoadedIconView({ icon, url, size }: { icon: LoadedIcon; url: string; size: string }) {
  const ref = useCallback(
    (el: HTMLImageElement | null) => {
      if (!el || icon.kind !== "raster") return undefined;
      // Typed by the sniffed bytes, which are an inert raster image (lib/results/mediaTypes.ts).
      const src = URL.createObjectURL(new Blob([icon.bytes], { type: icon.mimeType }));
      el.src = src;
      return () => URL.revokeObjectURL(src);
    },
    [icon],
  );
  switch (icon.kind) {
    case "raster":
      // eslint-disable-next-line @next/next/no-img-element -- a Blob URL we made from checked bytes
      return <img ref={ref} alt={`icon from ${url}`} className={size} />;
    case "svg":
      return <SandboxedSvg base64={icon.base64} title={`icon from ${url} (SVG, sandboxed)`} className={size} />;
    case "refused":
      return (
        <span className={NOTE} title={url}>
          icon not shown: {icon.reason}
        </span>
      );
  }
}
