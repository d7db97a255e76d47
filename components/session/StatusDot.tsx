"use client";
import type { InspectorSession } from "@/lib/session";
import type { Status } from "@/lib/base";
import { useStore } from "../hooks/useStore";
import { IDLE_SESSION } from "./useRuntime";

const COLORS: Record<Status, string> = {
  idle: "bg-slate-300 dark:bg-slate-600",
  connecting: "bg-amber-400 animate-pulse",
  connected: "bg-emerald-500",
  disconnected: "bg-slate-400",
  failed: "bg-red-500",
};

export function StatusDot({ session }: { session?: InspectorSession }) {
  const { status } = useStore<{ status: Status }>(session?.store ?? IDLE_SESSION);
  return (
    <span
      className={`inline-block h-2.5 w-2.5 shrink-0 rounded-full ${COLORS[status]}`}
      title={status}
      aria-label={status}
      role="img"
    />
  );
}
