"use client";
// This module is the ~6 MB Monaco chunk: only JsonViewer's next/dynamic import may reach it.
import { ensureMonacoEnvironment } from "./monacoEnvironment";
import { editor, Uri } from "monaco-editor/editor";
import "monaco-editor/features/register.all";
import "monaco-editor/languages/features/json/register";
import { useEffect, useRef } from "react";
import { bindSchema } from "./jsonSchemas";
import { pageIsDark, watchDark } from "../palette/theme";

export const LINE_HEIGHT = 18;

export interface MonacoJsonProps {
  value: string;
  height: number;
  readOnly: boolean;
  ariaLabel: string;
  onChange?: (value: string) => void;
  /** A JSON schema to validate and complete against (editable variant). */
  schema?: unknown;
  onReady?: () => void;
}

let modelCounter = 0;

export default function MonacoJson({ value, height, readOnly, ariaLabel, onChange, schema, onReady }: MonacoJsonProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<editor.IStandaloneCodeEditor | null>(null);
  const initial = useRef({ value, readOnly, ariaLabel });
  const callbacks = useRef({ onChange, onReady });

  useEffect(() => {
    callbacks.current = { onChange, onReady };
  }, [onChange, onReady]);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    ensureMonacoEnvironment();
    const { value, readOnly, ariaLabel } = initial.current;
    const model = editor.createModel(value, "json", Uri.parse(`inmemory://mcp-lens/json-${++modelCounter}.json`));
    const instance = editor.create(host, {
      model,
      readOnly,
      ariaLabel,
      theme: pageIsDark() ? "vs-dark" : "vs",
      automaticLayout: true,
      // The mature textarea input, not the experimental EditContext one (Chromium 156 has EditContext, and
      // Monaco's EditContext element is invisible to screen readers' and automation's idea of a text box).
      editContext: false,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 12,
      lineHeight: LINE_HEIGHT,
      tabSize: 2,
      lineNumbersMinChars: 3,
      renderLineHighlight: readOnly ? "none" : "line",
      fixedOverflowWidgets: true,
      stickyScroll: { enabled: false },
    });
    editorRef.current = instance;
    const changes = model.onDidChangeContent(() => callbacks.current.onChange?.(model.getValue()));
    // The page's theme (the person's choice, or the OS under "system").
    const unwatch = watchDark((dark) => editor.setTheme(dark ? "vs-dark" : "vs"));
    callbacks.current.onReady?.();
    return () => {
      unwatch();
      changes.dispose();
      instance.dispose();
      model.dispose();
      editorRef.current = null;
    };
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || model.getValue() === value) return;
    if (readOnly) model.setValue(value);
    // Keep the user's undo stack when the parent replaces the text of an editable model.
    else model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
  }, [value, readOnly]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly, ariaLabel });
  }, [readOnly, ariaLabel]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || schema === undefined) return;
    return bindSchema(model.uri.toString(), schema);
  }, [schema]);

  return <div ref={hostRef} className="absolute inset-0" style={{ height }} />;
}
