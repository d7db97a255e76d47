"use client";
import { Fragment, useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from "react";
import type { CSSProperties, HTMLAttributes, ReactNode, Ref, UIEvent, WheelEvent } from "react";

export interface VirtualListHandle {
  /** Scroll the least distance that brings row `index` fully into view. */
  scrollToIndex(index: number): void;
  /** How many rows fit in the viewport. */
  pageSize(): number;
  element(): HTMLDivElement | null;
}

export interface VirtualListProps extends Omit<
  HTMLAttributes<HTMLDivElement>,
  "children" | "onScroll" | "onWheel" | "tabIndex"
> {
  count: number;
  rowHeight: number;
  overscan?: number;
  /** Render row `index`; the element must use `style` (absolute position inside the spacer). */
  renderRow: (index: number, style: CSSProperties) => ReactNode;
  /** While true, the list stays scrolled to its last row as rows are added. */
  following: boolean;
  /** Told when the user scrolls away from the bottom (false) or back to it (true). */
  onFollowingChange: (following: boolean) => void;
  /** The row that holds the tab stop (roving tabindex); while it is not rendered, the list itself does. */
  activeIndex?: number;
  ref?: Ref<VirtualListHandle>;
}

const DEFAULT_VIEWPORT = 600;

/**
 * A fixed-row-height windowed list: a tall spacer holds only the visible rows (plus overscan),
 * so a list of 50,000 rows renders a few dozen elements.
 */
export function VirtualList({
  count,
  rowHeight,
  overscan = 8,
  renderRow,
  following,
  onFollowingChange,
  activeIndex = -1,
  ref,
  className,
  ...rest
}: VirtualListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(0);
  const height = viewport || DEFAULT_VIEWPORT;
  const total = count * rowHeight;
  // While following, render the bottom at once rather than waiting for the scroll event.
  const top = following ? Math.max(0, total - height) : Math.min(scrollTop, Math.max(0, total - height));

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewport(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = scroller.current;
    // The spacer's height is known: no need to read scrollHeight (a forced layout) on every append.
    if (el && following) el.scrollTop = total;
  }, [following, total, viewport]);

  useImperativeHandle(
    ref,
    () => ({
      scrollToIndex(index) {
        const el = scroller.current;
        if (!el) return;
        const rowTop = index * rowHeight;
        if (rowTop < el.scrollTop) el.scrollTop = rowTop;
        else if (rowTop + rowHeight > el.scrollTop + el.clientHeight)
          el.scrollTop = rowTop + rowHeight - el.clientHeight;
        setScrollTop(el.scrollTop);
        const atBottom = isAtBottom(el, rowHeight);
        if (atBottom !== following) onFollowingChange(atBottom);
      },
      pageSize: () => Math.max(1, Math.floor((scroller.current?.clientHeight ?? DEFAULT_VIEWPORT) / rowHeight) - 1),
      element: () => scroller.current,
    }),
    [rowHeight, following, onFollowingChange],
  );

  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    setScrollTop(el.scrollTop);
    const atBottom = isAtBottom(el, rowHeight);
    if (atBottom !== following) onFollowingChange(atBottom);
  };

  // Stop following as soon as the wheel turns up, before a burst of rows can pull the view back.
  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    if (e.deltaY < 0 && following) onFollowingChange(false);
  };

  const first = Math.max(0, Math.floor(top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((top + height) / rowHeight) + overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <Fragment key={i}>
        {renderRow(i, { position: "absolute", top: i * rowHeight, left: 0, right: 0, height: rowHeight })}
      </Fragment>,
    );
  }

  return (
    <div
      ref={scroller}
      onScroll={onScroll}
      onWheel={onWheel}
      tabIndex={activeIndex >= first && activeIndex < last ? -1 : 0}
      className={`overflow-y-auto overflow-x-hidden ${className ?? ""}`}
      {...rest}
    >
      <div role="presentation" style={{ position: "relative", height: total }}>
        {rows}
      </div>
    </div>
  );
}

function isAtBottom(el: HTMLElement, rowHeight: number): boolean {
  return el.scrollTop + el.clientHeight >= el.scrollHeight - rowHeight / 2;
}
