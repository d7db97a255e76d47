"use client";
import type { ConnectionConfig } from "@/lib/base";
import { AuthorizationFields } from "./AuthorizationFields";
import { Field } from "./Field";
import { KeyValueEditor } from "./KeyValueEditor";

type StdioConfig = Extract<ConnectionConfig, { transport: "stdio" }>;
type HttpConfig = Exclude<ConnectionConfig, { transport: "stdio" }>;

/** What a stdio server is: its command, arguments (edited as one line), working directory and environment. */
export function StdioFields({
  config,
  argsText,
  onArgsText,
  onChange,
}: {
  config: StdioConfig;
  argsText: string;
  onArgsText: (text: string) => void;
  onChange: (config: StdioConfig) => void;
}) {
  return (
    <>
      <Field label="Command">
        <input
          className="input mono w-full"
          value={config.command}
          onChange={(e) => onChange({ ...config, command: e.target.value })}
          placeholder="npx"
        />
      </Field>
      <Field label="Arguments">
        <input
          className="input mono w-full"
          value={argsText}
          onChange={(e) => onArgsText(e.target.value)}
          placeholder="-y @modelcontextprotocol/server-everything"
        />
      </Field>
      <Field label="Working directory">
        <input
          className="input mono w-full"
          value={config.cwd}
          onChange={(e) => onChange({ ...config, cwd: e.target.value })}
          placeholder="(inspector's directory)"
        />
      </Field>
      <KeyValueEditor
        label="Environment variables"
        namePlaceholder="NAME"
        pairs={config.env}
        onChange={(env) => onChange({ ...config, env })}
      />
    </>
  );
}

/** Where an HTTP server is: its URL (read on blur, with a note or an error), headers and authorization. */
export function HttpFields({
  config,
  urlMessage,
  onUrlMessage,
  onReadUrl,
  onChange,
}: {
  config: HttpConfig;
  urlMessage: { note?: string; error?: string };
  onUrlMessage: (message: { note?: string; error?: string }) => void;
  onReadUrl: () => void;
  onChange: (config: HttpConfig) => void;
}) {
  return (
    <>
      <Field label="URL">
        <input
          className="input mono w-full"
          type="text"
          inputMode="url"
          spellCheck={false}
          autoComplete="url"
          value={config.url}
          aria-invalid={urlMessage.error ? true : undefined}
          aria-describedby={urlMessage.error || urlMessage.note ? "connection-url-message" : undefined}
          onChange={(e) => {
            onChange({ ...config, url: e.target.value });
            if (urlMessage.error || urlMessage.note) onUrlMessage({});
          }}
          onBlur={() => config.url.trim() && onReadUrl()}
          placeholder="http://127.0.0.1:3001/mcp"
        />
      </Field>
      {urlMessage.error ? (
        <p id="connection-url-message" role="alert" className="text-xs text-red-700 dark:text-red-400">
          {urlMessage.error}
        </p>
      ) : urlMessage.note ? (
        <p id="connection-url-message" className="text-xs text-slate-600 dark:text-slate-400">
          {urlMessage.note}
        </p>
      ) : null}
      <KeyValueEditor
        label="Headers"
        namePlaceholder="Header-Name"
        pairs={config.headers}
        onChange={(headers) => onChange({ ...config, headers })}
      />
      {config.transport === "streamable-http" && (
        <AuthorizationFields oauth={config.oauth} onChange={(oauth) => onChange({ ...config, oauth })} />
      )}
    </>
  );
}
