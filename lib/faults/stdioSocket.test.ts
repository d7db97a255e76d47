/**
 * The stdio fault suite (stdio.test.ts) again, every session through the bridge's WebSocket channel
 * (a real upgrade handler on 127.0.0.1:0) instead of the HTTP routes: the same reports, the same
 * flagged frames, the same witnesses, no process left.
 */
import { sessionsOnSocketBridge } from "../testing";

sessionsOnSocketBridge();

await import("./stdio.test");
