"use client";
import { Component, type ReactNode } from "react";

/** Renders nothing when a lazily loaded child fails, so the caller's plain fallback stays in place. */
export class LoadBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.warn("The JSON editor failed to load; showing plain text instead.", error);
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
