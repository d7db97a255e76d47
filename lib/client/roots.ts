import type { Root } from "@modelcontextprotocol/client";
import { Store } from "../base";

/** The roots MCP Lens offers servers: `roots/list` is answered from this list. */
export interface RootsState {
  roots: Root[];
  /** What happened to the last change's `notifications/roots/list_changed`. */
  lastNotice?: { at: number; sent: boolean; detail: string };
  /** How often a server asked for the list (roots/list), and when last. */
  listed?: { at: number; count: number };
}

export interface RootCheck {
  /** The root cannot be added. */
  error?: string;
  /** It can, but a spec-abiding server may refuse it. */
  warning?: string;
}

/** A root's URI must be absolute; the spec (2024-11-05 to 2025-11-25) says it must be file://. */
export function checkRoot(root: Root, others: Root[] = []): RootCheck {
  let url: URL;
  try {
    url = new URL(root.uri);
  } catch {
    return { error: "Enter an absolute URI, e.g. file:///home/me/project." };
  }
  if (others.some((r) => r.uri === root.uri)) return { error: "This URI is already a root." };
  if (url.protocol !== "file:")
    return { warning: "The spec says roots are file:// URIs; a server may reject this one." };
  return {};
}

/** A local path (`/home/me/project`, `C:\\work`) as a file:// URI; anything with a scheme is kept. */
export function rootUriFromInput(input: string): string {
  const text = input.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return text;
  const windows = /^[a-z]:[\\/]/i.test(text);
  if (!windows && !text.startsWith("/")) return text;
  const path = windows ? `/${text.replace(/\\/g, "/")}` : text;
  const encoded = path
    .split("/")
    .map((seg, i) => (windows && i === 1 ? seg : encodeURIComponent(seg)))
    .join("/");
  return `file://${encoded}`;
}

// Named reducers.
export const rootsReplaced = (s: RootsState, roots: Root[]): RootsState => ({ ...s, roots });
export const rootAdded = (s: RootsState, root: Root): RootsState => ({ ...s, roots: [...s.roots, root] });
export const rootUpdated = (s: RootsState, p: { index: number; root: Root }): RootsState => ({
  ...s,
  roots: s.roots.map((r, i) => (i === p.index ? p.root : r)),
});
export const rootRemoved = (s: RootsState, index: number): RootsState => ({
  ...s,
  roots: s.roots.filter((_, i) => i !== index),
});
export const noticed = (s: RootsState, notice: RootsState["lastNotice"]): RootsState => ({ ...s, lastNotice: notice });
export const listed = (s: RootsState, at: number): RootsState => ({
  ...s,
  listed: { at, count: (s.listed?.count ?? 0) + 1 },
});

const clean = (root: Root): Root =>
  root.name?.trim() ? { uri: root.uri.trim(), name: root.name.trim() } : { uri: root.uri.trim() };

/** The editable roots list. Each change that passes `checkRoot` is applied and reported to `onChange`. */
export class RootsList {
  readonly store: Store<RootsState>;
  private readonly changeListeners = new Set<() => void>();

  constructor(initial: Root[] = []) {
    this.store = new Store<RootsState>({ roots: initial.map(clean) });
  }

  get = (): RootsState => this.store.get();
  subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);
  get roots(): Root[] {
    return this.store.get().roots;
  }

  /** Called after each change of the list itself (not of `lastNotice`). */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  add(root: Root): RootCheck {
    const r = clean(root);
    const result = checkRoot(r, this.roots);
    if (!result.error) this.change(rootAdded, r);
    return result;
  }

  update(index: number, root: Root): RootCheck {
    if (index < 0 || index >= this.roots.length) return { error: "No such root." };
    const r = clean(root);
    const result = checkRoot(
      r,
      this.roots.filter((_, i) => i !== index),
    );
    if (!result.error) this.change(rootUpdated, { index, root: r });
    return result;
  }

  remove(index: number): void {
    if (index >= 0 && index < this.roots.length) this.change(rootRemoved, index);
  }

  /** Replace the whole list; refused (nothing changes) if any root has an error. */
  set(roots: Root[]): RootCheck {
    const cleaned = roots.map(clean);
    for (let i = 0; i < cleaned.length; i++) {
      const result = checkRoot(cleaned[i]!, cleaned.slice(0, i));
      if (result.error) return { error: `${cleaned[i]!.uri}: ${result.error}` };
    }
    this.change(rootsReplaced, cleaned);
    return {};
  }

  /** A server read the list. */
  listed(at: number): void {
    this.store.apply(listed, at);
  }

  notice(notice: NonNullable<RootsState["lastNotice"]>): void {
    this.store.apply(noticed, notice);
  }

  private change<P>(reducer: (s: RootsState, p: P) => RootsState, payload: P): void {
    this.store.apply(reducer, payload);
    for (const l of this.changeListeners) l();
  }
}
