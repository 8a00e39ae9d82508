import { describe, expect, it } from "vitest";
import { type ContextServices, createContext } from "./context.js";

/** Services whose sources count how often a slice reached for their database. */
function countingServices() {
  const reached: string[] = [];
  const source = (name: string) => ({
    get db() {
      reached.push(name);
      return {} as never;
    },
  });
  const services = {
    sources: { population: source("population"), land: source("land"), business: source("business"), gateway: source("gateway") },
    adminUnits: {},
    procedures: {},
    cursors: {},
    nodeIds: {},
    conformance: {},
    dossiers: {},
    accessLog: {},
    consents: {},
  } as unknown as ContextServices;
  return { services, reached };
}

/** What Apollo Server does with the context before every operation (ApolloServer.ts, cloneObject). */
const apolloCopy = <T extends object>(context: T): T => Object.assign(Object.create(Object.getPrototypeOf(context)), context);

describe("the request context", () => {
  it("makes no source's slice when Apollo copies it, and only the one a resolver reaches", () => {
    const { services, reached } = countingServices();
    const copy = apolloCopy(createContext(services, "req-1"));
    expect(reached).toEqual([]);
    const population = copy.population;
    expect(reached).toEqual(["population"]);
    // Made once per request: the same loaders for every resolver of that request.
    expect(copy.population).toBe(population);
    expect(reached).toEqual(["population"]);
    expect(copy.request.id).toBe("req-1");
    expect(copy.gateway.procedures).toBe(services.procedures);
  });

  it("gives each request its own slices", () => {
    const { services } = countingServices();
    const one = apolloCopy(createContext(services));
    const two = apolloCopy(createContext(services));
    expect(one.land).not.toBe(two.land);
    expect(one.request.id).not.toBe(two.request.id);
  });
});
