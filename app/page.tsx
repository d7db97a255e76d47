import { InspectorApp } from "@/components/InspectorApp";
import { builtInConnections } from "@/lib/connections/builtIn";

export const dynamic = "force-dynamic";

/** Hands the page its session token; the gate has already checked Host and Origin (SECURITY.md rule 4). */
export default function Page() {
  const token = process.env.MCP_LENS_TOKEN ?? "";
  const builtIn = builtInConnections({ root: process.env.MCP_LENS_ROOT ?? process.cwd(), nodePath: process.execPath, demoHttpUrl: process.env.MCP_LENS_DEMO_HTTP_URL });
  return (
    <>
      <meta name="mcp-lens-token" content={token} />
      <InspectorApp token={token} builtIn={builtIn} />
    </>
  );
}
