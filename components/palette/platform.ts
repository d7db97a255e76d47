/** Whether ⌘ is the command key here (the shortcut list shows ⌘K rather than Ctrl+K). */
export function isMac(): boolean {
  if (typeof navigator === "undefined") return false;
  const data = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData;
  return /mac|iphone|ipad/i.test(data?.platform ?? navigator.platform ?? "");
}

/** Whether typing goes into this element (a "?" there is text, not the help). */
export function isTextField(el: Element | null): boolean {
  if (!el || !(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement)
    return !["button", "checkbox", "radio", "submit", "reset", "file", "range", "color"].includes(el.type);
  return el.closest(".monaco-editor") !== null || el.getAttribute("role") === "textbox";
}
