"use client";
import { useEffect, useMemo } from "react";
import type { Completer, CompletionRef, ServerFeatures } from "@/lib/features";

/** A completer for one form, only when the server declares completions; its pending work stops when the form closes. */
export function useCompleter(features: ServerFeatures, ref: CompletionRef): Completer | undefined {
  const enabled = features.completionsEnabled;
  const key = ref.type === "ref/prompt" ? `p:${ref.name}` : `r:${ref.uri}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the ref's identity, not the object
  const completer = useMemo(() => (enabled ? features.completer(ref) : undefined), [features, enabled, key]);
  useEffect(() => () => completer?.dispose(), [completer]);
  return completer;
}
