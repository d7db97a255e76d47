// Monaco's JSON language worker, wrapped so Turbopack bundles it as a module worker (STACK.md).
import "monaco-editor/languages/features/json/json.worker.js";
