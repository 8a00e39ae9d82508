/** Registered clients built by hand for the unit specs: an agency system with the grants given, or a citizen. */
import type { Client, Grant } from "../../src/modules/access/index.js";

export function agencyClient(...grants: Grant[]): Client {
  return {
    id: "VN:GOV:000.00.00.H01:test",
    name: "Test system",
    kind: "SYSTEM",
    personalId: null,
    keyPrefix: "ndaf_test",
    rateLimitPerMinute: null,
    expiresAt: null,
    revokedAt: null,
    demo: false,
    trustedDocumentsOnly: false,
    roles: [],
    grants,
  };
}

export function citizenClient(personalId: string): Client {
  return { ...agencyClient(), id: `VN:CIT:${personalId}`, name: "Test citizen", kind: "CITIZEN", personalId };
}
