import { type FragmentDefinitionNode, type FieldNode, Kind, type OperationDefinitionNode, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { selectsField } from "./selection.js";

/** The resolve info of the first field of the operation's first field (`citizen { household { … } }` → household). */
function infoOf(document: string) {
  const doc = parse(document);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const root = operation.selectionSet.selections[0] as FieldNode;
  const field = root.selectionSet!.selections[0] as FieldNode;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [field], fragments };
}

describe("selectsField", () => {
  it("finds a field selected directly, in an inline fragment or a named one", () => {
    expect(selectsField(infoOf("{ citizen { household { id members { relationToHead } } } }"), "members")).toBe(true);
    expect(selectsField(infoOf("{ citizen { household { ... on Household { members { relationToHead } } } } }"), "members")).toBe(true);
    expect(
      selectsField(
        infoOf(
          "{ citizen { household { ...H } } } fragment H on Household { ...M } fragment M on Household { members { relationToHead } }",
        ),
        "members",
      ),
    ).toBe(true);
  });

  it("does not find it deeper, elsewhere or absent, and ends on fragments that spread each other", () => {
    expect(selectsField(infoOf("{ citizen { household { id head { fullName } } } }"), "members")).toBe(false);
    expect(selectsField(infoOf("{ citizen { household { head { household { members { relationToHead } } } } } }"), "members")).toBe(false);
    expect(
      selectsField(
        infoOf("{ citizen { household { ...A } } } fragment A on Household { id ...B } fragment B on Household { ...A }"),
        "members",
      ),
    ).toBe(false);
    expect(selectsField(infoOf("{ citizen { household { ...Missing } } }"), "members")).toBe(false);
  });
});
