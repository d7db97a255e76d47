/** The spot check: probes with a fixed right answer, sent on a live connection and judged. */
export { PROBES, type Probe, type ProbeContext } from "./probes";
export { HTTP_PROBES, type HttpProbe } from "./httpProbes";
export { SESSION_PROBES, sessionFrames, type SessionProbe, type SessionProbeContext } from "./sessionProbes";
export { checksMarkdown, type ReportContext } from "./report";
export { SECURITY_PROBES, callable, isReadOnly } from "./security";
export { checksJson, checksJunit, xml } from "./export";
export {
  ALL_PROBES,
  SpotCheck,
  type AnyProbe,
  type CallPermission,
  type CheckResult,
  type SpotCheckState,
  type SpotCheckTarget,
} from "./spotCheck";
import { SpotCheck, type SpotCheckTarget } from "./spotCheck";

const perSession = new WeakMap<SpotCheckTarget, SpotCheck>();

/** The spot check of a session: one per session, so its results outlive a tab switch. */
export function spotCheckFor(session: SpotCheckTarget): SpotCheck {
  let check = perSession.get(session);
  if (!check) perSession.set(session, (check = new SpotCheck()));
  return check;
}
