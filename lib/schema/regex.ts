const cache = new Map<string, RegExp | null>();

/** A schema `pattern` as a RegExp (Unicode mode, as JSON Schema asks), or null when it does not compile. */
export function regexFor(pattern: string): RegExp | null {
  let re = cache.get(pattern);
  if (re !== undefined) return re;
  try {
    re = new RegExp(pattern, "u");
  } catch {
    try {
      re = new RegExp(pattern);
    } catch {
      re = null;
    }
  }
  if (cache.size > 1000) cache.clear();
  cache.set(pattern, re);
  return re;
}
