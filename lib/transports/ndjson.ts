/** Reads a byte stream of newline-delimited JSON, yielding each parsed line. */
export async function* readNdjson<T>(body: ReadableStream<Uint8Array>): AsyncGenerator<T> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  // A 12 MB line arrives in many chunks: keep them apart and look for newlines only in the new one.
  let parts: string[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const text = decoder.decode(value, { stream: true });
      let start = 0;
      let nl: number;
      while ((nl = text.indexOf("\n", start)) !== -1) {
        const piece = text.slice(start, nl);
        const line = parts.length ? parts.join("") + piece : piece;
        parts = [];
        start = nl + 1;
        if (line) yield JSON.parse(line) as T;
      }
      if (start < text.length) parts.push(text.slice(start));
    }
    const rest = parts.join("") + decoder.decode();
    if (rest.trim()) yield JSON.parse(rest) as T;
  } finally {
    reader.releaseLock();
  }
}
