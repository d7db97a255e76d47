import { request } from "node:http";

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with full control over Host, Origin and the body (fetch would not allow all of it). */
export function rawRequest(
  port: number,
  options: {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    readMs?: number;
  },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port, method: options.method ?? "GET", path: options.path ?? "/", headers: options.headers },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        // Streaming answers (the stdio event stream) are read for a moment, then cut.
        const timer = options.readMs
          ? setTimeout(() => {
              req.destroy();
              done();
            }, options.readMs)
          : undefined;
        res.on("data", (c: string) => (body += c));
        res.on("end", () => {
          clearTimeout(timer);
          done();
        });
        res.on("error", () => {
          clearTimeout(timer);
          done();
        });
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

/** Start a stdio server through the bridge and keep its event stream open, as the page does. */
export function openBridgeStream(
  port: number,
  headers: Record<string, string>,
  body: string,
): { first: Promise<{ id: string; pid: number }>; close: () => void } {
  let close = () => {};
  const first = new Promise<{ id: string; pid: number }>((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, method: "POST", path: "/api/bridge/stdio", headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        text += c;
        const line = text.split("\n")[0];
        if (text.includes("\n") && line) {
          const event = JSON.parse(line) as { type: string; id: string; pid: number; message?: string };
          if (event.type === "spawned") resolve(event);
          else reject(new Error(event.message ?? line));
        }
      });
      res.on("error", () => {});
    });
    req.on("error", () => {});
    req.end(body);
    close = () => req.destroy();
  });
  return { first, close };
}
