/**
 * Real seeded data, read through the gateway as the demo client holding every grant: the values a generated
 * operation fills its arguments with (personal ids of the living and the dead, children, spouses, household heads,
 * parcels, certificates, enterprises, household businesses, codes, cursors), and who is related to whom, so a
 * dossier can name an applicant's real child, spouse or parcel.
 */
import type { TestGateway } from "./gateway.js";

export interface Person {
  id: string;
  alive: boolean;
  age: number;
  spouse: string | null;
  children: string[];
  /** The other members of their household. */
  household: string[];
  parcels: string[];
  certificates: string[];
  enterprises: string[];
}

export interface ProcedureShape {
  code: string;
  applicant: string;
  subjects: { role: string; kind: string }[];
}

export interface RealData {
  people: Map<string, Person>;
  /** Personal ids by what makes them interesting; `all` holds every one. */
  personalIds: Record<
    "all" | "dead" | "children" | "spouses" | "heads" | "holders" | "enterprisePeople" | "businessOwners" | "unknown",
    string[]
  >;
  parcels: string[];
  certificates: string[];
  enterprises: string[];
  householdBusinesses: string[];
  provinces: string[];
  communes: string[];
  legacyCodes: string[];
  landUsePurposes: string[];
  industries: string[];
  nameParts: string[];
  procedures: ProcedureShape[];
  /** Cursors each list returned, by its root coordinate (Query.citizens), to start pages mid-list. */
  cursors: Record<string, string[]>;
  /** Dossiers the demo client submitted (filled in by the suite that submits them). */
  dossiers: string[];
  /** Global ids (`Node.id`) the gateway returned, by type (Dossier filled in with `dossiers`). */
  nodeIds: Record<string, string[]>;
}

const PAGE = 50;

