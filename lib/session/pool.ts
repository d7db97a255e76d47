import type { ClientCapabilities } from "@modelcontextprotocol/client";
import type { ConnectionConfig } from "../base";
import { InspectorSession } from "./session";
import type { SessionDeps } from "./sessionDeps";

/** The live sessions of this page, one per connection id; several may be connected at once. */
export class SessionPool {
  private readonly sessions = new Map<string, InspectorSession>();

  constructor(
    private readonly deps: SessionDeps,
    private readonly clientCapabilities: ClientCapabilities = {},
  ) {}

  get(config: ConnectionConfig): InspectorSession {
    let session = this.sessions.get(config.id);
    if (!session) {
      session = new InspectorSession(config, this.deps, this.clientCapabilities);
      this.sessions.set(config.id, session);
    }
    return session;
  }

  find(id: string): InspectorSession | undefined {
    return this.sessions.get(id);
  }

  async remove(id: string): Promise<void> {
    const session = this.sessions.get(id);
    this.sessions.delete(id);
    await session?.disconnect();
  }

  async disconnectAll(): Promise<void> {
    await Promise.all([...this.sessions.values()].map((s) => s.disconnect()));
  }
}
