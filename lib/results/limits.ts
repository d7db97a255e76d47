import { errorMessage } from "../base";
/** Text above this many characters is shown cut until the user asks for all of it. */
export const TEXT_VIEW_LIMIT = 32 * 1024;
/** JSON text above this many characters is not parsed or pretty-printed until asked. */
export const JSON_PRETTY_LIMIT = 200 * 1024;
/** Markdown above this many characters is shown as plain text: too many elements to render. */
export const MARKDOWN_RENDER_LIMIT = 256 * 1024;
/** How many array items / object keys / content blocks / violations are shown per page. */
export const PAGE_SIZE = 100;

export { formatBytes, formatMs, utf8Length } from "../base";

/** Decoded size of base64 data, from its length alone (O(1), ignores stray whitespace). */
export function base64ByteLength(data: string): number {
  let len = data.length;
  while (len > 0 && data.charCodeAt(len - 1) === 61 /* = */) len--;
  return Math.floor((len * 3) / 4);
}

/** The bytes of base64 data, or null when it is not valid base64. */
export function base64ToBytes(data: string): Uint8Array<ArrayBuffer> | null {
  let binary: string;
  try {
    binary = atob(data.replace(/\s+/g, ""));
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** JSON.stringify that never throws (deep nesting overflows the stack; BigInt and cycles throw). */
export function safeStringify(value: unknown, indent = 2): string {
  try {
    const text = JSON.stringify(value, null, indent);
    return text === undefined ? String(value) : text;
  } catch (err) {
    return `(cannot be shown as JSON: ${errorMessage(err)})`;
  }
}
