"use client";
import { useMemo, useState } from "react";
import { childKeys, childValue, containerSummary, isContainer, jsonKind, primitiveText } from "@/lib/results";
import { PAGE_SIZE } from "@/lib/results";

/** Containers at depth < expandDepth start open, unless they hold more than this many entries. */
const AUTO_OPEN_MAX = 20;
const STRING_PREVIEW = 500;

/**
 * A collapsible JSON tree. Lazy: a container's children are rendered only while it is open, and
 * at most PAGE_SIZE more at a time, so a multi-megabyte or 100,000-level value costs only what is shown.
 */
export function JsonTree({
  value,
  label,
  rootName,
  expandDepth = 2,
}: {
  value: unknown;
  label: string;
  rootName?: string;
  expandDepth?: number;
}) {
  return (
    <div
      role="group"
      aria-label={label}
      className="mono overflow-x-auto text-xs leading-5 text-slate-800 dark:text-slate-200"
    >
      <JsonNode name={rootName} value={value} depth={0} expandDepth={expandDepth} />
    </div>
  );
}

interface NodeProps {
  name: string | undefined;
  value: unknown;
  depth: number;
  expandDepth: number;
}

function JsonNode(props: NodeProps) {
  return isContainer(props.value) ? (
    <ContainerNode {...props} value={props.value} />
  ) : (
    <PrimitiveNode name={props.name} value={props.value} />
  );
}

function ContainerNode({ name, value, depth, expandDepth }: NodeProps & { value: object }) {
  const total = useMemo(() => (Array.isArray(value) ? value.length : Object.keys(value).length), [value]);
  const [open, setOpen] = useState(() => depth < expandDepth && (depth === 0 || total <= AUTO_OPEN_MAX));
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="rounded px-0.5 text-left hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <span aria-hidden className="inline-block w-3 text-slate-600 dark:text-slate-400">
          {open ? "▾" : "▸"}
        </span>
        <Key name={name} />
        <span className="text-slate-600 dark:text-slate-400">{containerSummary(value, total)}</span>
      </button>
      {open && <Children value={value} depth={depth + 1} expandDepth={expandDepth} />}
    </div>
  );
}

function Children({ value, depth, expandDepth }: { value: object; depth: number; expandDepth: number }) {
  const [limit, setLimit] = useState(PAGE_SIZE);
  const { keys, total } = useMemo(() => childKeys(value, limit), [value, limit]);
  const rest = total - keys.length;
  return (
    <ul className="ml-1.5 border-l border-slate-200 pl-3 dark:border-slate-700">
      {keys.map((key) => (
        <li key={key}>
          <JsonNode name={key} value={childValue(value, key)} depth={depth} expandDepth={expandDepth} />
        </li>
      ))}
      {total === 0 && <li className="text-slate-600 dark:text-slate-400">(empty)</li>}
      {rest > 0 && (
        <li>
          <button
            type="button"
            onClick={() => setLimit((l) => l + PAGE_SIZE)}
            className="text-indigo-700 underline hover:no-underline dark:text-indigo-300"
          >
            Show more ({Math.min(PAGE_SIZE, rest)} of {rest} remaining)
          </button>
        </li>
      )}
    </ul>
  );
}

const KIND_CLASS: Record<string, string> = {
  string: "text-emerald-700 dark:text-emerald-300",
  number: "text-sky-700 dark:text-sky-300",
  boolean: "text-violet-700 dark:text-violet-300",
  null: "text-slate-600 dark:text-slate-400",
  other: "text-slate-600 dark:text-slate-400",
};

function PrimitiveNode({ name, value }: { name: string | undefined; value: unknown }) {
  const [full, setFull] = useState(false);
  const { text, cut } = useMemo(
    () => (full ? { text: JSON.stringify(value), cut: 0 } : primitiveText(value, STRING_PREVIEW)),
    [value, full],
  );
  return (
    <div className="pl-3.5">
      <Key name={name} />
      <span className={`break-all whitespace-pre-wrap ${KIND_CLASS[jsonKind(value)] ?? ""}`}>{text}</span>
      {cut > 0 && (
        <button
          type="button"
          onClick={() => setFull(true)}
          className="ml-1 text-indigo-700 underline hover:no-underline dark:text-indigo-300"
        >
          show {cut} more characters
        </button>
      )}
    </div>
  );
}

function Key({ name }: { name: string | undefined }) {
  if (name === undefined) return null;
  return <span className="mr-1 text-rose-700 dark:text-rose-300">{name}:</span>;
}
