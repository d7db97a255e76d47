/**
 * Input validation (calls tools; opt-in): each callable tool is called with arguments that break
 * its own inputSchema, one rule at a time, starting from arguments that satisfy it: a parameter of
 * the wrong type, a required parameter left out, a property the schema forbids (additionalProperties:
 * false), a string over its maxLength. A clear refusal (a JSON-RPC error, or a result with isError)
 * passes; a normal result (the tool ran on input it declared invalid) or no answer fails.
 */
import type { SessionProbe } from "../sessionProbes";
import { baseArguments, paramsOf, wrongValue } from "./params";
import {
  callable,
  callTool,
  count,
  describeReading,
  listTools,
  listWords,
  needsTools,
  OPT_IN,
  quote,
  readingOf,
  scopeWords,
  type ListedTool,
} from "./tools";

/** Longest maxLength the check will exceed (a longer string is not worth sending). */
const MAX_OVERSIZE = 100_000;

export interface Violation {
  /** What is wrong, in words: `path: 12345 (a string expected)`. */
  what: string;
  args: Record<string, unknown>;
}

/** The violations of a tool's own inputSchema the check sends: at most one of each kind. */
export function violationsOf(tool: ListedTool): Violation[] {
  const schema = tool.inputSchema;
  if (!schema || schema.type !== "object") return [];
  const base = baseArguments(schema);
  const params = paramsOf(schema);
  const out: Violation[] = [];
  for (const p of params) {
    const wrong = wrongValue(p.schema);
    if (wrong === undefined) continue;
    out.push({
      what: `${p.name}: ${quote(wrong)} (${String(p.schema.type)} expected)`,
      args: { ...base, [p.name]: wrong },
    });
    break;
  }
  const required = params.find((p) => p.required);
  if (required) {
    const { [required.name]: _left, ...rest } = base;
    out.push({ what: `required ${required.name} left out`, args: rest });
  }
  if (schema.additionalProperties === false && !params.some((p) => p.name === "lens_unexpected"))
    out.push({
      what: "an extra property lens_unexpected (additionalProperties: false)",
      args: { ...base, lens_unexpected: true },
    });
  const bounded = params.find(
    (p) => typeof p.schema.maxLength === "number" && p.schema.maxLength < MAX_OVERSIZE && p.schema.type === "string",
  );
  if (bounded) {
    const max = bounded.schema.maxLength as number;
    out.push({
      what: `${bounded.name}: ${max + 1} characters (maxLength ${max})`,
      args: { ...base, [bounded.name]: "x".repeat(max + 1) },
    });
  }
  return out;
}

export const inputValidation: SessionProbe = {
  kind: "session",
  id: "security-input-validation",
  level: "must",
  title: "Tools refuse arguments that break their own inputSchema",
  page: "tools",
  expected: () =>
    "a clear error (a JSON-RPC error or an isError result) for a wrong type, a missing required parameter, a forbidden extra property, an over-long string",
  skip: needsTools,
  async run(ctx) {
    if (!ctx.allowCalls) return { skipped: OPT_IN };
    const listed = await listTools(ctx);
    if ("error" in listed) return { pass: false, observed: listed.error };
    const plan = callable(listed.tools, ctx.allTools === true)
      .map((tool) => ({ tool, violations: violationsOf(tool) }))
      .filter((p) => p.violations.length > 0);
    if (plan.length === 0)
      return {
        skipped: `no ${scopeWords(ctx.allTools === true)} whose inputSchema can be broken (no typed, required or closed parameters)`,
      };
    const failures: string[] = [];
    const counts = { error: 0, isError: 0 };
    let calls = 0;
    let firstBad: { requestSeq?: number; answerSeq?: number } | undefined;
    calling: for (const { tool, violations } of plan) {
      for (const v of violations) {
        const answer = await callTool(ctx, tool.name, v.args);
        calls++;
        const reading = readingOf(answer);
        if (reading === "error" || reading === "isError") {
          counts[reading]++;
          continue;
        }
        firstBad ??= answer;
        failures.push(
          `${tool.name} with ${v.what}: ${reading === "accepted" ? "accepted (a normal result)" : `crashed (${describeReading(answer)})`}`,
        );
        // No answer: the server may be gone; more calls would each wait out the timeout.
        if (reading === "none") break calling;
      }
    }
    const tools = plan.map((p) => p.tool.name).join(", ");
    if (failures.length === 0)
      return {
        pass: true,
        observed: `${count(calls, "call")} on ${count(plan.length, "tool")} (${tools}): all refused (${counts.error} JSON-RPC errors, ${counts.isError} isError results)`,
      };
    return {
      pass: false,
      observed: `${failures.length} of ${calls} calls on ${tools} not refused: ${listWords(failures)}`,
      requestSeq: firstBad?.requestSeq,
      answerSeq: firstBad?.answerSeq,
    };
  },
};
