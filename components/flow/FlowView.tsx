"use client";
import { useMemo, useRef, useState } from "react";
import { SequenceBuilder, nearestRow, rowSeq, sequenceView } from "@/lib/inspect";
import type { TrafficEntry } from "@/lib/traffic";
import type { TrafficLog } from "@/lib/traffic";
import type { VirtualListHandle } from "../common/VirtualList";
import { useTrafficVersion } from "../hooks/useStore";
import { DEFAULT_ROW_HEIGHT } from "./flowStyle";
import { SequenceDiagram } from "./SequenceDiagram";
import { StepDetail } from "./StepDetail";
import { Walkthrough } from "./Walkthrough";

/**
 * The message flow of one connection: a windowed sequence diagram (client, bridge, server, and an
 * MCP App view's lane left of the client once a view speaks) and a walkthrough that explains one
 * message at a time. The current step and the selected arrow are one.
 */
export function FlowView({
  log,
  protocolVersion,
  match,
}: {
  log: TrafficLog;
  protocolVersion?: string;
  match?: ((entry: TrafficEntry) => boolean) | null;
}) {
  const version = useTrafficVersion(log);
  const builder = useMemo(() => new SequenceBuilder(), []);
  // The entries array is appended to in place: `version` is what changes, so it tags each snapshot.
  const model = useMemo(() => ({ state: builder.update(log.entries), version }), [builder, log, version]);
  const [includeTransport, setIncludeTransport] = useState(false);
  const [rowHeight, setRowHeight] = useState(DEFAULT_ROW_HEIGHT);
  const [currentSeq, setCurrentSeq] = useState<number | null>(null);
  const [following, setFollowing] = useState(false);
  const [focusRequest, setFocusRequest] = useState<{ seq: number } | null>(null);
  const listRef = useRef<VirtualListHandle>(null);

  const { items } = model.state;
  const baseView = sequenceView(model.state, includeTransport);
  // The session's traffic query narrows the diagram and the walkthrough too.
  const view = useMemo(() => {
    if (!match) return baseView;
    const indices: number[] = [];
    for (let row = 0; row < baseView.count; row++) {
      const seq = rowSeq(baseView, row);
      const e = log.entries[seq];
      if (e && match(e)) indices.push(seq);
    }
    return { count: indices.length, indices };
  }, [baseView, match, log]);
  // Before the first choice the walkthrough starts at step 1; a hidden entry resolves to the next shown one.
  const position = currentSeq === null ? (view.count > 0 ? 0 : -1) : nearestRow(view, currentSeq);
  const seq = rowSeq(view, position);
  const item = seq < 0 ? undefined : items[seq];
  const entry = seq < 0 ? undefined : log.entries[seq];

  const goTo = (row: number, focus = false) => {
    const target = rowSeq(view, Math.min(Math.max(0, row), view.count - 1));
    if (target < 0) return;
    setCurrentSeq(target);
    listRef.current?.scrollToIndex(nearestRow(view, target));
    if (focus) setFocusRequest({ seq: target });
  };

  // Pairs are frames, and frames are always shown: the other half is always a row.
  const jumpTo = (target: number) => goTo(nearestRow(view, target));

  return (
    <div className="@container flex h-full min-h-0 flex-col bg-white text-slate-900 @3xl:flex-row dark:bg-slate-950 dark:text-slate-100">
      <SequenceDiagram
        items={items}
        lanes={model.state.lanes}
        view={view}
        currentRow={position}
        rowHeight={rowHeight}
        onRowHeight={setRowHeight}
        following={following}
        onFollowingChange={setFollowing}
        onSelectRow={goTo}
        focusRequest={focusRequest}
        listRef={listRef}
      />
      <Walkthrough
        position={position}
        count={view.count}
        includeTransport={includeTransport}
        onIncludeTransport={setIncludeTransport}
        onStep={(row) => goTo(row)}
      >
        {entry && item && (
          <StepDetail
            entry={entry}
            item={item}
            entries={log.entries}
            protocolVersion={protocolVersion}
            onJump={jumpTo}
          />
        )}
      </Walkthrough>
    </div>
  );
}
