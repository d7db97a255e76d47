"use client";
import { formatTime } from "@/lib/base";
import type { SubscriptionsState } from "@/lib/features";
import type { ServerFeatures } from "@/lib/features";
import { useStore } from "../hooks/useStore";
import { BUTTON, NOTE, UPDATED } from "./ui";

const STATUS_TEXT = {
  subscribing: "subscribing…",
  subscribed: "subscribed",
  unsubscribing: "unsubscribing…",
  "not-honored": "not honored by the server",
  error: "failed",
} as const;

/** Subscribe / Unsubscribe for one URI, shown only when the server declares resources.subscribe. */
export function SubscriptionControls({ features, uri }: { features: ServerFeatures; uri: string }) {
  const s = useStore(features.subscriptions.store);
  if (!s.declared) return null;
  const sub = s.byUri[uri];
  const active = sub !== undefined && sub.status !== "error";
  const busy = sub?.status === "subscribing" || sub?.status === "unsubscribing";
  const toggle = () => {
    const run = active ? features.subscriptions.unsubscribe(uri) : features.subscriptions.subscribe(uri);
    run.catch(() => {});
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" onClick={toggle} disabled={busy} className={BUTTON}>
        {active ? "Unsubscribe" : "Subscribe"}
      </button>
      <span className={NOTE} role="status" aria-label="Subscription status">
        {sub ? STATUS_TEXT[sub.status] : "not subscribed"}
        {sub?.error && `: ${sub.error.message}`}
      </span>
      <span className={NOTE}>
        via {s.mode}
        {listenText(s)}
      </span>
    </div>
  );
}

function listenText(s: SubscriptionsState): string {
  if (s.mode !== "subscriptions/listen" || !s.listen) return "";
  return ` (stream ${s.listen.status}${s.listen.closedBy ? `, closed by ${s.listen.closedBy}` : ""}${s.listen.error ? `: ${s.listen.error.message}` : ""})`;
}

/** The "updated" mark for a URI, with a Re-read button. */
export function UpdatedMark({
  features,
  uri,
  onReread,
}: {
  features: ServerFeatures;
  uri: string;
  onReread: () => void;
}) {
  const updated = useStore(features.subscriptions.store).updated[uri];
  if (!updated) return null;
  return (
    <div role="status" aria-label="Resource updated" className="flex items-center gap-2">
      <span className={UPDATED}>updated{updated.count > 1 ? ` ×${updated.count}` : ""}</span>
      <span className={NOTE}>The server sent notifications/resources/updated at {formatTime(updated.at)}.</span>
      <button type="button" onClick={onReread} className={BUTTON}>
        Re-read
      </button>
    </div>
  );
}
