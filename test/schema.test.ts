import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isIntrospectionType, type GraphQLSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { buildGatewaySchema, printGatewaySchema, readSchemaFile } from "../src/schema.js";

function undocumented(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of "args" in field ? field.args : []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe("schema", () => {
  it("schema.graphql at the root is what the code emits (run `npm run schema:emit` if not)", async () => {
    expect(readSchemaFile()).toBe(await printGatewaySchema());
  });

  it("documents every type, field, argument and enum value", async () => {
    expect(undocumented(await buildGatewaySchema())).toEqual([]);
  });
});
