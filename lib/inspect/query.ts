/** The traffic filter language: parse (queryParse.ts), then compile to a predicate (queryCompile.ts). */
import type { TrafficEntry } from "../traffic";
import { compileQuery, type CompileOptions, type QueryLog } from "./queryCompile";
import { parseQuery, type QueryError } from "./queryParse";

export { compileQuery, type CompileOptions, type EntryPredicate, type QueryLog } from "./queryCompile";
export {
  parseQuery,
  QUERY_KEYS,
  type Comparison,
  type IsFlag,
  type Kind,
  type ParsedQuery,
  type QueryError,
  type Term,
  type TermBody,
} from "./queryParse";

/** A one-argument matcher bound to a log (null for a query with no usable terms), plus the parse errors. */
export function queryMatcher(
  text: string,
  log: QueryLog,
  options: CompileOptions = {},
): { match: ((entry: TrafficEntry) => boolean) | null; errors: QueryError[] } {
  const parsed = parseQuery(text);
  if (parsed.terms.length === 0) return { match: null, errors: parsed.errors };
  const predicate = compileQuery(parsed, options);
  return { match: (entry) => predicate(entry, log), errors: parsed.errors };
}
