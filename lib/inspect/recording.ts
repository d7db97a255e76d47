/**
 * Recordings: a session's connection (secrets redacted), what was negotiated and the whole traffic
 * log, as one versioned JSON file; and back into a TrafficLog equal to the one that was exported.
 */
import type { SessionState } from "../base";
import type { FrameEntry, RpcInfo, TrafficEntry } from "../traffic";
import { TrafficLog } from "../traffic";
import { redactConnection, redactEntry } from "./redact";
import { createPacer } from "../base";
import { errorMessage, migrate } from "../base";
import { RECORDING_MIGRATIONS } from "./recordingMigration";
import {
  checkTrafficEntry,
  RECORDING_FORMAT,
  RECORDING_VERSION,
  RecordingHeadSchema,
  type Recording,
} from "./recordingSchema";

export { RECORDING_FORMAT, RECORDING_VERSION, type NegotiatedInfo, type Recording } from "./recordingSchema";

type Doc = Record<string, unknown>;

export function exportRecording(
  state: Pick<
    SessionState,
    "config" | "protocolVersion" | "era" | "serverInfo" | "serverCapabilities" | "clientCapabilities" | "instructions"
  >,
  log: { readonly entries: readonly TrafficEntry[] },
  exportedAt: Date = new Date(),
): Recording {
  const negotiated: Recording["negotiated"] = { clientCapabilities: state.clientCapabilities };
  if (state.protocolVersion !== undefined) negotiated.protocolVersion = state.protocolVersion;
  if (state.era !== undefined) negotiated.era = state.era;
  if (state.serverInfo !== undefined) negotiated.serverInfo = state.serverInfo;
  if (state.serverCapabilities !== undefined) negotiated.serverCapabilities = state.serverCapabilities;
  if (state.instructions !== undefined) negotiated.instructions = state.instructions;
  return {
    format: RECORDING_FORMAT,
    v: RECORDING_VERSION,
    exportedAt: exportedAt.toISOString(),
    connection: redactConnection(state.config),
    negotiated,
    traffic: log.entries.map(redactEntry),
  };
}

/** The file text: one line per entry keeps huge logs diffable and cheap to write. */
export function serializeRecording(recording: Recording): string {
  const { traffic, ...head } = recording;
  const lines = traffic.map((entry) => "    " + JSON.stringify(entry));
  const headText = JSON.stringify(head, null, 2).replace(/\n}$/, "");
  return `${headText},\n  "traffic": [\n${lines.join(",\n")}\n  ]\n}\n`;
}

/**
 * Work in steps: a generator that yields between traffic entries, so a big recording can be read
 * without holding the page (`runPaced`) or at once (`runSync`, for Node and tests).
 */
type Steps<T> = Generator<void, T, void>;

export function runSync<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Runs the steps, yielding to the event loop whenever a time slice (8 ms) is used up. */
export async function runPaced<T>(steps: Steps<T>, pace: () => Promise<void> = createPacer()): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await pace();
  }
}

type Parsed = { recording: Recording } | { error: string };

/** Read a recording file. Never throws: anything unreadable comes back as `{ error }`. */
export function parseRecording(text: string): Parsed {
  return runSync(parseSteps(text));
}

/** parseRecording without holding the page: a 10,000-message file is read in slices. */
export function parseRecordingPaced(text: string): Promise<Parsed> {
  return runPaced(parseSteps(text));
}

function* parseSteps(text: string): Steps<Parsed> {
  try {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      return { error: `Not a recording: the file is not valid JSON (${errorMessage(e)})` };
    }
    yield;
    if (typeof doc !== "object" || doc === null || Array.isArray(doc) || (doc as Doc).format !== RECORDING_FORMAT) {
      return { error: `Not a recording: "format" is not "${RECORDING_FORMAT}"` };
    }
    const v = (doc as Doc).v;
    // Older versions are lifted step by step (recordingMigration.ts) before anything is validated.
    const migrated = migrate(RECORDING_MIGRATIONS, v, doc as Doc);
    if (!migrated.ok) {
      return {
        error:
          migrated.reason === "too-new"
            ? `The recording was written by a newer MCP Lens (format v${v}; this one reads up to v${RECORDING_VERSION})`
            : 'The recording has no valid version ("v")',
      };
    }
    const head = RecordingHeadSchema.safeParse(migrated.value);
    if (!head.success) return damaged(head.error.issues[0]?.path ?? [], head.error.issues[0]?.message ?? "invalid");
    const raw = head.data.traffic;
    const traffic: TrafficEntry[] = new Array(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const checked = checkTrafficEntry(raw[i], i, raw.length);
      if ("message" in checked) return damaged(checked.path, checked.message);
      traffic[i] = checked.entry;
      yield;
    }
    return { recording: { ...head.data, traffic } };
  } catch (e) {
    return { error: `The recording could not be read: ${errorMessage(e)}` };
  }
}

function damaged(path: readonly PropertyKey[], message: string): { error: string } {
  const where = path.length > 0 ? ` at ${path.map(String).join(".")}` : "";
  return { error: `The recording is damaged${where}: ${message}` };
}

/** Taken from the recording as they are; `from` (the MCP App view a request was sent for) cannot be re-derived at all. */
const DERIVED = ["rpc", "size", "truncated", "pairedSeq", "latencyMs", "problem", "from"] as const;

/**
 * A TrafficLog holding exactly the recorded entries. Frames are replayed through the log (so its
 * pairing state is that of the session), then given back what was recorded for them: a cut frame
 * cannot be re-derived from its stored head, and the recording is the truth.
 */
export function recordingLog(recording: Pick<Recording, "traffic">): TrafficLog {
  return runSync(recordingLogSteps(recording));
}

/** recordingLog in steps (see runPaced). */
export function* recordingLogSteps(recording: Pick<Recording, "traffic">): Steps<TrafficLog> {
  let clock = 0;
  const log = new TrafficLog({ now: () => clock, frameLimit: Number.POSITIVE_INFINITY, schedule: (flush) => flush() });
  for (const entry of recording.traffic) {
    if (entry.kind === "frame") {
      clock = entry.ts;
      log.recordFrame(entry.direction, entry.raw, entry.channel);
    } else {
      const { seq: _seq, ...rest } = entry;
      log.append(rest);
    }
    yield;
  }
  // The recorded values are taken as they are (not cloned): an offline log never changes, and
  // the parsed recording is not used for anything else.
  for (let i = 0; i < recording.traffic.length; i++) {
    const entry = recording.traffic[i]!;
    if (entry.kind !== "frame") continue;
    const target = log.entries[i] as FrameEntry as unknown as Record<string, unknown>;
    const replayed = target.rpc as RpcInfo;
    for (const key of DERIVED) {
      if (entry[key] === undefined) delete target[key];
      else target[key] = entry[key];
    }
    // A recording made before subjects were kept: what the replay found (`tools/call echo`) stays.
    const rpc = entry.rpc;
    if ((rpc.type === "request" || rpc.type === "notification") && rpc.subject === undefined && "subject" in replayed)
      target.rpc = { ...rpc, subject: replayed.subject };
    if (i % 256 === 0) yield;
  }
  return log;
}