async function pages<T>(gw: TestGateway, field: string, selection: string, limit: number): Promise<{ nodes: T[]; cursors: string[] }> {
  const nodes: T[] = [];
  const cursors: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < limit; page++) {
    const { status, body }: { status: number; body: { data?: any; errors?: any[] } } = await gw.query(
      `query($after: String) { list: ${field}(first: ${PAGE}, after: $after) { pageInfo { endCursor hasNextPage } edges { cursor node { ${selection} } } } }`,
      { after },
    );
    if (status !== 200 || body.errors)
      throw new Error(`collecting ${field}: ${status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
    const list: { pageInfo: { endCursor: string | null; hasNextPage: boolean }; edges: { cursor: string; node: T }[] } = body.data.list;
    for (const edge of list.edges) {
      nodes.push(edge.node);
      cursors.push(edge.cursor);
    }
    if (!list.pageInfo.hasNextPage) break;
    after = list.pageInfo.endCursor;
  }
  return { nodes, cursors };
}

const distinct = (values: (string | null | undefined)[]) =>
  [...new Set(values.filter((v): v is string => typeof v === "string" && v.length > 0))].sort();

export async function collectRealData(gw: TestGateway, options: { maxPages?: number } = {}): Promise<RealData> {
  const limit = options.maxPages ?? 40;
  const citizens = await pages<any>(
    gw,
    "citizens",
    `id personalId fullName dateOfDeath lifeStatus { age alive } maritalStatus
     father { personalId } mother { personalId } spouse { personalId } children { personalId }
     household { id code head { personalId } members { personalId } }
     permanentResidence { communeCode legacyCommuneCode } hometown { legacyCommuneCode }
     landParcels { certificateSerial parcel { parcelId } }
     enterpriseRoles { enterprise { code } }
     householdBusinesses { id registrationNumber ownerPersonalId }`,
    limit,
  );
  const parcels = await pages<any>(
    gw,
    "landParcels",
    "id parcelId landUsePurpose { code } certificates { id serial } holders { personalId }",
    limit,
  );
  const enterprises = await pages<any>(
    gw,
    "enterprises",
    "id code mainIndustry { code } owners { personalId } legalRepresentatives { personalId } branches { id }",
    limit,
  );
  const reference = await gw.query(
    `{ procedures { id code applicant subjects { role kind } components { id } } provinces { id code communes { id } } }`,
  );
  if (reference.body.errors) throw new Error(JSON.stringify(reference.body.errors));

  const people = new Map<string, Person>();
  for (const c of citizens.nodes) {
    people.set(c.personalId, {
      id: c.personalId,
      alive: c.lifeStatus.alive,
      age: c.lifeStatus.age,
      spouse: c.spouse?.personalId ?? null,
      children: c.children.map((k: any) => k.personalId),
      household: (c.household?.members ?? []).map((m: any) => m.personalId).filter((id: string) => id !== c.personalId),
      parcels: (c.landParcels ?? []).map((h: any) => h.parcel.parcelId),
      certificates: (c.landParcels ?? []).map((h: any) => h.certificateSerial),
      enterprises: (c.enterpriseRoles ?? []).map((r: any) => r.enterprise?.code).filter(Boolean),
    });
  }
  const all = distinct(citizens.nodes.map((c) => c.personalId));
  // A well-formed id of nobody: a lookup of a person who is not found is still a lookup of that person.
  const unknown = [String(BigInt(all[all.length - 1]) + 1n).padStart(12, "0")];
  const citizenNodes = citizens.nodes;
  return {
    people,
    personalIds: {
      all,
      dead: distinct(citizenNodes.filter((c) => !c.lifeStatus.alive).map((c) => c.personalId)),
      children: distinct(citizenNodes.filter((c) => c.lifeStatus.age < 18).map((c) => c.personalId)),
      spouses: distinct(citizenNodes.map((c) => c.spouse?.personalId)),
      heads: distinct(citizenNodes.map((c) => c.household?.head?.personalId)),
      holders: distinct(parcels.nodes.flatMap((p) => p.holders.map((h: any) => h.personalId))),
      enterprisePeople: distinct(enterprises.nodes.flatMap((e) => [...e.owners, ...e.legalRepresentatives].map((p: any) => p.personalId))),
      businessOwners: distinct(citizenNodes.flatMap((c) => (c.householdBusinesses ?? []).map((h: any) => h.ownerPersonalId))),
      unknown,
    },
    parcels: distinct(parcels.nodes.map((p) => p.parcelId)),
    certificates: distinct(parcels.nodes.flatMap((p) => p.certificates.map((c: any) => c.serial))),
    enterprises: distinct(enterprises.nodes.map((e) => e.code)),
    householdBusinesses: distinct(citizenNodes.flatMap((c) => (c.householdBusinesses ?? []).map((h: any) => h.registrationNumber))),
    provinces: distinct(reference.body.data.provinces.map((p: any) => p.code)),
    communes: distinct(citizenNodes.map((c) => c.permanentResidence?.communeCode)),
    legacyCodes: distinct(citizenNodes.flatMap((c) => [c.permanentResidence?.legacyCommuneCode, c.hometown?.legacyCommuneCode])),
    landUsePurposes: distinct(parcels.nodes.map((p) => p.landUsePurpose.code)),
    industries: distinct(enterprises.nodes.map((e) => e.mainIndustry.code)),
    nameParts: distinct(citizenNodes.slice(0, 40).flatMap((c) => c.fullName.split(" ").slice(0, 1))),
    procedures: reference.body.data.procedures,
    cursors: { "Query.citizens": citizens.cursors, "Query.landParcels": parcels.cursors, "Query.enterprises": enterprises.cursors },
    dossiers: [],
    nodeIds: {
      Citizen: distinct(citizenNodes.map((c) => c.id)),
      Household: distinct(citizenNodes.map((c) => c.household?.id)),
      HouseholdBusiness: distinct(citizenNodes.flatMap((c) => (c.householdBusinesses ?? []).map((h: any) => h.id))),
      LandParcel: distinct(parcels.nodes.map((p) => p.id)),
      LandCertificate: distinct(parcels.nodes.flatMap((p) => p.certificates.map((c: any) => c.id))),
      Enterprise: distinct(enterprises.nodes.map((e) => e.id)),
      Branch: distinct(enterprises.nodes.flatMap((e) => e.branches.map((b: any) => b.id))),
      Procedure: distinct(reference.body.data.procedures.map((p: any) => p.id)),
      ProcedureComponent: distinct(reference.body.data.procedures.flatMap((p: any) => p.components.map((c: any) => c.id))),
      Province: distinct(reference.body.data.provinces.map((p: any) => p.id)),
      Commune: distinct(reference.body.data.provinces.flatMap((p: any) => p.communes.slice(0, 3).map((c: any) => c.id))),
      Dossier: [],
    },
  };
}

/** Counts per pool, for the log. */
export function describeRealData(data: RealData): string {
  const ids = Object.entries(data.personalIds)
    .map(([k, v]) => `${k} ${v.length}`)
    .join(", ");
  const nodes = Object.entries(data.nodeIds)
    .map(([k, v]) => `${k} ${v.length}`)
    .join(", ");
  return `personal ids: ${ids}; global ids: ${nodes}; parcels ${data.parcels.length}, certificates ${data.certificates.length}, enterprises ${data.enterprises.length}, household businesses ${data.householdBusinesses.length}, procedures ${data.procedures.length}, dossiers ${data.dossiers.length}`;
}
