import { doctor } from "@/lib/server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export const POST = (request: Request) => doctor(request);
