import { DoctorRequestSchema, type DoctorReport } from "../../doctor";
import { errorMessage } from "../../base";
import { probeUrl, type UrlProbeOptions } from "./doctorHttp";
import { probeStdio } from "./doctorStdio";
import { errorResponse, HttpError, readBodyLimited } from "./limits";
import { checkLaunch } from "./stdioLaunch";
import { diagnoseStdio } from "../../doctor";

/** Diagnoses run at once, for the whole inspector (each may start one process or send three requests). */
const MAX_DOCTORS = 4;
let running = 0;

export interface DoctorOptions extends UrlProbeOptions {
  /** How long a stdio server gets to answer initialize. */
  stdioWaitMs?: number;
}

/**
 * POST /api/doctor: diagnose a connection step by step (lib/doctor). A URL is probed through the
 * relay's own checks (relayTarget: blocked addresses after DNS, team ranges); a stdio command passes
 * the bridge's launch checks (`checkLaunch`: the wire schema, the team allowlist, the process limit)
 * before it runs, exactly as a connection's would, and is stopped before the answer.
 */
export function doctor(request: Request): Promise<Response> {
  return doctorWith(request);
}

export async function doctorWith(request: Request, options: DoctorOptions = {}): Promise<Response> {
  let text: string;
  try {
    text = new TextDecoder().decode(await readBodyLimited(request));
  } catch (e) {
    return errorResponse(e instanceof HttpError ? e.status : 400, errorMessage(e));
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return errorResponse(400, "the doctor request is not JSON");
  }
  const parsed = DoctorRequestSchema.safeParse(json);
  if (!parsed.success) return errorResponse(400, "invalid doctor request");
  if (running >= MAX_DOCTORS) return errorResponse(429, "too many diagnoses at once; try again in a moment");
  running++;
  try {
    const req = parsed.data;
    let report: DoctorReport;
    if (req.kind === "url") {
      report = await probeUrl(req.url, req.transport, req.headers, { ...options, signal: request.signal });
    } else {
      const check = checkLaunch(JSON.stringify(req.launch));
      report = check.ok
        ? await probeStdio(check.launch, options.stdioWaitMs)
        : diagnoseStdio({
            commandLine: [req.launch.command, ...req.launch.args].join(" "),
            refused: check.message,
            stderr: [],
            stdout: [],
            waitedMs: 0,
          });
    }
    return Response.json(report, { headers: { "cache-control": "no-store" } });
  } finally {
    running--;
  }
}
