/**
 * Demo clients, so the IDE works out of the box in development: one holding every grant (its key from
 * GATEWAY_DEMO_API_KEY, or a published default), a civil-status system with basic population data only, a citizen,
 * and a bank's system that reads only under consent. Production refuses to start while any demo client exists.
 */
import type { AccessConfig } from "../../platform/config.js";
import { ANY_PROCEDURE, CLIENT_ROLES, type ClientStore } from "./clients.js";
import type { Purpose } from "./request.js";

export const DEMO_ALL_CLIENT_ID = "VN:GOV:DEMO:ALL-GRANTS";
export const DEMO_CIVIL_STATUS_CLIENT_ID = "VN:GOV:DEMO:CIVIL-STATUS";
/** Published development keys: they only ever exist outside production. */
export const DEFAULT_DEMO_API_KEY = "ndaf-demo-all-grants";
export const DEMO_CIVIL_STATUS_KEY = "ndaf-demo-civil-status";
export const DEMO_CITIZEN_KEY = "ndaf-demo-citizen";
/** A bank's onboarding system (0100100015: a tax code with a valid check digit), reading under a citizen's consent. */
export const DEMO_ORGANIZATION_CLIENT_ID = "VN:ORG:0100100015:DEMO-EKYC";
export const DEMO_ORGANIZATION_KEY = "ndaf-demo-organization";
/** The purpose the IDE declares: birth registration (1.001193), a demo case. */
export const DEMO_PURPOSE: Purpose = { procedure: "1.001193", caseId: "DEMO-2026-0001" };
/** Civil-status procedures: birth, marriage and death registration. */
export const CIVIL_STATUS_PROCEDURES = ["1.001193", "1.000894", "1.000656"];

export interface DemoClients {
  allGrantsKey: string;
  citizenPersonalId: string | null;
}

/** Registers the demo clients; the demo citizen is the person the population source offers (none on an empty source). */
export async function ensureDemoClients(store: ClientStore, demoCitizen: string | null, access: AccessConfig): Promise<DemoClients> {
  const allGrantsKey = access.demoApiKey ?? DEFAULT_DEMO_API_KEY;
  await store.register({
    id: DEMO_ALL_CLIENT_ID,
    name: "Demo client holding every grant (development only)",
    key: allGrantsKey,
    demo: true,
    grants: [{ sources: ["population", "land", "business"], classes: ["basic", "sensitive"], procedures: [ANY_PROCEDURE] }],
    // Owner of every source and the oversight role, so the IDE can try the correction loop and the operational records.
    roles: CLIENT_ROLES,
  });
  await store.register({
    id: DEMO_CIVIL_STATUS_CLIENT_ID,
    name: "Demo commune civil-status system: basic population data for birth, marriage and death registration (development only)",
    key: DEMO_CIVIL_STATUS_KEY,
    demo: true,
    grants: [{ sources: ["population"], classes: ["basic"], procedures: CIVIL_STATUS_PROCEDURES }],
  });
  // Registered again at every start, like every demo client: the consents it was given go with it.
  await store.register({
    id: DEMO_ORGANIZATION_CLIENT_ID,
    kind: "ORGANIZATION",
    name: "Demo bank eKYC system, reading only under a citizen's consent (development only)",
    key: DEMO_ORGANIZATION_KEY,
    demo: true,
    grants: [{ sources: ["population", "land"], classes: ["basic"], procedures: [ANY_PROCEDURE] }],
  });
  if (demoCitizen) {
    await store.register({
      id: `VN:CIT:${demoCitizen}`,
      kind: "CITIZEN",
      personalId: demoCitizen,
      name: "Demo citizen (development only)",
      key: DEMO_CITIZEN_KEY,
      demo: true,
    });
  }
  return { allGrantsKey, citizenPersonalId: demoCitizen };
}

/** Production must not run with demo clients or a demo key. */
export async function assertNoDemoClients(store: ClientStore, access: AccessConfig): Promise<void> {
  if (access.demoApiKey) throw new Error("GATEWAY_DEMO_API_KEY is set, but demo clients are refused in production. Unset it.");
  const count = await store.countDemoClients();
  if (count > 0) {
    throw new Error(
      `${count} demo client(s) are registered in the gateway database; production refuses to start with them. Remove them with \`npm run clients -- remove-demo\`.`,
    );
  }
}
