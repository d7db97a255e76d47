"use client";
import { appResourceMeta } from "@/lib/apps";
import { BADGE, NOTE } from "../results/ui";

/** What a `ui://` MCP App resource declares in `_meta.ui`: the view's CSP domains and permissions. */
export function AppResourceMetaView({ meta }: { meta: Record<string, unknown> | undefined }) {
  const ui = appResourceMeta({ _meta: meta });
  const rows: [string, string[]][] = [
    ["connect", ui.csp.connectDomains],
    ["resources", ui.csp.resourceDomains],
    ["frames", ui.csp.frameDomains],
    ["base URI", ui.csp.baseUriDomains],
  ];
  return (
    <dl
      role="group"
      aria-label="MCP App view declarations"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs"
    >
      <span className={BADGE}>MCP App view</span>
      {rows.map(([name, list]) => (
        <div key={name} className="flex gap-1">
          <dt className={NOTE}>{name}:</dt>
          <dd className="mono">{list.length ? list.join(" ") : "none"}</dd>
        </div>
      ))}
      <div className="flex gap-1">
        <dt className={NOTE}>permissions:</dt>
        <dd className="mono">{ui.permissions.length ? ui.permissions.join(", ") : "none"}</dd>
      </div>
      {ui.dropped.length > 0 && (
        <div className="flex gap-1">
          <dt className="text-amber-800 dark:text-amber-300">not used (not a plain origin):</dt>
          <dd className="mono break-all">{ui.dropped.join(", ")}</dd>
        </div>
      )}
      {ui.domain !== undefined && (
        <div className="flex gap-1">
          <dt className={NOTE}>domain:</dt>
          <dd className="mono break-all">
            {ui.domain} <span className={NOTE}>(MCP Lens runs every view in an opaque origin instead)</span>
          </dd>
        </div>
      )}
      {ui.prefersBorder !== undefined && (
        <div className="flex gap-1">
          <dt className={NOTE}>border:</dt>
          <dd>{ui.prefersBorder ? "preferred" : "not wanted"}</dd>
        </div>
      )}
    </dl>
  );
}
