"use client";
import {
  CONTAINERS,
  DISPLAY_MODES,
  LOCALES,
  PLATFORMS,
  TIME_ZONES,
  type ContainerPreset,
  type HostSettings,
} from "@/lib/apps";
import { NOTE } from "../results/ui";

const SELECT =
  "rounded border border-slate-300 bg-white px-1 py-0.5 text-xs dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200";

/**
 * The host an MCP App view is told it runs in, changeable live: each change reaches the view as
 * `ui/notifications/host-context-changed` (only what changed). Partial input applies to the next call.
 */
export function HostContextPanel({
  settings,
  onChange,
}: {
  settings: HostSettings;
  onChange: (patch: Partial<HostSettings>) => void;
}) {
  const pick = <K extends keyof HostSettings>(label: string, key: K, options: readonly string[], names?: string[]) => (
    <label className="flex items-center gap-1 text-xs">
      {label}
      <select
        className={SELECT}
        value={String(settings[key])}
        onChange={(e) => onChange({ [key]: e.target.value } as Partial<HostSettings>)}
      >
        {options.map((option, i) => (
          <option key={option} value={option}>
            {names?.[i] ?? option}
          </option>
        ))}
      </select>
    </label>
  );
  const containers = Object.keys(CONTAINERS) as ContainerPreset[];
  return (
    <fieldset aria-label="Host context" className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <span className={NOTE}>As the host:</span>
      {pick("View theme", "theme", ["light", "dark"])}
      {pick("Display mode", "displayMode", DISPLAY_MODES)}
      {pick(
        "Container",
        "container",
        containers,
        containers.map((c) => CONTAINERS[c].label),
      )}
      {pick("Locale", "locale", withCurrent(LOCALES, settings.locale))}
      {pick("Time zone", "timeZone", withCurrent(TIME_ZONES, settings.timeZone))}
      {pick("Platform", "platform", PLATFORMS)}
      <label className="flex items-center gap-1 text-xs">
        <input
          type="checkbox"
          checked={settings.streamInput}
          onChange={(e) => onChange({ streamInput: e.target.checked })}
        />
        Stream the arguments as partial input (next call)
      </label>
    </fieldset>
  );
}

function withCurrent(list: string[], current: string): string[] {
  return list.includes(current) ? list : [current, ...list];
}
