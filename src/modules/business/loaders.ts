/** Per-request DataLoaders over the business source. */
import { asc, desc, getTableColumns, eq } from "drizzle-orm";
import type { Database } from "../../platform/db/source.js";
import { anyKey, batchQuery, groupLoader, rowLoader } from "../../shared/loaders.js";
import { branches, enterpriseIndustries, enterprisePeople, enterprises, householdBusinesses } from "./tables.js";

export function createBusinessLoaders(db: Database) {
  const enterprise = rowLoader(
    batchQuery(db, "business.enterprise", () => db.select().from(enterprises).where(anyKey(enterprises.code))),
    (row) => row.code,
  );
  const rolesQuery = batchQuery(db, "business.rolesOfPerson", () =>
    db
      .select({ role: getTableColumns(enterprisePeople), enterprise: getTableColumns(enterprises) })
      .from(enterprisePeople)
      .innerJoin(enterprises, eq(enterprises.code, enterprisePeople.enterpriseCode))
      .where(anyKey(enterprisePeople.personalId))
      .orderBy(asc(enterprises.code), asc(enterprisePeople.role)),
  );
  return {
    enterprise,
    peopleOfEnterprise: groupLoader(
      batchQuery(db, "business.peopleOfEnterprise", () =>
        db
          .select()
          .from(enterprisePeople)
          .where(anyKey(enterprisePeople.enterpriseCode))
          .orderBy(asc(enterprisePeople.role), desc(enterprisePeople.sharePercent)),
      ),
      (row) => row.enterpriseCode,
    ),
    /** A person's roles, with the enterprise row (primed into `enterprise`). */
    rolesOfPerson: groupLoader(
      async (ids: readonly string[]) => {
        const rows = await rolesQuery(ids);
        for (const row of rows) enterprise.prime(row.enterprise.code, row.enterprise);
        return rows;
      },
      (row) => row.role.personalId,
    ),
    industriesOfEnterprise: groupLoader(
      batchQuery(db, "business.industriesOfEnterprise", () =>
        db
          .select()
          .from(enterpriseIndustries)
          .where(anyKey(enterpriseIndustries.enterpriseCode))
          .orderBy(desc(enterpriseIndustries.isMain), asc(enterpriseIndustries.industryCode)),
      ),
      (row) => row.enterpriseCode,
    ),
    branchesOfEnterprise: groupLoader(
      batchQuery(db, "business.branchesOfEnterprise", () =>
        db.select().from(branches).where(anyKey(branches.enterpriseCode)).orderBy(asc(branches.code)),
      ),
      (row) => row.enterpriseCode,
    ),
    householdBusinessesOfOwner: groupLoader(
      batchQuery(db, "business.householdBusinessesOfOwner", () =>
        db
          .select()
          .from(householdBusinesses)
          .where(anyKey(householdBusinesses.ownerPersonalId))
          .orderBy(asc(householdBusinesses.registrationNumber)),
      ),
      (row) => row.ownerPersonalId,
    ),
    householdBusiness: rowLoader(
      batchQuery(db, "business.householdBusiness", () =>
        db.select().from(householdBusinesses).where(anyKey(householdBusinesses.registrationNumber)),
      ),
      (row) => row.registrationNumber,
    ),
  };
}

export type BusinessLoaders = ReturnType<typeof createBusinessLoaders>;
