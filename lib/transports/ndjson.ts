/** Reads a byte stream of newline-delimited JSON, yielding each parsed line. */
export async function* readNdjson<T>(body: ReadableStream<Uint8Array>): AsyncGenerator<T> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let start = 0;
      let nl: number;
      while ((nl = buffer.indexOf("\n", start)) !== -1) {
        const line = buffer.slice(start, nl);
        start = nl + 1;
        if (line) yield JSON.parse(line) as T;
      }
      buffer = buffer.slice(start);
    }
    buffer += decoder.decode();
    if (buffer.trim()) yield JSON.parse(buffer) as T;
  } finally {
    reader.releaseLock();
  }
}
