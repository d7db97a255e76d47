"use client";
import { useState } from "react";
import type { OAuthSettings } from "@/lib/base";

const EMPTY: OAuthSettings = { clientId: "", clientSecret: "", clientMetadataUrl: "", scope: "" };

/**
 * The connection form's "Authorization" section (Streamable HTTP): which client identity to use
 * when the server answers 401. A pre-registered client id (and secret), else a Client ID Metadata
 * Document URL, else dynamic registration. Folded away until asked for; the secret is never saved.
 */
export function AuthorizationFields({
  oauth,
  onChange,
}: {
  oauth: OAuthSettings | undefined;
  onChange: (oauth: OAuthSettings | undefined) => void;
}) {
  const value = oauth ?? EMPTY;
  const [open, setOpen] = useState(false);
  const set = (patch: Partial<OAuthSettings>) => {
    const next = { ...value, ...patch };
    onChange(Object.values(next).some((v) => v.trim() !== "") ? next : undefined);
  };
  const summary = value.clientId
    ? "pre-registered client"
    : value.clientMetadataUrl
      ? "client metadata document"
      : "dynamic registration";
  return (
    <div className="space-y-1">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="text-xs font-medium text-slate-600 hover:text-slate-900 dark:text-slate-400"
      >
        {open ? "▾" : "▸"} Authorization (OAuth: {summary})
      </button>
      {open && (
        <fieldset className="space-y-2">
          <legend className="sr-only">Authorization (OAuth)</legend>
          <p className="text-xs text-slate-500">
            Used when the server answers 401: a pre-registered client, else a Client ID Metadata Document, else dynamic
            registration. Tokens and the secret stay in this page&apos;s memory only.
          </p>
          <Input label="Client ID" value={value.clientId} onChange={(clientId) => set({ clientId })} />
          <Input
            label="Client secret"
            type="password"
            value={value.clientSecret}
            onChange={(clientSecret) => set({ clientSecret })}
          />
          <Input
            label="Client ID Metadata Document URL"
            value={value.clientMetadataUrl}
            onChange={(clientMetadataUrl) => set({ clientMetadataUrl })}
            placeholder="https://example.com/client.json"
          />
          <Input
            label="Scopes"
            value={value.scope}
            onChange={(scope) => set({ scope })}
            placeholder="the server's, when empty"
          />
        </fieldset>
      )}
    </div>
  );
}

function Input({
  label,
  value,
  onChange,
  type = "text",
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "password";
  placeholder?: string;
}) {
  return (
    <label className="block space-y-1">
      <span className="text-xs font-medium text-slate-600 dark:text-slate-400">{label}</span>
      <input
        className="input mono w-full"
        type={type}
        spellCheck={false}
        autoComplete="off"
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
