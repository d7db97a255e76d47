import type { McpUiHostContext } from "@modelcontextprotocol/ext-apps/app-bridge";

/**
 * The host an MCP App view is told it runs in (`McpUiHostContext`), from what the person picks in
 * the host panel: an author sees the view under different hosts (theme, display mode, container,
 * locale, time zone, platform) without leaving the inspector.
 */

export type ViewTheme = "light" | "dark";
export type DisplayMode = "inline" | "fullscreen" | "pip";
export type Platform = "web" | "desktop" | "mobile";
export type ContainerPreset = "fit" | "phone" | "tablet";

export const DISPLAY_MODES: DisplayMode[] = ["inline", "fullscreen", "pip"];
export const PLATFORMS: Platform[] = ["web", "desktop", "mobile"];
export const CONTAINERS: Record<ContainerPreset, { label: string; width?: number }> = {
  fit: { label: "fits the panel" },
  phone: { label: "phone, 375 px", width: 375 },
  tablet: { label: "tablet, 768 px", width: 768 },
};
export const LOCALES = ["en-US", "en-GB", "fr-FR", "de-DE", "ja-JP", "ar-EG"];
export const TIME_ZONES = ["UTC", "America/New_York", "Europe/Paris", "Asia/Tokyo", "Australia/Sydney"];
/** Size requests are honoured within these bounds (px). */
export const VIEW_HEIGHT = { min: 40, max: 2000 };
/** The picture-in-picture window's size (px). */
export const PIP_SIZE = { width: 320, height: 240 };

export interface HostSettings {
  theme: ViewTheme;
  displayMode: DisplayMode;
  container: ContainerPreset;
  locale: string;
  timeZone: string;
  platform: Platform;
  /** Send the arguments as growing partial input (`tool-input-partial`) before the whole input, on the next call. */
  streamInput: boolean;
}

export function defaultHostSettings(page: { theme: ViewTheme; locale: string; timeZone: string }): HostSettings {
  return { ...page, displayMode: "inline", container: "fit", platform: "web", streamInput: false };
}

/** What the host measures: the panel's width for an inline view, the window for fullscreen. */
export interface HostMeasure {
  panelWidth: number;
  windowWidth: number;
  windowHeight: number;
}

/** The width an inline view gets: the preset's, never wider than the panel. */
export function inlineWidth(settings: HostSettings, panelWidth: number): number {
  const preset = CONTAINERS[settings.container].width;
  return Math.max(1, Math.round(preset === undefined ? panelWidth : Math.min(preset, panelWidth)));
}

export function hostContextOf(settings: HostSettings, measure: HostMeasure): McpUiHostContext {
  const mobile = settings.platform === "mobile";
  return {
    theme: settings.theme,
    displayMode: settings.displayMode,
    availableDisplayModes: DISPLAY_MODES,
    containerDimensions: containerOf(settings, measure),
    locale: settings.locale,
    timeZone: settings.timeZone,
    userAgent: "MCP Lens",
    platform: settings.platform,
    deviceCapabilities: { touch: mobile, hover: !mobile },
  };
}

function containerOf(settings: HostSettings, m: HostMeasure): McpUiHostContext["containerDimensions"] {
  if (settings.displayMode === "fullscreen")
    return { width: Math.round(m.windowWidth), height: Math.max(VIEW_HEIGHT.min, Math.round(m.windowHeight - 48)) };
  if (settings.displayMode === "pip") return { ...PIP_SIZE };
  return { width: inlineWidth(settings, m.panelWidth), maxHeight: VIEW_HEIGHT.max };
}

/** A size the view asked for (`ui/notifications/size-changed`), within bounds, and what to report when it was not. */
export function boundedHeight(asked: unknown): { height: number; problem?: string } | undefined {
  if (asked === undefined) return undefined;
  if (typeof asked !== "number" || !Number.isFinite(asked))
    return {
      height: VIEW_HEIGHT.min,
      problem: `asked for a height that is not a number (${String(asked).slice(0, 40)})`,
    };
  const height = Math.min(VIEW_HEIGHT.max, Math.max(VIEW_HEIGHT.min, Math.round(asked)));
  if (asked > VIEW_HEIGHT.max)
    return { height, problem: `asked for a height of ${Math.round(asked)} px; held to ${VIEW_HEIGHT.max} px` };
  return { height };
}
