import { AccessGate } from "@/components/access/AccessGate";
import { builtInConnections } from "@/lib/connections";

export const dynamic = "force-dynamic";

/** The page holds no token: AccessGate obtains it from `POST /api/session` (docs/security.md). */
export default function Page() {
  const builtIn = builtInConnections({
    root: process.env.MCP_LENS_ROOT ?? process.cwd(),
    nodePath: process.execPath,
    demoHttpUrl: process.env.MCP_LENS_DEMO_HTTP_URL,
  });
  return <AccessGate builtIn={builtIn} />;
}
