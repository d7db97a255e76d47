/**
 * Accessible names of form controls. Browser tests locate fields with these exact strings, so the
 * rule is fixed here and in one place:
 *
 *   property          name at the root, "<parent>.<name>" below it        "query", "location.city"
 *   array item        "<parent> item <n>" (n from 1)                      "tags item 1", "rows item 2 item 1"
 *   tuple position    "<parent> <n>"                                      "point 1"
 *   map entry         "<parent> key <n>" / "<parent> value <n>"           "env key 1", "env value 1"
 *   union             select "Variant <label>"; the variant's fields keep the union's label
 *   nullable          checkbox "<label> is null"; the value control keeps the label
 *   optional boolean  radio group "<label>" with radios "unset", "true", "false"
 *   date-time         the date and time control keeps the label; select "<label> time zone"
 *   text              toggle button "Multi-line <label>"
 *   $ref / deferred   transparent; button "Expand <label>" while closed
 *
 * <parent>/<label> of the root is "arguments" where a name is needed ("Variant arguments",
 * "arguments item 1"); properties of the root object have no prefix.
 */
export const ROOT_NAME = "arguments";

export function nameOf(label: string): string {
  return label === "" ? ROOT_NAME : label;
}

export const labelFor = {
  property: (parent: string, name: string) => (parent === "" ? name : `${parent}.${name}`),
  item: (parent: string, index: number) => `${nameOf(parent)} item ${index + 1}`,
  position: (parent: string, index: number) => `${nameOf(parent)} ${index + 1}`,
  mapKey: (parent: string, index: number) => `${nameOf(parent)} key ${index + 1}`,
  mapValue: (parent: string, index: number) => `${nameOf(parent)} value ${index + 1}`,
  variant: (label: string) => `Variant ${nameOf(label)}`,
  isNull: (label: string) => `${nameOf(label)} is null`,
};
