/**
 * Server features for the UI: `session.features` (a `ServerFeatures`) on every InspectorSession.
 * It follows the session's live SDK client by itself (handlers re-registered, per-connection
 * state reset on each connect). Every store is a `Store` (get/subscribe, for
 * useSyncExternalStore); methods return promises and never need a try/catch for server errors
 * (those land in the store); they throw only when not connected. All frames reach the traffic log.
 *
 * Resources — `features.resources`
 *   read(uri) → ResourceRead; store.byUri[uri]: status, items (ResourceItem[]), result, error.
 *   ResourceItem: kind text (language, render: "code" | "markdown" | "sandboxed-html") | blob
 *   (preview: image/svg/audio/video/text/download; only inert media types preview) | invalid; mimeType and size always set.
 *   Render "sandboxed-html" only in a sandboxed iframe (docs/security.md §S15).
 *   resourceDownload(item) → { fileName, mimeType, size, blob } for URL.createObjectURL;
 *   decodeBlobText(blob) for "text" previews.
 * Templates — parseTemplate(uriTemplate).variables (form fields), expandTemplate(parsed, values).uri
 *   (show it before reading), then features.resources.read(uri).
 * Completions — features.completionsEnabled (server declared `completions`);
 *   const c = features.completer({ type: "ref/prompt", name } | { type: "ref/resource", uri: template });
 *   c.type(argument, value, allFilledValues) on each keystroke; c.store.byArgument[argument]
 *   → { value, status, values, total, hasMore }; c.dispose() when the form closes.
 * Subscriptions — features.subscriptions: subscribe(uri), unsubscribe(uri);
 *   store: mode ("resources/subscribe" | "subscriptions/listen" | "offline"), declared,
 *   byUri[uri].status, updated[uri] (mark; features.resources.read(uri) clears it), listen.
 * Prompts — features.prompts.get(name, args) → PromptRun; store.byName[name].conversation:
 *   messages[{ role, parts[{ content: ClassifiedContent, resource?: ResourceItem }] }], problems.
 * Logging — features.logging: setLevel(level) (legacy: logging/setLevel; 2026-07-28: carried in
 *   every request's _meta, `undefined` = no logs); clear(); store: entries (LogEntry: level,
 *   severity, logger, data, pretty, receivedAt), level, levelMode, levelStatus;
 *   filterLog(entries, { minLevel, logger, text }), loggerNames(entries), LOG_LEVELS.
 * Tasks (2025-11-25) — taskSupportOf(tool), serverRunsToolTasks(caps); features.tasks:
 *   runTool(name, args, { ttl }) → TaskStart; refresh(id), fetchResult(id), cancel(id), list(),
 *   stopPolling(id); store: order, byId[id] (status, statusMessage, polling, polls, result, cancel).
 *   Polling and tasks/result run by themselves after runTool.
 */
export { ServerFeatures, type FeatureHost, type FeatureOptions } from "./features";
export { LensClient } from "./lensClient";
export { ResourceReader, type ResourceRead, type ResourceReadsState } from "./resources";
export {
  classifyReadResult,
  classifyResourceItem,
  decodeBlobText,
  languageFor,
  previewFor,
  resourceDownload,
  type HighlightLanguage,
  type PreviewKind,
  type ResourceDownload,
  type ResourceItem,
  type TextRender,
} from "./resourceContent";
export {
  expandTemplate,
  parseTemplate,
  type Expansion,
  type ParsedTemplate,
  type TemplateValue,
  type TemplateVariable,
} from "./uriTemplate";
export {
  Completer,
  contextArguments,
  type CompletionRef,
  type CompletionsState,
  type Suggestions,
} from "./completions";
export { ResourceSubscriptions, type Subscription, type SubscriptionsState } from "./subscriptions";
export { PromptRunner, type PromptRun, type PromptRunsState } from "./prompts";
export {
  promptConversation,
  type Conversation,
  type ConversationMessage,
  type ConversationPart,
} from "./promptConversation";
export {
  emptyLog,
  filterLog,
  LOG_LEVELS,
  logBatchReceived,
  loggerNames,
  ServerLog,
  toLogEntry,
  type LogEntry,
  type LogFilter,
  type LogState,
} from "./logging";
export { TaskRunner, type TaskStart } from "./tasks";
export { templateMatches } from "./templateMatch";
export {
  serverRunsToolTasks,
  taskSupportOf,
  TERMINAL_TASK_STATUSES,
  type TaskRecord,
  type TasksState,
} from "./taskState";
export type { RequestFailure } from "./request";
