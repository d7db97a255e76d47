import { stopStdio, writeStdin } from "@/lib/server";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

export const POST = async (request: Request, { params }: Context) => writeStdin(request, (await params).id);
export const DELETE = async (_request: Request, { params }: Context) => stopStdio((await params).id);
