/**
 * The form model: a tree of field descriptors built from a tool's `inputSchema`.
 * Nodes are templates, independent of where they sit in the value: one array item node serves
 * every item, one map value node every entry. The value itself stays plain JSON, edited at paths.
 */

/** A location in the arguments value: property names and array indexes. */
export type Path = readonly (string | number)[];

export type Dialect = "2020-12" | "2019-09" | "draft-07";

/** What every node carries besides its kind. */
export interface NodeMeta {
  title?: string;
  description?: string;
  examples?: unknown[];
  /** Only meaningful when `hasDefault` (a default may itself be `null` or `false`). */
  default?: unknown;
  hasDefault: boolean;
  readOnly: boolean;
  writeOnly: boolean;
  deprecated: boolean;
  /** Keywords this node does not turn into controls; validation still checks them. */
  notes: string[];
  /** The subschema (after `allOf` merging) this node renders. */
  schema: unknown;
}

export interface StringNode extends NodeMeta {
  kind: "string";
  format?: string;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  contentMediaType?: string;
}

export interface NumberNode extends NodeMeta {
  kind: "number";
  integer: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
}

export interface BooleanNode extends NodeMeta {
  kind: "boolean";
}

export interface Choice {
  value: unknown;
  label: string;
}

/** `enum`, `const`, or a `oneOf` of consts: a fixed list of values. */
export interface EnumNode extends NodeMeta {
  kind: "enum";
  choices: Choice[];
}

export interface PropertyField {
  name: string;
  required: boolean;
  node: FieldNode;
}

export interface ObjectNode extends NodeMeta {
  kind: "object";
  properties: PropertyField[];
  /** Keys not in `properties` (additional/pattern properties); null when none are allowed. */
  rest: MapNode | null;
  minProperties?: number;
  maxProperties?: number;
}

export interface PatternField {
  pattern: string;
  node: FieldNode;
}

/** A key-value editor: `additionalProperties` / `patternProperties`. */
export interface MapNode extends NodeMeta {
  kind: "map";
  patterns: PatternField[];
  /** The node for keys no pattern matches; null when such keys are not allowed. */
  additional: FieldNode | null;
  /** Keys owned by the enclosing object's `properties`, not shown as entries. */
  declared: readonly string[];
  /** True when the schema says nothing about extra keys (any are allowed, none are expected). */
  open: boolean;
  minProperties?: number;
  maxProperties?: number;
}

export interface ArrayNode extends NodeMeta {
  kind: "array";
  items: FieldNode;
  minItems?: number;
  maxItems?: number;
  uniqueItems: boolean;
}

export interface TupleNode extends NodeMeta {
  kind: "tuple";
  prefix: FieldNode[];
  /** Items after the prefix; null when none are allowed. */
  rest: FieldNode | null;
  /** False when the schema says nothing about items after the prefix (allowed, not expected). */
  restDeclared: boolean;
  minItems?: number;
  maxItems?: number;
  uniqueItems: boolean;
}

export interface Variant {
  label: string;
  node: FieldNode;
  /** The discriminator property's value for this variant, when the union has one. */
  tag?: unknown;
}

export interface UnionNode extends NodeMeta {
  kind: "union";
  combinator: "oneOf" | "anyOf" | "type";
  variants: Variant[];
  /** A property whose `const` tells the variants apart. */
  discriminator?: string;
}

export interface NullableNode extends NodeMeta {
  kind: "nullable";
  inner: FieldNode;
}

/**
 * A subtree built on demand: a `$ref`, or nesting beyond the eager depth or size limit.
 * `resolve()` builds one more level and caches it, so recursive schemas cannot hang.
 */
export interface RefNode extends NodeMeta {
  kind: "ref";
  /** The `$ref` string; absent when the node only defers deep or large nesting. */
  ref?: string;
  /** A short name for what is behind the node ("Node" for `#/$defs/Node`). */
  target: string;
  resolve(): FieldNode;
}

/** A field edited as JSON text: anything that cannot be a control. */
export interface JsonNode extends NodeMeta {
  kind: "json";
  reason: string;
}

export type FieldNode =
  | StringNode
  | NumberNode
  | BooleanNode
  | EnumNode
  | ObjectNode
  | MapNode
  | ArrayNode
  | TupleNode
  | UnionNode
  | NullableNode
  | RefNode
  | JsonNode;

export type FieldKind = FieldNode["kind"];

export interface FormModel {
  root: FieldNode;
  /** Everything the form does not render as a control, with where it is. Grows as refs resolve. */
  warnings: string[];
  dialect: Dialect;
}

export interface ArgumentError {
  /** JSON Pointer into the arguments ("" is the whole value, "/location/city" a field). */
  path: string;
  message: string;
  /** "warning" when the schema itself could not be fully checked. */
  severity?: "error" | "warning";
}
