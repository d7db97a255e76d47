import type { Tool } from "@modelcontextprotocol/client";

/** What Call asks the user before sending: a destructive tool, or arguments that fail the inputSchema. */
export interface Confirmation {
  reason: "destructive" | "invalid";
  message: string;
}

/** How a call goes out: as a task (2025-11-25) with an optional TTL, or as a plain tools/call with a timeout. */
export type CallSend = { kind: "task"; options: { ttl?: number } } | { kind: "call"; timeoutMs: number };

/** What Call (or the confirmation's button) leads to: ask first, or send. */
export type CallStep = { kind: "confirm"; confirmation: Confirmation } | CallSend;

/** The call's options as the Call bar holds them. */
export interface CallMode {
  /** The tool allows tasks and the server declares task-augmented tools/call. */
  tasksOffered: boolean;
  /** "Run as task" is checked. */
  asTask: boolean;
  /** The Task TTL box as typed (empty: the server's default). */
  ttlText: string;
  timeoutS: number;
}

export interface CallRequest {
  tool: Tool;
  /** Validation errors (warnings excluded) of the arguments as they would be sent. */
  errorCount: number;
  /** The confirmation on screen when Call was pressed, if any. */
  pending?: Confirmation;
  mode: CallMode;
  /** The person said "don't ask again for this tool in this session": no destructive confirmation. */
  trusted?: boolean;
}

/** Spec defaults: readOnlyHint false, destructiveHint true; only a tool that says it is destructive is asked about. */
export function isDestructive(tool: Tool): boolean {
  const a = tool.annotations;
  return !a?.readOnlyHint && a?.destructiveHint === true;
}

/** The TTL typed for a task, in ms: empty or not a number leaves it to the server. */
export function parseTtl(text: string): number | undefined {
  if (!text.trim()) return undefined;
  const ttl = Number(text);
  return Number.isFinite(ttl) ? ttl : undefined;
}

/** The timeout box in seconds: at least 1, and 1 for anything that is not a number. */
export function parseTimeoutSeconds(text: string): number {
  return Math.max(1, Number(text) || 1);
}

/** Task or plain call, from the Call bar's options. */
export function sendMode(mode: CallMode): CallSend {
  if (mode.tasksOffered && mode.asTask) {
    const ttl = parseTtl(mode.ttlText);
    return { kind: "task", options: ttl !== undefined ? { ttl } : {} };
  }
  return { kind: "call", timeoutMs: mode.timeoutS * 1000 };
}

/**
 * Call pressed: a destructive tool is confirmed first, then arguments that fail validation (sent
 * anyway if the user says so, to test the server); a confirmation already on screen lets it through.
 */
export function prepareCall({ tool, errorCount, pending, mode, trusted }: CallRequest): CallStep {
  if (isDestructive(tool) && !trusted && pending?.reason !== "destructive") {
    return {
      kind: "confirm",
      confirmation: { reason: "destructive", message: `${tool.name} is marked destructive by the server. Call it?` },
    };
  }
  if (errorCount && pending?.reason !== "invalid") {
    const message = `The arguments do not match the tool's inputSchema (${errorCount} error${errorCount > 1 ? "s" : ""}). Send them anyway, to test the server?`;
    return { kind: "confirm", confirmation: { reason: "invalid", message } };
  }
  return sendMode(mode);
}

/**
 * The confirmation's button pressed: a destructive tool whose arguments also fail validation asks
 * about those next; otherwise the call goes out.
 */
export function confirmCall(pending: Confirmation, errorCount: number, mode: CallMode): CallStep {
  if (pending.reason === "destructive" && errorCount) {
    return {
      kind: "confirm",
      confirmation: {
        reason: "invalid",
        message: "The arguments do not match the tool's inputSchema. Send them anyway?",
      },
    };
  }
  return sendMode(mode);
}
