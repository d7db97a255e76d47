import { request } from "node:http";

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with full control over Host, Origin and the body (fetch would not allow all of it). */
export function rawRequest(port: number, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer; readMs?: number }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: options.method ?? "GET", path: options.path ?? "/", headers: options.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      // Streaming answers (the stdio event stream) are read for a moment, then cut.
      const timer = options.readMs ? setTimeout(() => { req.destroy(); done(); }, options.readMs) : undefined;
      res.on("data", (c: string) => (body += c));
      res.on("end", () => { clearTimeout(timer); done(); });
      res.on("error", () => { clearTimeout(timer); done(); });
    });
    req.on("error", reject);
    req.end(options.body);
  });
}
