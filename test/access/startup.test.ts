/** Demo clients exist outside production only; production refuses to start with them or with a demo key. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertNoDemoClients, DEMO_ALL_CLIENT_ID, DEMO_CIVIL_STATUS_CLIENT_ID } from "../../src/modules/access/demo.js";
import { createApp } from "../../src/app.js";
import { startTestGateway, testConfig, type TestGateway } from "../support/gateway.js";

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ citizens: 100 });
});
afterAll(() => gw?.close());

describe("demo clients", () => {
  it("are registered in development and test, with a citizen who exists", async () => {
    const clients = await gw.app.clients.list();
    const demo = clients.filter((c) => c.demo);
    expect(demo.map((c) => c.id)).toEqual(expect.arrayContaining([DEMO_ALL_CLIENT_ID, DEMO_CIVIL_STATUS_CLIENT_ID]));
    const citizen = demo.find((c) => c.kind === "CITIZEN")!;
    const [row] = await gw.app.sources.population.raw<{ personal_id: string }>(
      "select personal_id from population.citizens where personal_id = $1",
      [citizen.personalId],
    );
    expect(row?.personal_id).toBe(citizen.personalId);
  });

  it("make a production start fail until they are removed", async () => {
    const access = { ...gw.app.config.access, demoClients: false, demoApiKey: undefined };
    await expect(assertNoDemoClients(gw.app.clients, access)).rejects.toThrow(/demo client\(s\) are registered.*remove-demo/);
    await gw.app.clients.removeDemoClients();
    await expect(assertNoDemoClients(gw.app.clients, access)).resolves.toBeUndefined();
  });

  it("a production start with GATEWAY_DEMO_API_KEY set is refused", async () => {
    const { config, cleanup } = await testConfig();
    try {
      const production = {
        ...config,
        environment: "production" as const,
        access: { ...config.access, demoClients: false, demoApiKey: "some-demo-key" },
      };
      await expect(createApp(production, { seedIfEmpty: 0 })).rejects.toThrow(/GATEWAY_DEMO_API_KEY is set/);
    } finally {
      await cleanup();
    }
  });
});
