import { describe, expect, it } from "vitest";
import { labelFor, nameOf } from "./labels";

// Browser tests find controls by these exact names: changing one is a breaking change.
describe("labelFor", () => {
  it("names nested fields, items, positions, entries, variants and nulls", () => {
    expect(labelFor.property("", "query")).toBe("query");
    expect(labelFor.property("location", "city")).toBe("location.city");
    expect(labelFor.item("tags", 0)).toBe("tags item 1");
    expect(labelFor.property(labelFor.item("people", 1), "name")).toBe("people item 2.name");
    expect(labelFor.item(labelFor.item("grid", 0), 2)).toBe("grid item 1 item 3");
    expect(labelFor.position("point", 1)).toBe("point 2");
    expect(labelFor.mapKey("env", 0)).toBe("env key 1");
    expect(labelFor.mapValue("env", 0)).toBe("env value 1");
    expect(labelFor.variant("shape")).toBe("Variant shape");
    expect(labelFor.isNull("maybe")).toBe("maybe is null");
  });

  it('calls the root "arguments" where a name is needed', () => {
    expect(nameOf("")).toBe("arguments");
    expect(labelFor.variant("")).toBe("Variant arguments");
    expect(labelFor.item("", 0)).toBe("arguments item 1");
  });
});
