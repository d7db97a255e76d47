// Monaco's generic editor worker, wrapped so Turbopack bundles it as a module worker (STACK.md).
import "monaco-editor/editor/editor.worker.js";
