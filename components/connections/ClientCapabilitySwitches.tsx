"use client";
import { useState } from "react";
import { CLIENT_FEATURES, featureOn, type ClientFeature, type ConnectionConfig } from "@/lib/base";

/**
 * One switch per client capability, all on by default. Folded away until asked for (the form stays
 * short, and only mounted when open); the button says how many are off.
 */
export function ClientCapabilitySwitches({
  features,
  onChange,
}: {
  features: ConnectionConfig["clientFeatures"];
  onChange: (f: ConnectionConfig["clientFeatures"]) => void;
}) {
  const [open, setOpen] = useState(false);
  const off = CLIENT_FEATURES.filter((f) => !featureOn(features, f.key)).length;
  return (
    <div className="space-y-1">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="text-xs font-medium text-slate-600 hover:text-slate-900 dark:text-slate-400"
      >
        {open ? "▾" : "▸"} Client capabilities ({off ? `${off} switched off` : "all on"})
      </button>
      {open && (
        <fieldset className="space-y-1">
          <legend className="sr-only">Client capabilities (declared and answered)</legend>
          {CLIENT_FEATURES.map((f) => {
            const parentOff = f.requires !== undefined && !featureOn(features, f.requires);
            return (
              <label
                key={f.key}
                className={`flex items-center gap-2 text-xs ${f.requires ? "pl-5" : ""} ${parentOff ? "text-slate-600 dark:text-slate-400" : ""}`}
              >
                <input
                  type="checkbox"
                  checked={features?.[f.key] !== false}
                  disabled={parentOff}
                  onChange={(e) => onChange(switched(features, f.key, e.target.checked))}
                />
                {f.label}
              </label>
            );
          })}
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Takes effect on the next Connect. A switched-off capability is not declared, and the server&apos;s request
            for it gets an error.
          </p>
        </fieldset>
      )}
    </div>
  );
}

/** Switches stay sparse: only what is off is written. */
function switched(
  features: ConnectionConfig["clientFeatures"],
  key: ClientFeature,
  on: boolean,
): ConnectionConfig["clientFeatures"] {
  const next = { ...features };
  if (on) delete next[key];
  else next[key] = false;
  return Object.keys(next).length ? next : undefined;
}
