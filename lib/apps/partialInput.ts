/**
 * What a host streaming a model's tool call would show a view before the whole input
 * (`ui/notifications/tool-input-partial`): the arguments as they grow, key by key, each string,
 * array and object first cut to half of itself. At most `max` steps, spread evenly; the last one
 * is always the whole input minus nothing (the full `tool-input` follows it).
 */
export function partialInputs(args: Record<string, unknown>, max = 6): Record<string, unknown>[] {
  const steps = growing(args);
  if (steps.length <= max) return steps;
  const picked = Array.from({ length: max }, (_, i) => steps[Math.round(((i + 1) * (steps.length - 1)) / max)]!);
  return picked.filter((step, i) => i === 0 || step !== picked[i - 1]);
}

/** Every step of an object growing: for each key in order, its value half there, then whole. */
function growing(args: Record<string, unknown>): Record<string, unknown>[] {
  const steps: Record<string, unknown>[] = [];
  const done: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) {
    const part = half(value);
    if (part !== undefined) steps.push({ ...done, [key]: part });
    done[key] = value;
    steps.push({ ...done });
  }
  return steps;
}

/** A value cut to about half of itself, or undefined when it arrives whole at once (numbers, booleans, null, short values). */
function half(value: unknown): unknown {
  if (typeof value === "string") return value.length > 1 ? value.slice(0, Math.ceil(value.length / 2)) : undefined;
  if (Array.isArray(value)) return value.length > 1 ? value.slice(0, Math.ceil(value.length / 2)) : undefined;
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return undefined;
    return Object.fromEntries(entries.slice(0, Math.ceil(entries.length / 2)));
  }
  return undefined;
}
