/**
 * The security spot checks: the spec's MUSTs for servers (validate all inputs, sanitize outputs,
 * access control, rate limits) made testable. Session probes (../sessionProbes.ts); those that
 * call tools or send a burst run only with the person's opt-in, and call only read-only tools
 * unless widened. Error leaks runs last: it judges every error of the session, the others' included.
 */
import type { SessionProbe } from "../sessionProbes";
import { errorLeaks } from "./errorLeaks";
import { inputValidation } from "./inputValidation";
import { pathTraversal } from "./pathTraversal";
import { rateLimit } from "./rateLimit";
import { schemaReview } from "./schemaReview";

export const SECURITY_PROBES: SessionProbe[] = [schemaReview, inputValidation, pathTraversal, rateLimit, errorLeaks];

export { errorLeaks, inputValidation, pathTraversal, rateLimit, schemaReview };
export { canaryTargets, pathTraversalProbe, WELL_KNOWN_TARGETS, type TraversalTarget } from "./pathTraversal";
export { findLeaks, type Leak } from "./leaks";
export { callable, isReadOnly } from "./tools";
