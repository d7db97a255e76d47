/**
 * What goes wrong inside a view, told to the host: a small script put first in the view's HTML
 * reports CSP violations (`securitypolicyviolation`) and uncaught errors to its parent as
 * `{ mcpLens: kind, detail }`, so "why is my chart blank" has an answer in the traffic log. The
 * view could forge these; they are shown as reports from inside the view, nothing more.
 */

const REPORTER = `<script>(()=>{const cut=(v,n)=>String(v==null?"":v).slice(0,n);const post=(k,d)=>{try{parent.postMessage({mcpLens:k,detail:d},"*")}catch(e){}};addEventListener("securitypolicyviolation",(e)=>post("csp-violation",{directive:cut(e.effectiveDirective,60),blocked:cut(e.blockedURI,300)}));addEventListener("error",(e)=>post("error",{message:cut(e.message,300),source:cut(e.filename,200),line:e.lineno||0}));addEventListener("unhandledrejection",(e)=>post("error",{message:cut(e.reason&&e.reason.message||e.reason,300)}));})();</script>`;

/** The view's HTML with the reporter first in its head (after `<head>`, else `<html>`, else at the start, after any doctype). */
export function withViewReporter(html: string): string {
  const at = (re: RegExp) => {
    const m = re.exec(html);
    return m ? m.index + m[0].length : -1;
  };
  let i = at(/<head(\s[^>]*)?>/i);
  if (i < 0) i = at(/<html(\s[^>]*)?>/i);
  if (i < 0) i = at(/^\s*<!doctype[^>]*>/i);
  if (i < 0) i = 0;
  return html.slice(0, i) + REPORTER + html.slice(i);
}

export interface ViewReport {
  kind: "csp-violation" | "error";
  message: string;
}

/** A report from the view's reporter, or undefined when `data` is not one. */
export function viewReport(data: unknown): ViewReport | undefined {
  if (typeof data !== "object" || data === null) return undefined;
  const { mcpLens, detail } = data as { mcpLens?: unknown; detail?: Record<string, unknown> };
  const d = typeof detail === "object" && detail !== null ? detail : {};
  const text = (v: unknown, n: number) => String(v ?? "").slice(0, n);
  if (mcpLens === "csp-violation") {
    const blocked = text(d.blocked, 300);
    const directive = text(d.directive, 60);
    return { kind: mcpLens, message: `CSP blocked ${blocked || "(inline)"} (${directive}): ${cspReason(blocked)}` };
  }
  if (mcpLens === "error") {
    const where = d.source ? ` at ${text(d.source, 200)}:${Number(d.line) || 0}` : "";
    return { kind: mcpLens, message: `error in the view: ${text(d.message, 300)}${where}` };
  }
  return undefined;
}

/** Why the view's policy refused it: a URL not declared, or code from a string, which no view may run. */
function cspReason(blocked: string): string {
  if (blocked === "eval" || blocked === "wasm-eval")
    return "a view may not turn strings into code (no 'unsafe-eval'); a library that only probes for it (zod does) works on without";
  if (blocked === "inline" || blocked === "") return "inline code or style the policy does not allow";
  return "not among the domains the resource declares";
}
