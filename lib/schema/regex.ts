import { RE2JS } from "re2js";

/**
 * Server-supplied `pattern`s run only in a linear-time engine. A tool's or an output schema's
 * pattern comes from the server, and JavaScript's backtracking RegExp can be made to run for
 * minutes: exponentially (`^(a+)+$` against forty a's and a "!") or polynomially
 * (`^(?=a)a*a*a*a*a*a*a*a*$` against fifty, which no shape check catches). So:
 * - a pattern RE2 can compile is tested by RE2 (re2js), in time linear in the input;
 * - a pattern RE2 cannot compile (lookaround, back-references) is never run in the page: it is
 *   not checked here, and `why` says so in the form (the server still checks it). Running it in a
 *   Worker with a time limit would keep the check, but every check would become asynchronous for
 *   a rare kind of pattern; skipping is simpler and cannot freeze anything.
 * The browser's RegExp only decides whether the pattern is valid at all (compiling is safe; matching is not).
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

/** What the form says about a pattern it does not check. */
export const UNCHECKED_PATTERN =
  "it needs a backtracking engine (lookaround or back-references), which a hostile pattern can keep busy for minutes, so it is not checked here (the server still checks it)";

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
  if (!isValidRegExp(pattern)) return null;
  const linear = re2(pattern);
  if (linear) return matcher(pattern, (input) => linear.test(input));
  return matcher(pattern, () => true, UNCHECKED_PATTERN);
}

/** toString is the pattern, as for a RegExp: Ajv keys its compiled-pattern cache by it. */
function matcher(pattern: string, test: (input: string) => boolean, why?: string): SchemaPattern {
  return { test, why, toString: () => `/${pattern}/` };
}

/** Compiling (never matching) with the browser's engine: is this a regular expression at all? */
function isValidRegExp(pattern: string): boolean {
  for (const flags of ["u", ""]) {
    try {
      new RegExp(pattern, flags);
      return true;
    } catch {
      // try the next flags
    }
  }
  return false;
}

function re2(pattern: string): RE2JS | null {
  try {
    return RE2JS.compile(RE2JS.translateRegExp(pattern));
  } catch {
    return null;
  }
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
