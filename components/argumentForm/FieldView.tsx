import { memo } from "react";
import { isRecord } from "@/lib/base";
import { jsonType, type FieldNode } from "@/lib/schema";
import { ArrayField, TupleField } from "./ArrayField";
import type { FieldProps } from "./fieldProps";
import { JsonField } from "./JsonField";
import { MapField } from "./MapField";
import { ObjectField } from "./ObjectField";
import { RefField } from "./RefField";
import { BooleanField, EnumField, NumberField, StringField } from "./ScalarFields";
import { NullableField, UnionField } from "./UnionField";

/**
 * The control for a node. A value whose JSON type the control cannot show (a string where the
 * schema wants an object) is shown as JSON instead, so the form never reshapes what it does not understand.
 */
export const FieldView = memo(FieldViewImpl, sameProps);

/** setAt keeps untouched subtrees identical, so a field whose value and place are unchanged can skip rendering. */
function sameProps(a: FieldProps, b: FieldProps): boolean {
  return (
    a.node === b.node &&
    a.value === b.value &&
    a.label === b.label &&
    a.caption === b.caption &&
    a.required === b.required &&
    a.bare === b.bare &&
    a.omit === b.omit &&
    a.path.length === b.path.length &&
    a.path.every((seg, i) => seg === b.path[i])
  );
}

function FieldViewImpl(props: FieldProps) {
  const { node, value } = props;
  const expected = expectedType(node);
  // null where a number belongs is a cleared number (an array item keeps its place): an empty number field.
  const cleared = value === null && node.kind === "number";
  if (value !== undefined && !cleared && expected && !expected(value)) {
    return (
      <JsonField
        {...props}
        reason={`This value (${jsonType(value)}) does not fit the schema's ${node.kind} field; edit it as JSON.`}
      />
    );
  }
  switch (node.kind) {
    case "string":
      return <StringField {...props} node={node} />;
    case "number":
      return <NumberField {...props} node={node} />;
    case "boolean":
      return <BooleanField {...props} node={node} />;
    case "enum":
      return <EnumField {...props} node={node} />;
    case "object":
      return <ObjectField {...props} node={node} />;
    case "map":
      return <MapField {...props} node={node} />;
    case "array":
      return <ArrayField {...props} node={node} />;
    case "tuple":
      return <TupleField {...props} node={node} />;
    case "union":
      return <UnionField {...props} node={node} />;
    case "nullable":
      return <NullableField {...props} node={node} />;
    case "ref":
      return <RefField {...props} node={node} />;
    case "json":
      return <JsonField {...props} reason={node.reason} />;
  }
}

function expectedType(node: FieldNode): ((v: unknown) => boolean) | undefined {
  switch (node.kind) {
    case "string":
      return (v) => typeof v === "string";
    case "number":
      return (v) => typeof v === "number";
    case "boolean":
      return (v) => typeof v === "boolean";
    case "object":
    case "map":
      return isRecord;
    case "array":
    case "tuple":
      return Array.isArray;
    default:
      return undefined;
  }
}
