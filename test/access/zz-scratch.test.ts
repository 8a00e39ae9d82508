import { it } from "vitest";
import { parse, validate, specifiedRules } from "graphql";
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { buildGatewaySchema } from "../../src/schema.js";
const NESTED = (f: string) => `query($first: Int!) {
  citizens(first: ${f}) {
    edges { node {
      fullName
      father { fullName }
      mother { fullName }
      children { fullName }
      household { members { relationToHead citizen { fullName } } }
      identityCards { number }
      landParcels {
        parcel {
          id
          encumbrances { lenderName }
          holders { subject { ... on Citizen { fullName } ... on Enterprise { name } } }
        }
      }
      enterpriseRoles { enterprise { name branches { code } owners { citizen { fullName } } } }
      householdBusinesses { name }
    } }
  }
}`;
it("cost", async () => {
  const schema = await buildGatewaySchema();
  const cost = (q: string) => { let n = -1; validate(schema, parse(q), [costLimitRule({ maxCost: 1e12, onAccept: [(_c: any, { n: x }: any) => (n = x)] } as any)]); return n; };
  console.log("nested var", cost(NESTED("$first")));
  console.log("nested 100", cost(NESTED("100")));
  console.log("nested 50", cost(NESTED("50")));
  const bomb = `{ citizens(first: 100) { edges { node { children { children { identityCards { number } } } landParcels { parcel { holders { sharePercent } certificates { serial } } } } } } }`;
  console.log("bomb1", cost(bomb));
  const bombVar = `query($f: Int) { citizens(first: $f) { edges { node { children { children { identityCards { number } } } landParcels { parcel { holders { sharePercent } certificates { serial } } } } } } }`;
  console.log("bombVar", cost(bombVar));
  console.log("skip", validate(schema, parse(`{ provinces { code @skip(if: false) } }`)).map(e => e.message));
  console.log("directives", schema.getDirectives().map(d => d.name));
});
