/** What a key asks of a listbox: the index to pick, or undefined when the key is not the list's. */
export function listKeyTarget(k: {
  key: string;
  /** The picked index among those shown, -1 when none is. */
  current: number;
  count: number;
  page: number;
  /** Characters typed in a row (type-ahead), lower-cased. */
  typed: string;
  names: (index: number) => string;
}): number | undefined {
  const { key, current, count, page } = k;
  if (count === 0) return undefined;
  const last = count - 1;
  switch (key) {
    case "ArrowDown":
      return current < 0 ? 0 : Math.min(last, current + 1);
    case "ArrowUp":
      return current < 0 ? last : Math.max(0, current - 1);
    case "Home":
      return 0;
    case "End":
      return last;
    case "PageDown":
      return Math.min(last, Math.max(0, current) + page);
    case "PageUp":
      return Math.max(0, current - page);
  }
  if (key.length !== 1 || key === " " || !k.typed) return undefined;
  // Type-ahead: the next name starting with what was typed, from the current one on (a repeated
  // single letter moves on to the next name with that letter).
  const repeat = k.typed.length > 1 && [...k.typed].every((c) => c === k.typed[0]);
  const prefix = repeat ? k.typed[0]! : k.typed;
  const start = repeat || k.typed.length === 1 ? current + 1 : Math.max(0, current);
  for (let step = 0; step < count; step++) {
    const i = (start + step) % count;
    if (k.names(i).toLowerCase().startsWith(prefix)) return i;
  }
  return undefined;
}
