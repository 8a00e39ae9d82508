/** Per-request DataLoaders over the business source. */
import { asc, desc, getTableColumns, eq } from "drizzle-orm";
import type { Database } from "../../db/source.js";
import { anyOf, groupLoader, rowLoader } from "../../shared/loaders.js";
import { branches, enterpriseIndustries, enterprisePeople, enterprises, householdBusinesses } from "./tables.js";

export function createBusinessLoaders(db: Database) {
  const enterprise = rowLoader(
    (codes: readonly string[]) => db.select().from(enterprises).where(anyOf(enterprises.code, codes)),
    (row) => row.code,
  );
  return {
    enterprise,
    peopleOfEnterprise: groupLoader(
      (codes: readonly string[]) =>
        db.select().from(enterprisePeople).where(anyOf(enterprisePeople.enterpriseCode, codes)).orderBy(asc(enterprisePeople.role), desc(enterprisePeople.sharePercent)),
      (row) => row.enterpriseCode,
    ),
    /** A person's roles, with the enterprise row (primed into `enterprise`). */
    rolesOfPerson: groupLoader(
      async (ids: readonly string[]) => {
        const rows = await db
          .select({ role: getTableColumns(enterprisePeople), enterprise: getTableColumns(enterprises) })
          .from(enterprisePeople)
          .innerJoin(enterprises, eq(enterprises.code, enterprisePeople.enterpriseCode))
          .where(anyOf(enterprisePeople.personalId, ids))
          .orderBy(asc(enterprises.code), asc(enterprisePeople.role));
        for (const row of rows) enterprise.prime(row.enterprise.code, row.enterprise);
        return rows;
      },
      (row) => row.role.personalId,
    ),
    industriesOfEnterprise: groupLoader(
      (codes: readonly string[]) =>
        db.select().from(enterpriseIndustries).where(anyOf(enterpriseIndustries.enterpriseCode, codes)).orderBy(desc(enterpriseIndustries.isMain), asc(enterpriseIndustries.industryCode)),
      (row) => row.enterpriseCode,
    ),
    branchesOfEnterprise: groupLoader(
      (codes: readonly string[]) => db.select().from(branches).where(anyOf(branches.enterpriseCode, codes)).orderBy(asc(branches.code)),
      (row) => row.enterpriseCode,
    ),
    householdBusinessesOfOwner: groupLoader(
      (ids: readonly string[]) =>
        db.select().from(householdBusinesses).where(anyOf(householdBusinesses.ownerPersonalId, ids)).orderBy(asc(householdBusinesses.registrationNumber)),
      (row) => row.ownerPersonalId,
    ),
    householdBusiness: rowLoader(
      (numbers: readonly string[]) => db.select().from(householdBusinesses).where(anyOf(householdBusinesses.registrationNumber, numbers)),
      (row) => row.registrationNumber,
    ),
  };
}

export type BusinessLoaders = ReturnType<typeof createBusinessLoaders>;
