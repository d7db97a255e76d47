/**
 * Path traversal (calls tools; opt-in): every path-like parameter of the read-only tools gets `../`
 * sequences and absolute paths aimed at files whose content the check can recognise, and fails when
 * that content comes back (in a result or in an error's text). By default the targets are well-known
 * system files recognised by their shape (/etc/passwd's `root:…:0:0:` line, win.ini's sections; a
 * file like /etc/hostname has no shape to recognise); a test adds a canary file it created, with a
 * marker only that file holds. Only read-only tools are ever given these paths, whatever the scope
 * the person chose: a write tool would be asked to write over a system file.
 */
import type { SessionProbe } from "../sessionProbes";
import { baseArguments, isPathParam, paramsOf, takesArray } from "./params";
import {
  callable,
  callTool,
  isReadOnly,
  listTools,
  listWords,
  needsTools,
  OPT_IN,
  quote,
  readingOf,
  resultText,
} from "./tools";

export interface TraversalTarget {
  /** The value sent as the path. */
  value: string;
  /** The file it aims at, for the observed text. */
  file: string;
  /** The recognised content, quoted briefly, when `text` holds the file's content. */
  recognise(text: string): string | undefined;
}

const UP = 12;
const firstMatch = (pattern: RegExp) => (text: string) => {
  const m = pattern.exec(text);
  return m ? quote(m[0].slice(0, 16), 30) : undefined;
};
const PASSWD = firstMatch(/^root:[^:\n]*:0:0:/m);
const WIN_INI = firstMatch(/^\[(fonts|extensions|mci extensions|files)\]\s*$/im);

export const WELL_KNOWN_TARGETS: TraversalTarget[] = [
  { value: `${"../".repeat(UP)}etc/passwd`, file: "/etc/passwd", recognise: PASSWD },
  { value: "/etc/passwd", file: "/etc/passwd", recognise: PASSWD },
  { value: `${"..\\".repeat(UP)}Windows\\win.ini`, file: "C:\\Windows\\win.ini", recognise: WIN_INI },
  { value: "C:\\Windows\\win.ini", file: "C:\\Windows\\win.ini", recognise: WIN_INI },
];

/** Targets for a canary file holding `marker`, reached by each of `values` (relative and absolute). */
export function canaryTargets(marker: string, values: string[], file = "the canary file"): TraversalTarget[] {
  return values.map((value) => ({
    value,
    file,
    recognise: (text) => (text.includes(marker) ? quote(marker) : undefined),
  }));
}

/** The check, aimed at `extra` targets (a test's canary) before the well-known files. */
export function pathTraversalProbe(extra: TraversalTarget[] = []): SessionProbe {
  const targets = [...extra, ...WELL_KNOWN_TARGETS];
  return {
    kind: "session",
    id: "security-path-traversal",
    level: "must",
    title: "Path parameters give nothing from outside the tool's scope",
    page: "security",
    expected: () =>
      "no content of a file outside the allowed scope (../ sequences, absolute paths) in any answer of a read-only tool",
    skip: needsTools,
    async run(ctx) {
      if (!ctx.allowCalls) return { skipped: OPT_IN };
      const listed = await listTools(ctx);
      if ("error" in listed) return { pass: false, observed: listed.error };
      const plan = callable(listed.tools.filter(isReadOnly), false).flatMap((tool) =>
        paramsOf(tool.inputSchema)
          .filter(isPathParam)
          .map((param) => ({ tool, param })),
      );
      if (plan.length === 0) return { skipped: "no read-only tool with a path-like parameter" };
      const leaks: string[] = [];
      const answers = { refused: 0, results: 0, none: 0 };
      let calls = 0;
      let first: { requestSeq?: number; answerSeq?: number } | undefined;
      for (const { tool, param } of plan) {
        for (const target of targets) {
          const value = takesArray(param) ? [target.value] : target.value;
          const answer = await callTool(ctx, tool.name, { ...baseArguments(tool.inputSchema), [param.name]: value });
          calls++;
          const reading = readingOf(answer);
          if (reading === "none") {
            answers.none++;
            continue;
          }
          if (reading === "accepted") answers.results++;
          else answers.refused++;
          const text =
            answer.kind === "error" ? answer.message : resultText(answer.kind === "result" ? answer.result : undefined);
          const seen = target.recognise(text);
          if (!seen) continue;
          first ??= answer;
          leaks.push(`${tool.name}(${param.name}: ${quote(value)}) returned ${target.file}'s content (${seen})`);
        }
      }
      const where = [...new Set(plan.map((p) => `${p.tool.name}.${p.param.name}`))].join(", ");
      if (leaks.length > 0)
        return { pass: false, observed: listWords(leaks), requestSeq: first?.requestSeq, answerSeq: first?.answerSeq };
      return {
        pass: true,
        observed: `${calls} probes on ${where}: no outside content came back (${answers.refused} refused, ${answers.results} normal results without it${answers.none ? `, ${answers.none} unanswered` : ""})`,
      };
    },
  };
}

export const pathTraversal = pathTraversalProbe();
