/**
 * MCP Lens as a client: what a server may ask of it, and what it declares it can answer.
 *
 * Each `InspectorSession` owns one `ClientFeatures` (`session.clientFeatures`), kept across reconnects:
 *
 * - `requests` (`ServerRequests`): sampling/createMessage and elicitation/create waiting for the
 *   user. Subscribe with `useSyncExternalStore(requests.subscribe, requests.get)`; `get().items`
 *   lists every request, oldest first, with `status` "pending" | "awaiting-completion" | "answered" |
 *   "cancelled" and, once answered, `answer` (the result or error that was sent). `openItems(state)`
 *   are the ones to show as cards; several may be open and none blocks another. Answer with
 *   `requests.answer(id, result)` or `requests.reject(id, code, message)`; `requests.clear()` forgets
 *   finished ones. A server's notifications/cancelled (or cancelling the call a 2026-07-28 request
 *   belongs to) marks the item "cancelled". 2026-07-28 multi round-trip requests
 *   (`InputRequiredResult.inputRequests`) arrive here too, with `via: "input-required"`: the SDK
 *   retries the original call with the answers once all are given.
 *   - Sampling cards: `summariseSampling(params)` for display; the answer form is
 *     `useReducer(samplingFormReducer, params, initialSamplingForm)`, and Send asks
 *     `reviewSamplingForm(form, params)`: `{ kind: "send", result }` or `{ kind: "show", errors, warnings }`
 *     (dispatch `reviewed`). Underneath, `samplingResult(draft, params)` shapes any `SamplingDraft`
 *     (`initialSamplingDraft()`) into `{ ok, result, warnings }` or `{ ok: false, errors }`.
 *     Reject with `SAMPLING_REJECTED` (code -1).
 *   - Form elicitation: `elicitationFields(params.requestedSchema)`, `initialElicitationValues(fields)`,
 *     `validateElicitation(fields, values)` → `{ ok, content }` or `{ ok: false, errors }` (per field
 *     name); send `elicitationResult("accept", content)`, `elicitationResult("decline")` or "cancel".
 *   - URL elicitation: `urlElicitationView(params)` gives `href` only for http(s) (render a plain
 *     link, never open it programmatically); after an accept in the 2025 era the item is
 *     "awaiting-completion" until notifications/elicitation/complete names its elicitationId.
 *     A tool call that fails with -32042 carries the URLs instead: `urlElicitationsFromError(outcome)`.
 * - `roots` (`RootsList`): subscribe the same way; `get().roots`, `add/update/remove/set` return
 *   `{ error?, warning? }` from `checkRoot`; `rootUriFromInput("/home/me")` turns a path into a
 *   file:// URI. Each change sends notifications/roots/list_changed while connected (2025 era);
 *   `get().lastNotice` says what happened, `get().listed` counts the server's roots/list calls.
 * - `tasks` (`ClientTasks`): with the `tasks` switch on (2025-11-25), a sampling or elicitation request
 *   carrying `params.task` is answered at once with a CreateTaskResult while its card waits; the
 *   server polls with tasks/get, fetches the answer with tasks/result (which waits for the end), lists
 *   with tasks/list and cancels with tasks/cancel, all answered here. `get().tasks` lists them with
 *   `status` and `polls`. `TaskAwareClient` (the SDK client the session uses) routes such requests.
 * - `session.ping()` → `{ ok, ms }` or `{ ok: false, error }`; the server's pings are answered by the SDK.
 *
 * Capabilities: `ConnectionConfig.clientFeatures` (`ClientFeatureSwitches`, each on unless false,
 * `CLIENT_FEATURES` lists them with labels) decides what `initialize` and each 2026-07-28 request's
 * `_meta` declare and which handlers exist; a switched-off capability's request gets -32601.
 * `session.state.clientCapabilities` is what was declared. Another module adds its own (tasks) with
 * `session.clientFeatures.extend({ name, capabilities, install(client) })` before connecting.
 */
export {
  CLIENT_FEATURES,
  ClientFeatureSwitchesSchema,
  declaredCapabilities,
  featureOn,
  type ClientFeature,
  type ClientFeatureSwitches,
} from "../base";
export { ClientFeatures, type ClientExtension } from "./clientFeatures";
export { ClientTasks, type ClientTask, type ClientTaskStatus, type ClientTasksState } from "./clientTasks";
export { TaskAwareClient, type TaskRequestHandler } from "./taskClient";
export {
  elicitationFields,
  elicitationResult,
  initialElicitationValues,
  validateElicitation,
  type ElicitField,
  type ElicitValue,
  type ElicitValues,
} from "./elicitationForm";
export { urlElicitationsFromError, urlElicitationView, type UrlElicitationView } from "./elicitationUrl";
export type { PingOutcome } from "./ping";
export {
  AnswerError,
  isOpen,
  openItems,
  ServerRequests,
  type RequestsState,
  type RequestStatus,
  type SentAnswer,
  type ServerRequest,
  type ServerRequestItem,
} from "./requests";
export { checkRoot, rootUriFromInput, RootsList, type RootCheck, type RootsState } from "./roots";
export {
  initialSamplingDraft,
  initialSamplingForm,
  reviewSamplingForm,
  SAMPLING_REJECTED,
  samplingDraftOf,
  samplingFormReducer,
  samplingResult,
  summariseSampling,
  type SamplingBlockKind,
  type SamplingDraft,
  type SamplingDraftBlock,
  type SamplingForm,
  type SamplingFormAction,
  type SamplingFormField,
  type SamplingReview,
  type SamplingSummary,
} from "./sampling";
