import { RE2JS } from "re2js";

/**
 * Server-supplied `pattern`s run through a linear-time engine. A tool's or an output schema's
 * pattern comes from the server, and JavaScript's backtracking RegExp can be made to run for
 * minutes (`^(a+)+$` against forty a's and a "!"), which would freeze the page. So:
 * - a pattern RE2 can compile is tested by RE2 (re2js), in time linear in the input;
 * - a pattern that needs backtracking (lookaround, back-references) uses the browser's RegExp only
 *   when it has no quantifier inside a repeated group and the input is short (POLYNOMIAL_INPUT_LIMIT);
 *   otherwise it is not checked, and `why` says so (the server still checks it).
 * RE2 and ECMAScript differ only at the edges (`\s` is ASCII in RE2; `.` also excludes \r and
 * U+2028/9 in ECMAScript); a schema relying on those edges is rare.
 */
export interface SchemaPattern {
  test(input: string): boolean;
  /** Why this pattern is checked only partly or not at all; undefined when it is checked fully. */
  why?: string;
  /** `/pattern/`, as for a RegExp. */
  toString(): string;
}

/** Inputs longer than this are not tested against a backtracking-only pattern. */
export const POLYNOMIAL_INPUT_LIMIT = 256;

const cache = new Map<string, SchemaPattern | null>();

/** The pattern as a matcher (search anywhere, as JSON Schema asks), or null when it is not a valid regular expression. */
export function regexFor(pattern: string): SchemaPattern | null {
  let hit = cache.get(pattern);
  if (hit !== undefined) return hit;
  hit = compile(pattern);
  if (cache.size > 1000) cache.clear();
  cache.set(pattern, hit);
  return hit;
}

function compile(pattern: string): SchemaPattern | null {
  const native = nativeRegExp(pattern);
  if (!native) return null;
  const linear = re2(pattern);
  if (linear) return matcher(pattern, (input) => linear.test(input));
  if (repeatsQuantifiedGroup(pattern)) {
    return matcher(pattern, () => true, "it needs backtracking and repeats a quantified group, which could freeze the page; it is not checked here (the server still checks it)");
  }
  return matcher(
    pattern,
    (input) => input.length > POLYNOMIAL_INPUT_LIMIT || native.test(input),
    `it needs backtracking, so values over ${POLYNOMIAL_INPUT_LIMIT} characters are not checked against it here`,
  );
}

/** toString is the pattern, as for a RegExp: Ajv keys its compiled-pattern cache by it. */
function matcher(pattern: string, test: (input: string) => boolean, why?: string): SchemaPattern {
  return { test, why, toString: () => `/${pattern}/` };
}

function nativeRegExp(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, "u");
  } catch {
    try {
      return new RegExp(pattern);
    } catch {
      return null;
    }
  }
}

function re2(pattern: string): RE2JS | null {
  try {
    return RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch {
    return null;
  }
}

/**
 * True when a group that contains a quantifier or an alternation is itself quantified, e.g.
 * `(a+)+`, `(a|a)*`, `(?:x\d*){2,}`: the shapes that make a backtracking engine exponential.
 * Deliberately coarse: a false positive only means the pattern is not checked in the page.
 */
export function repeatsQuantifiedGroup(pattern: string): boolean {
  const open: boolean[] = []; // per open group: does it contain a quantifier or "|"?
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      i++;
      continue;
    }
    if (inClass) {
      if (c === "]") inClass = false;
      continue;
    }
    if (c === "[") inClass = true;
    else if (c === "(") open.push(false);
    else if (c === "|" && open.length > 0) open[open.length - 1] = true;
    else if (c === ")") {
      const risky = open.pop() ?? false;
      const next = pattern[i + 1];
      const quantified = next === "*" || next === "+" || next === "{" || next === "?";
      if (risky && quantified && next !== "?") return true;
      if ((risky || quantified) && open.length > 0) open[open.length - 1] = true;
    } else if ((c === "*" || c === "+" || c === "{" || (c === "?" && pattern[i - 1] !== "(")) && open.length > 0) open[open.length - 1] = true;
  }
  return false;
}

/**
 * Ajv's `code.regExp` option: every `pattern` and `patternProperties` key Ajv compiles goes
 * through regexFor. Throws for an invalid pattern, as `new RegExp` would, so Ajv reports it.
 */
export const ajvRegExp = Object.assign(
  (pattern: string): SchemaPattern => {
    const compiled = regexFor(pattern);
    if (!compiled) throw new SyntaxError(`Invalid regular expression: ${pattern}`);
    return compiled;
  },
  { code: "lensSchemaPattern" },
);
