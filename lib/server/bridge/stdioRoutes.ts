import { HttpError, LIMITS, errorResponse, readBodyLimited, toErrorResponse } from "./limits";
import type { BridgeEvent } from "../../base";
import { registry } from "./registry";
import { checkLaunch, stdioBridgeOff } from "./stdioLaunch";
import { StdioConnection } from "./stdioConnection";

const STREAM_HEADERS = {
  "content-type": "application/x-ndjson; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  "x-content-type-options": "nosniff",
};

/**
 * POST: start a stdio server and stream its events (NDJSON) for as long as the page reads them.
 * When the page goes away (the request aborts) the process group is shut down.
 * In team mode only allow-listed commands start, by their resolved absolute path (docs/security.md §S19).
 * The page's WebSocket channel (stdioSocket.ts) does the same over one socket.
 */
export async function spawnStdio(request: Request): Promise<Response> {
  const off = stdioBridgeOff();
  if (off) return errorResponse(403, off); // refused before the body is read
  let text: string;
  try {
    text = new TextDecoder().decode(await readBodyLimited(request));
  } catch (error) {
    return toErrorResponse(error);
  }
  const checked = checkLaunch(text);
  if (!checked.ok) return errorResponse(checked.status, checked.message);

  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let connection: StdioConnection | undefined;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull() {
        connection?.resume();
      },
      cancel() {
        void connection?.stop();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: LIMITS.streamHighWaterBytes }),
  );
  connection = StdioConnection.start(checked.launch, {
    send(event: BridgeEvent) {
      controller.enqueue(encoder.encode(JSON.stringify(event) + "\n"));
      return LIMITS.streamHighWaterBytes - (controller.desiredSize ?? 0);
    },
    end() {
      controller.close();
    },
  });
  const started = connection;
  const stop = () => {
    started.end();
    void started.stop();
  };
  // The page may have gone while the server was starting: an abort before this point counts too.
  if (request.signal.aborted) stop();
  else request.signal.addEventListener("abort", stop, { once: true });
  return new Response(stream, { status: 200, headers: STREAM_HEADERS });
}

/** POST: write one line (a raw JSON-RPC frame, or anything the user wants to send) to the server's stdin. */
export async function writeStdin(request: Request, id: string): Promise<Response> {
  try {
    const proc = registry().processes.get(id);
    if (!proc) throw new HttpError(404, "no such stdio connection (it has exited or was closed)");
    const body = new TextDecoder().decode(await readBodyLimited(request));
    if (body.includes("\n")) throw new HttpError(400, "one frame per request: the body must not contain a newline");
    if (!proc.write(body)) throw new HttpError(410, "the server is no longer running");
    return new Response(null, { status: 202 });
  } catch (error) {
    return toErrorResponse(error);
  }
}

/** DELETE: stop the server (stdin closed, SIGTERM, SIGKILL) and wait until its process group is gone. */
export async function stopStdio(id: string): Promise<Response> {
  const { processes } = registry();
  const proc = processes.get(id);
  if (!proc) return errorResponse(404, "no such stdio connection");
  processes.delete(id);
  await proc.shutdown();
  return new Response(null, { status: 204 });
}
