import { spawnStdio } from "@/lib/bridge/stdioRoutes";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = (request: Request) => spawnStdio(request);
