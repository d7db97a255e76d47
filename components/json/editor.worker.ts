// Monaco's generic editor worker, wrapped so Turbopack bundles it as a module worker (see monacoEnvironment.ts).
import "monaco-editor/editor/editor.worker.js";
