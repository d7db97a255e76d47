import { z } from "../base";
import { StdioLaunchSchema } from "../base";

/** How one step of the doctor went. `warn`: worth knowing, not the cause; `skip`: not run (an earlier step failed, or it does not apply). */
export type StepStatus = "pass" | "fail" | "warn" | "skip";

/** One step of a diagnosis, in the order it was run, with what it saw. */
export interface DoctorStep {
  id: string;
  title: string;
  status: StepStatus;
  /** What was seen, one fact a line (an address, a status line, a header, a stderr line). */
  evidence: string[];
  /** On a failing step: what to try, in one sentence. */
  fix?: string;
}

/** A whole diagnosis: the steps in order, and the step that failed first with its fix. */
export interface DoctorReport {
  /** What was diagnosed: the URL, or the command line. */
  target: string;
  steps: DoctorStep[];
  /** The first failing step's id; absent when every step passed. */
  failing?: string;
  /** One sentence: what to try (the failing step's fix), or that the connection works. */
  verdict: string;
}

/** What the page asks the doctor (`POST /api/doctor`): a URL with its transport and headers, or a stdio launch. */
export const DoctorRequestSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("url"),
    url: z.string().max(8192),
    transport: z.enum(["streamable-http", "sse"]),
    headers: z.record(z.string(), z.string()).default({}),
  }),
  z.object({ kind: z.literal("stdio"), launch: StdioLaunchSchema }),
]);
export type DoctorRequest = z.infer<typeof DoctorRequestSchema>;

export const DOCTOR_ROUTE = "/api/doctor";

/** A step with no evidence yet. */
export const step = (
  id: string,
  title: string,
  status: StepStatus,
  evidence: string[] = [],
  fix?: string,
): DoctorStep => ({ id, title, status, evidence, ...(fix && { fix }) });

/** The report of the steps: the first failing step names the fix. */
export function reportOf(target: string, steps: DoctorStep[], passVerdict: string): DoctorReport {
  const failing = steps.find((s) => s.status === "fail");
  return {
    target,
    steps,
    ...(failing && { failing: failing.id }),
    verdict: failing ? (failing.fix ?? `${failing.title} failed.`) : passVerdict,
  };
}
