"use client";
import { SANDBOX_CSP } from "./SandboxedHtml";
import { NOTE } from "./ui";

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * An SVG from a server (issue 19 item 2): drawn as an <img> inside an iframe with an empty
 * `sandbox` (a unique origin, no script) and the sandbox CSP, from a data: URL. It is never a
 * Blob URL, which would carry the app's origin and run the SVG's script if opened in a tab.
 */
export function SandboxedSvg({
  base64,
  title,
  className = "h-64 w-full max-w-md",
}: {
  base64: string;
  title: string;
  className?: string;
}) {
  const data = base64.replace(/\s+/g, "");
  if (!BASE64.test(data)) return <p className={NOTE}>The SVG data is not valid base64.</p>;
  const srcDoc = `<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}"><style>html,body{margin:0;height:100%}img{display:block;max-width:100%;max-height:100%}</style><img alt="" src="data:image/svg+xml;base64,${data}">`;
  return (
    <iframe
      sandbox=""
      srcDoc={srcDoc}
      title={title}
      referrerPolicy="no-referrer"
      className={`block rounded border border-slate-200 bg-white dark:border-slate-700 ${className}`}
    />
  );
}
