/**
 * RFC 3339 `date-time` values split for a `datetime-local` control plus a time offset, and joined
 * back. A value the control cannot hold exactly (more than millisecond precision, a lower-case
 * "t", a leap second…) is not split: the field falls back to text, so it is never rewritten.
 */
export interface DateTimeParts {
  /** "2026-01-02T03:04:05" or "2026-01-02T03:04:05.678", as `datetime-local` reads it. */
  local: string;
  /** "Z" or "+02:00" / "-05:30". */
  offset: string;
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;

export function splitDateTime(value: string): DateTimeParts | null {
  const m = RFC3339.exec(value);
  if (!m) return null;
  const [, date, h, min, s, frac = "", offset] = m as unknown as [
    string,
    string,
    string,
    string,
    string,
    string | undefined,
    string,
  ];
  if (Number(h) > 23 || Number(min) > 59 || Number(s) > 59 || !validDate(date)) return null;
  if (offset !== "Z" && (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4)) > 59)) return null;
  return { local: `${date}T${h}:${min}:${s}${frac}`, offset };
}

/**
 * The RFC 3339 text for a `datetime-local` value and an offset; undefined when the local part is
 * empty or not one. Seconds are always written (RFC 3339 requires them; the control omits ":00").
 */
export function joinDateTime(local: string, offset: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(\.\d{1,3})?)?$/.exec(local);
  if (!m || !validDate(m[1]!) || !/^(Z|[+-]\d{2}:\d{2})$/.test(offset)) return undefined;
  return `${m[1]}T${m[2]}${m[3] ?? ":00"}${offset}`;
}

/** The offset of the browser's time zone at that local time ("+01:00"; "Z" is never returned). */
export function localOffsetAt(local: string): string {
  const d = new Date(local.length === 16 ? `${local}:00` : local);
  const minutes = Number.isNaN(d.getTime()) ? -new Date().getTimezoneOffset() : -d.getTimezoneOffset();
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

function validDate(date: string): boolean {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
    m - 1
  ]!;
  return d <= days;
}
