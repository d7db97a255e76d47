import type { Environment } from "monaco-editor/editor";

/**
 * Tells Monaco where its workers are. Must run before the first editor is created: under
 * Turbopack, Monaco's own worker lookup fails ("Failed to load worker script for label:
 * editorWorkerService"), so each worker is a one-line wrapper module (editor.worker.ts,
 * json.worker.ts) started here as a module worker; this works with webpack too.
 */
export function ensureMonacoEnvironment(): void {
  if (typeof self === "undefined" || self.MonacoEnvironment?.getWorker) return;
  const environment: Environment = {
    getWorker(_workerId: string, label: string): Worker {
      if (label === "json") return new Worker(new URL("./json.worker.ts", import.meta.url), { type: "module" });
      return new Worker(new URL("./editor.worker.ts", import.meta.url), { type: "module" });
    },
  };
  self.MonacoEnvironment = environment;
}

ensureMonacoEnvironment();
