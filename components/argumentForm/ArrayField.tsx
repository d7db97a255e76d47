import {
  arrayMove,
  arrayRemove,
  emptyValue,
  labelFor,
  nameOf,
  type ArrayNode,
  type FieldNode,
  type JsonNode,
  type Moved,
  type TupleNode,
} from "@/lib/schema";
import type { FieldProps } from "./fieldProps";
import { FieldView } from "./FieldView";
import { helpOf, useFieldErrors } from "./FieldShell";
import { useForm } from "./formContext";
import { Frame, RowButton } from "./Frame";

const EXTRA: JsonNode = {
  kind: "json",
  reason: "The schema allows no items after its fixed positions.",
  hasDefault: false,
  readOnly: false,
  writeOnly: false,
  deprecated: false,
  notes: [],
  schema: false,
};

/** How items move when item `i` is removed, or swapped with `j`: picks of variants follow them. */
const removed = (i: number): Moved => ({ kind: "reindex", to: (k) => (k === i ? undefined : k > i ? k - 1 : k) });
const swapped = (i: number, j: number): Moved => ({ kind: "reindex", to: (k) => (k === i ? j : k === j ? i : k) });

/** A tuple position's caption: its title, else the start of its description, else its number. */
function positionCaption(node: FieldNode, i: number): string {
  if (node.title) return node.title;
  const d = node.description?.split("\n")[0]?.trim();
  if (d) return d.length > 60 ? `${d.slice(0, 59)}…` : d;
  return String(i + 1);
}

/** A list: each item with Move up / Move down / Remove, and Add at the end. */
export function ArrayField({ node, value, path, label, caption, required }: FieldProps<ArrayNode>) {
  const { set } = useForm();
  const errors = useFieldErrors(node, value, path);
  const items = Array.isArray(value) ? value : [];
  const full = node.maxItems !== undefined && items.length >= node.maxItems;
  return (
    <Frame
      node={node}
      path={path}
      label={label}
      caption={caption}
      required={required}
      present={value !== undefined}
      errors={errors}
      help={helpOf(node, required)}
    >
      {items.map((item, i) => {
        const itemLabel = labelFor.item(label, i);
        return (
          <div key={i} className="flex items-start gap-1">
            <div className="min-w-0 flex-1">
              <FieldView
                node={node.items}
                value={item}
                path={[...path, i]}
                label={itemLabel}
                caption={`Item ${i + 1}`}
                required
              />
            </div>
            <RowButton
              label={`Move ${itemLabel} up`}
              disabled={i === 0}
              onClick={() => set(path, arrayMove(items, i, i - 1), swapped(i, i - 1))}
            >
              ↑ Up
            </RowButton>
            <RowButton
              label={`Move ${itemLabel} down`}
              disabled={i === items.length - 1}
              onClick={() => set(path, arrayMove(items, i, i + 1), swapped(i, i + 1))}
            >
              ↓ Down
            </RowButton>
            <RowButton label={`Remove ${itemLabel}`} onClick={() => set(path, arrayRemove(items, i), removed(i))}>
              Remove
            </RowButton>
          </div>
        );
      })}
      <AddButton label={label} disabled={full} onClick={() => set(path, [...items, emptyValue(node.items)])} />
    </Frame>
  );
}

/** Fixed positions (prefixItems), then rest items when the schema declares them. */
export function TupleField({ node, value, path, label, caption, required }: FieldProps<TupleNode>) {
  const { set } = useForm();
  const errors = useFieldErrors(node, value, path);
  const items = Array.isArray(value) ? value : [];
  const minItems = node.minItems ?? 0;
  const extra = items.slice(node.prefix.length);
  const add = () => {
    const next = items.slice();
    for (let i = next.length; i < node.prefix.length; i++) next.push(emptyValue(node.prefix[i]!));
    next.push(node.rest ? emptyValue(node.rest) : null);
    set(path, next);
  };
  const full = node.maxItems !== undefined && Math.max(items.length, node.prefix.length) >= node.maxItems;
  return (
    <Frame
      node={node}
      path={path}
      label={label}
      caption={caption}
      required={required}
      present={value !== undefined}
      errors={errors}
      help={helpOf(node, required)}
    >
      {node.prefix.map((p, i) => (
        <FieldView
          key={i}
          node={p}
          value={items[i]}
          path={[...path, i]}
          label={labelFor.position(label, i)}
          caption={positionCaption(p, i)}
          required={i < minItems}
        />
      ))}
      {extra.map((item, j) => {
        const i = node.prefix.length + j;
        return (
          <div key={i} className="flex items-start gap-1">
            <div className="min-w-0 flex-1">
              <FieldView
                node={node.rest ?? EXTRA}
                value={item}
                path={[...path, i]}
                label={labelFor.position(label, i)}
                caption={String(i + 1)}
                required
              />
            </div>
            <RowButton
              label={`Remove ${labelFor.position(label, i)}`}
              onClick={() => set(path, arrayRemove(items, i), removed(i))}
            >
              Remove
            </RowButton>
          </div>
        );
      })}
      {node.rest && node.restDeclared && <AddButton label={label} disabled={full} onClick={add} />}
    </Frame>
  );
}

function AddButton({ label, disabled, onClick }: { label: string; disabled: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      disabled={disabled}
      aria-label={`Add ${nameOf(label)} item`}
      onClick={onClick}
      className="text-xs text-indigo-600 hover:underline disabled:opacity-40 dark:text-indigo-400"
    >
      {/* The visible words are part of the spoken name ("Add tags item"), WCAG 2.5.3. */}+ Add
    </button>
  );
}
