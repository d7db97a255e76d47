/**
 * The OAuth redirect's hand-off between the inspector's callback page (`/oauth/callback`, opened
 * as the popup's last stop) and the page that started the flow. The callback page reads
 * code/state/iss from its own URL, posts them to its opener on its own origin, and closes; it
 * stores nothing and starts nothing. The opener checks `state` before using the code.
 */
export const OAUTH_CALLBACK_PATH = "/oauth/callback";
export const OAUTH_MESSAGE_TYPE = "mcp-lens/oauth-callback";
/**
 * The page's Cross-Origin-Opener-Policy is `same-origin`, so a popup that went through the
 * authorization server's origin comes back without `window.opener`: the callback page hands off
 * over a same-origin BroadcastChannel of this name (nothing is stored; the starter checks `state`).
 */
export const OAUTH_CHANNEL = "mcp-lens-oauth";

export interface OAuthCallbackMessage {
  type: typeof OAUTH_MESSAGE_TYPE;
  code: string | null;
  state: string | null;
  iss: string | null;
  error: string | null;
  errorDescription: string | null;
}

/** The callback URL for an inspector origin, e.g. `http://127.0.0.1:6274/oauth/callback`. */
export function callbackUrl(origin: string): string {
  return `${origin}${OAUTH_CALLBACK_PATH}`;
}

export function readCallback(search: string): OAuthCallbackMessage {
  const params = new URLSearchParams(search);
  return {
    type: OAUTH_MESSAGE_TYPE,
    code: params.get("code"),
    state: params.get("state"),
    iss: params.get("iss"),
    error: params.get("error"),
    errorDescription: params.get("error_description"),
  };
}

export function isCallbackMessage(value: unknown): value is OAuthCallbackMessage {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === OAUTH_MESSAGE_TYPE;
}

/**
 * Waits for the callback page's message: only from `origin` (the inspector's own) and only one
 * whose `state` is accepted by `acceptState`. Rejects on `signal` abort.
 */
export function waitForCallback(
  target: Pick<Window, "addEventListener" | "removeEventListener">,
  origin: string,
  acceptState: (state: string | null) => boolean,
  signal?: AbortSignal,
): Promise<OAuthCallbackMessage> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      target.removeEventListener("message", onMessage as EventListener);
      signal?.removeEventListener("abort", onAbort);
    };
    const onMessage = (event: MessageEvent): void => {
      if (event.origin !== origin || !isCallbackMessage(event.data)) return;
      if (!acceptState(event.data.state)) return;
      done();
      resolve(event.data);
    };
    const onAbort = (): void => {
      done();
      reject(new Error("authorization cancelled"));
    };
    if (signal?.aborted) return onAbort();
    target.addEventListener("message", onMessage as EventListener);
    signal?.addEventListener("abort", onAbort);
  });
}
