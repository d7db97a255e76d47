import type { FieldNode, Path } from "@/lib/schema";

/** What a parent hands each field: where it is and how it is named (see labels.ts for the rule). */
export interface FieldProps<N extends FieldNode = FieldNode> {
  node: N;
  value: unknown;
  path: Path;
  /** The accessible name, unique in the form ("location.city", "tags item 2"). */
  label: string;
  /** The visible name: the title, else the key or position. */
  caption: string;
  required: boolean;
  /** Render without its own frame (a union's chosen variant inside the union's frame). */
  bare?: boolean;
  /** A property not to show: a union's discriminator, which the variant select already sets. */
  omit?: string;
}
