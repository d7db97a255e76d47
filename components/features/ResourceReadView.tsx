"use client";
import type { ResourceRead } from "@/lib/features";
import { formatMs } from "@/lib/results";
import { ResourceItemView } from "./ResourceItemView";
import { ALERT, NOTE } from "./ui";

/** The latest `resources/read` of one URI: status, error, and each contents entry. */
export function ResourceReadView({ read }: { read: ResourceRead | undefined }) {
  if (!read) return null;
  return (
    <section aria-label="Resource contents" className="flex flex-col gap-2">
      <p className={NOTE} role="status" aria-label="Read status">
        {read.status === "reading"
          ? `Reading (read #${read.attempt})…`
          : `Read #${read.attempt}${read.elapsedMs !== undefined ? ` · ${formatMs(read.elapsedMs)}` : ""}${read.items ? ` · ${read.items.length} ${read.items.length === 1 ? "entry" : "entries"}` : ""}`}
      </p>
      {read.status === "error" && read.error && (
        <p role="alert" className={ALERT}>
          Read failed{read.error.code !== undefined ? ` (${read.error.code})` : ""}: {read.error.message}
        </p>
      )}
      {read.items?.length === 0 && <p className={NOTE}>The server returned no contents.</p>}
      {read.items?.map((item, i) => (
        <ResourceItemView key={`${read.attempt}-${i}`} item={item} index={i} />
      ))}
    </section>
  );
}
