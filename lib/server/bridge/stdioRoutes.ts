import { randomUUID } from "node:crypto";
import { TEAM_STDIO_OFF, stdioAllowed, teamPolicyFromEnv } from "../security/team";
import { LIMITS, HttpError, errorResponse, readBodyLimited, toErrorResponse } from "./limits";
import { StdioLaunchSchema, type BridgeEvent } from "../../base";
import { registry } from "./registry";
import { StdioProcess } from "./stdioProcess";

const STREAM_HEADERS = {
  "content-type": "application/x-ndjson; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  "x-content-type-options": "nosniff",
};

/**
 * POST: start a stdio server and stream its events (NDJSON) for as long as the page reads them.
 * When the page goes away (the request aborts) the process group is shut down.
 * In team mode only allow-listed commands start, by their resolved absolute path (docs/security.md §S19).
 */
export async function spawnStdio(request: Request): Promise<Response> {
  const team = teamPolicyFromEnv();
  if (team && team.stdioAllow.length === 0) return errorResponse(403, TEAM_STDIO_OFF); // refused before the body is read
  let launch;
  try {
    const body = new TextDecoder().decode(await readBodyLimited(request));
    const parsed = StdioLaunchSchema.safeParse(JSON.parse(body));
    if (!parsed.success)
      throw new HttpError(
        400,
        `invalid launch request: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    launch = parsed.data;
  } catch (error) {
    return toErrorResponse(error instanceof SyntaxError ? new HttpError(400, "the launch request is not JSON") : error);
  }
  if (team) {
    const allowed = stdioAllowed(team, launch);
    if (!allowed.ok) return errorResponse(403, allowed.message);
    launch = { ...launch, command: allowed.command };
  }
  const { processes } = registry();
  if (processes.size >= LIMITS.maxProcesses)
    return errorResponse(429, `too many live stdio servers (limit ${LIMITS.maxProcesses}); disconnect some first`);

  const id = randomUUID();
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let proc: StdioProcess | undefined;
  const enqueue = (event: BridgeEvent): number => {
    controller.enqueue(encoder.encode(JSON.stringify(event) + "\n"));
    return LIMITS.streamHighWaterBytes - (controller.desiredSize ?? 0);
  };
  // Backpressure: past the high-water mark the server's output is paused until the reader catches up (`pull`).
  const emit = (event: BridgeEvent) => {
    if (closed) return;
    try {
      const queued = enqueue(event);
      if (queued < LIMITS.streamHighWaterBytes) return;
      proc?.pause();
      if (queued > LIMITS.maxQueuedBytes) {
        enqueue({
          type: "error",
          message: `The server's output waited in the inspector beyond ${LIMITS.maxQueuedBytes >> 20} MiB for this connection; the connection was closed.`,
          hint: "The page reads more slowly than the server writes (or one line's encoding is this large).",
        });
        end();
        stop();
      }
    } catch {
      closed = true;
    }
  };
  const end = () => {
    if (closed) return;
    closed = true;
    try {
      controller.close();
    } catch {
      /* already closed by the reader */
    }
  };
  const stop = () => {
    processes.delete(id);
    proc?.discardOutput();
    void proc?.shutdown();
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
      },
      pull() {
        proc?.resume();
      },
      cancel() {
        closed = true;
        stop();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: LIMITS.streamHighWaterBytes }),
  );
  request.signal.addEventListener("abort", () => {
    end();
    stop();
  });

  proc = StdioProcess.spawn(launch, {
    stdout: (line) => emit({ type: "stdout", line }),
    stderr: (line) => emit({ type: "stderr", line }),
    error: (message, hint, refusedLine) => {
      emit({ type: "error", message, hint, refusedLine });
      if (!proc?.running) {
        processes.delete(id);
        end();
      }
    },
    exit: (code, signal) => {
      emit({ type: "exit", code, signal });
      processes.delete(id);
      end();
      void proc?.shutdown(); // reap grandchildren the leader left behind
    },
  });
  if (proc?.pid !== undefined) {
    processes.set(id, proc);
    emit({ type: "spawned", id, pid: proc.pid });
  }
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
