import type { StdioProcess } from "./stdioProcess";

/**
 * The live stdio processes of this inspector. Kept on `globalThis` because Next bundles each route
 * separately: the spawn route, the stdin route and the launcher's shutdown hook must see one map.
 */
interface Registry {
  processes: Map<string, StdioProcess>;
  relayInFlight: number;
}

const KEY = Symbol.for("mcp-lens.bridge.registry");

export function registry(): Registry {
  const g = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (g[KEY] ??= { processes: new Map(), relayInFlight: 0 });
}

/** Stop every process this inspector started: used on SIGINT/SIGTERM. */
export async function shutdownAll(): Promise<void> {
  const { processes } = registry();
  await Promise.all([...processes.values()].map((p) => p.shutdown()));
  processes.clear();
}

export function killAllNow(): void {
  for (const p of registry().processes.values()) p.killNow();
}
