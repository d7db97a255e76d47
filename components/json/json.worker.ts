// Monaco's JSON language worker, wrapped so Turbopack bundles it as a module worker (see monacoEnvironment.ts).
import "monaco-editor/languages/features/json/json.worker.js";
