"use client";
import { useEffect, useState } from "react";
import type { FrameValidator, ValidationStatus } from "@/lib/inspect";

/**
 * A row's validity, checked when the page is idle: validating a large frame takes tens of
 * milliseconds, which must not land on the path that shows a burst of traffic.
 */
export function useValidity(validator: FrameValidator, seq: number, isFrame: boolean): ValidationStatus | undefined {
  const [checked, setChecked] = useState<{ validator: FrameValidator; seq: number; status?: ValidationStatus }>();
  const cached = isFrame ? validator.peek(seq)?.status : undefined;
  useEffect(() => {
    if (!isFrame || validator.peek(seq)) return;
    const run = () => setChecked({ validator, seq, status: validator.validate(seq)?.status });
    if (typeof requestIdleCallback === "function") {
      const handle = requestIdleCallback(run, { timeout: 2000 });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(run, 50);
    return () => clearTimeout(timer);
  }, [validator, seq, isFrame]);
  return cached ?? (checked?.validator === validator && checked.seq === seq ? checked.status : undefined);
}
