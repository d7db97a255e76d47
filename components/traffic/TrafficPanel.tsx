"use client";
import { useCallback, useDeferredValue, useEffect, useId, useMemo, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import type { TrafficLog } from "@/lib/traffic";
import { TrafficFilter, TrafficStats, positionOf, seqAt } from "@/lib/traffic";
import { parseQuery, queryMatcher } from "@/lib/inspect";
import { FrameValidator } from "@/lib/inspect";
import { useTrafficVersion } from "../hooks/useStore";
import { TrafficDetail } from "./TrafficDetail";
import { TrafficHeader } from "./TrafficHeader";
import { TrafficRow } from "./TrafficRow";
import { VirtualList, type VirtualListHandle } from "../common/VirtualList";

const ROW_HEIGHT = 24;

/**
 * Every entry of a connection's traffic log, in order, as a virtualized listbox with a detail pane.
 * Rows read `log.entries[i]` only for the visible window; filtering extends incrementally.
 */
export function TrafficPanel({
  log,
  protocolVersion,
  query: sharedQuery,
  onQuery,
  onEdit,
}: {
  log: TrafficLog;
  protocolVersion?: string;
  query?: string;
  onQuery?: (query: string) => void;
  /** "Edit and resend" on a frame: into the composer. */
  onEdit?: (raw: string) => void;
}) {
  const version = useTrafficVersion(log);
  // The query may be shared with the other views of the session (diagram, waterfall).
  const [ownQuery, setOwnQuery] = useState("");
  const query = sharedQuery ?? ownQuery;
  const setQuery = onQuery ?? setOwnQuery;
  const deferredQuery = useDeferredValue(query);
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  const [following, setFollowing] = useState(true);
  const [focusRequest, setFocusRequest] = useState<{ seq: number } | null>(null);
  const listRef = useRef<VirtualListHandle>(null);
  const pendingReveal = useRef<number | null>(null);
  const idPrefix = useId();

  // Rebuilt when the version becomes known (once per connection): its cache is per version anyway.
  const validator = useMemo(
    () => new FrameValidator(log, { protocolVersion: () => protocolVersion }),
    [log, protocolVersion],
  );
  const queryErrors = useMemo(() => parseQuery(deferredQuery).errors, [deferredQuery]);
  const filter = useMemo(
    () => new TrafficFilter((q) => queryMatcher(q, log, { validity: validator.status }).match),
    [log, validator],
  );
  const stats = useMemo(() => new TrafficStats(), []);
  // The entries array is appended to in place: `version` is what changes, so it tags each snapshot.
  const view = useMemo(
    () => ({ ...filter.update(log.entries, deferredQuery, log.amendments), version }),
    [filter, log, version, deferredQuery],
  );
  const counts = useMemo(() => ({ ...stats.update(log.entries, log.amendments), version }), [stats, log, version]);

  const selected = selectedSeq === null ? undefined : log.entries[selectedSeq];
  const selectedPosition = selectedSeq === null ? -1 : positionOf(view, selectedSeq);
  const rowId = useCallback((seq: number) => `${idPrefix}-row-${seq}`, [idPrefix]);

  const reveal = useCallback(
    (position: number, focus: boolean) => {
      const seq = seqAt(view, position);
      if (seq < 0) return;
      setSelectedSeq(seq);
      listRef.current?.scrollToIndex(position);
      if (focus) setFocusRequest({ seq });
    },
    [view],
  );

  // Move focus to a row chosen from the keyboard, once it has been rendered.
  useEffect(() => {
    if (!focusRequest) return;
    const row = listRef.current?.element()?.querySelector<HTMLElement>(`[data-seq="${focusRequest.seq}"]`);
    row?.focus({ preventScroll: true });
  }, [focusRequest]);

  // When the filter changes, keep the selected entry in view (or reveal the one a jump asked for).
  const revealedQuery = useRef(view.query);
  useEffect(() => {
    const queryChanged = revealedQuery.current !== view.query;
    revealedQuery.current = view.query;
    const seq = pendingReveal.current ?? (queryChanged ? selectedSeq : null);
    if (seq === null) return;
    const position = positionOf(view, seq);
    if (position < 0) return;
    pendingReveal.current = null;
    listRef.current?.scrollToIndex(position);
  }, [view, selectedSeq]);

  const jumpTo = (seq: number) => {
    const position = positionOf(view, seq);
    if (position >= 0) {
      reveal(position, false);
      return;
    }
    setSelectedSeq(seq);
    pendingReveal.current = seq;
    setQuery("");
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (view.count === 0) return;
    const last = view.count - 1;
    const page = listRef.current?.pageSize() ?? 10;
    const at = selectedPosition;
    let next: number;
    switch (e.key) {
      case "ArrowDown":
        next = at < 0 ? 0 : Math.min(last, at + 1);
        break;
      case "ArrowUp":
        next = at < 0 ? last : Math.max(0, at - 1);
        break;
      case "PageDown":
        next = Math.min(last, Math.max(0, at) + page);
        break;
      case "PageUp":
        next = Math.max(0, at - page);
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = last;
        break;
      case "Escape":
        if (selectedSeq === null) return;
        e.preventDefault();
        setSelectedSeq(null);
        return;
      default:
        return;
    }
    e.preventDefault();
    reveal(next, true);
  };

  return (
    <section
      aria-label="Traffic"
      className="@container flex min-h-0 flex-1 flex-col bg-white text-slate-900 dark:bg-slate-950 dark:text-slate-100"
    >
      <TrafficHeader
        counts={counts}
        shown={view.indices ? view.count : undefined}
        query={query}
        onQuery={setQuery}
        queryErrors={queryErrors.map((e) => e.message)}
      />
      <div className="flex min-h-0 flex-1 flex-col @3xl:flex-row">
        <div className="relative min-h-32 min-w-0 flex-1">
          <VirtualList
            ref={listRef}
            role="listbox"
            aria-label="Traffic entries"
            activeIndex={selectedPosition}
            onKeyDown={onKeyDown}
            className="absolute inset-0 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500"
            count={view.count}
            rowHeight={ROW_HEIGHT}
            following={following}
            onFollowingChange={setFollowing}
            renderRow={(position, style) => {
              const seq = seqAt(view, position);
              const entry = log.entries[seq];
              if (!entry) return null;
              return (
                <TrafficRow
                  entry={entry}
                  validator={validator}
                  id={rowId(seq)}
                  position={position + 1}
                  setSize={view.count}
                  selected={seq === selectedSeq}
                  tabbable={seq === selectedSeq}
                  style={style}
                  onSelect={() => reveal(position, false)}
                />
              );
            }}
          />
          {view.count === 0 && (
            <p className="pointer-events-none absolute inset-x-0 top-6 text-center text-sm text-slate-600 dark:text-slate-400">
              {log.entries.length === 0 ? "No traffic yet." : `No entries match “${deferredQuery.trim()}”.`}
            </p>
          )}
          {!following && view.count > 0 && (
            <button
              type="button"
              onClick={() => setFollowing(true)}
              className="absolute right-4 bottom-3 rounded-full bg-indigo-600 px-3 py-1 text-xs font-medium text-white shadow hover:bg-indigo-700"
            >
              Jump to latest ↓
            </button>
          )}
        </div>
        {selected && (
          <div className="max-h-[60%] min-h-0 overflow-auto border-t border-slate-200 @3xl:max-h-none @3xl:w-[45%] @3xl:shrink-0 @3xl:border-t-0 @3xl:border-l dark:border-slate-800">
            <TrafficDetail
              entry={selected}
              entries={log.entries}
              protocolVersion={protocolVersion}
              validity={selected.kind === "frame" ? validator.validate(selected.seq) : undefined}
              onJump={jumpTo}
              onClose={() => setSelectedSeq(null)}
              onEdit={onEdit}
            />
          </div>
        )}
      </div>
    </section>
  );
}
