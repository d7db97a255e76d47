/**
 * Schema review (no calls): tool parameters that look like a path, SQL, a shell command or a URL
 * and are not bounded by a pattern, enum, const or maxLength. Such a parameter hands whoever drives
 * the model a general-purpose capability; a "should", with least-privilege advice for each kind.
 */
import type { SessionProbe } from "../sessionProbes";
import { constraintsOf, paramsOf, riskOf, type RiskKind } from "./params";
import { count, listTools, listWords, needsTools } from "./tools";

const WHAT: Record<RiskKind, string> = {
  path: "a file path",
  sql: "SQL",
  shell: "a shell command",
  url: "a URL",
};

/** Least privilege, per kind: what to offer instead of the open string. */
export const ADVICE: Record<RiskKind, string> = {
  path: "confine paths to the directories the tool needs (resolve, then check the result stays inside) and declare a pattern",
  sql: "offer narrow, parameterised operations (or a read-only role) instead of raw SQL",
  shell: "offer a fixed set of operations (an enum) instead of a command string, and never pass it to a shell",
  url: "allow only the schemes and hosts the tool needs (a pattern) and refuse private addresses",
};

export const schemaReview: SessionProbe = {
  kind: "session",
  id: "security-schema-review",
  level: "should",
  title: "Tool parameters that take paths, SQL, shell commands or URLs are bounded",
  page: "security",
  expected: () =>
    "every path, SQL, shell-command or URL parameter has a pattern, enum or maxLength (least privilege); no tool is called",
  skip: needsTools,
  async run(ctx) {
    const listed = await listTools(ctx);
    if ("error" in listed) return { pass: false, observed: listed.error };
    const open: string[] = [];
    const kinds = new Set<RiskKind>();
    let reviewed = 0;
    for (const tool of listed.tools) {
      for (const param of paramsOf(tool.inputSchema)) {
        reviewed++;
        const kind = riskOf(param);
        if (!kind || constraintsOf(param).length > 0) continue;
        kinds.add(kind);
        open.push(`${tool.name}.${param.name} looks like ${WHAT[kind]} and has no pattern, enum or maxLength`);
      }
    }
    const of = `${count(listed.tools.length, "tool")}, ${count(reviewed, "parameter")}`;
    if (open.length === 0)
      return { pass: true, observed: `${of}: none looks like an unbounded path, SQL, shell command or URL` };
    const advice = [...kinds].map((k) => `${WHAT[k]}: ${ADVICE[k]}`).join("; ");
    return { pass: false, observed: `${of}: ${listWords(open)}. Least privilege: ${advice}` };
  },
};
