/**
 * Typed reads an app makes, framework-free (a React app calls the same documents through `useQuery`): results are
 * typed from the operations in queries.ts, errors come back by code.
 */
import type { ApolloClient, ObservableQuery } from "@apollo/client";
import { filter, firstValueFrom } from "rxjs";
import type { Purpose } from "./client.js";
import { errorCodes, type GatewayErrorDetail, gatewayErrors } from "./errors.js";
import type {
  CitizenForCaseQuery,
  CitizensPageQuery,
  CitizensPageQueryVariables,
  ProcedureComponentsQuery,
  ProvincesQuery,
} from "./gql/graphql.js";
import { citizenForCaseQuery, citizenReligionQuery, citizensPageQuery, procedureComponentsQuery, provincesQuery } from "./queries.js";

export type Province = ProvincesQuery["provinces"][number];
export type CitizenForCase = NonNullable<CitizenForCaseQuery["citizen"]>;
export type CitizenRow = NonNullable<CitizensPageQuery["citizens"]>["edges"][number]["node"];

/** The provinces: public, cached after the first call (cache-first, the default). */
export async function provinces(client: ApolloClient): Promise<Province[]> {
  const { data } = await client.query({ query: provincesQuery });
  return data?.provinces ?? [];
}

/**
 * A citizen for a case, or null when no one has that personal id. `network-only`: the cache does not know under
 * which purpose it holds a citizen, and a read for this case must reach the gateway to be allowed and recorded.
 */
export async function citizenForCase(client: ApolloClient, personalId: string, purpose: Purpose): Promise<CitizenForCase | null> {
  const { data } = await client.query({
    query: citizenForCaseQuery,
    variables: { personalId },
    context: { purpose },
    fetchPolicy: "network-only",
  });
  return data?.citizen ?? null;
}

/**
 * A field the client may not be granted: the value, or null with the gateway's refusal. `errorPolicy: "all"` keeps
 * the errors (and any partial data) instead of throwing.
 */
export async function citizenReligion(
  client: ApolloClient,
  personalId: string,
  purpose: Purpose,
): Promise<{ religion: string | null; refused: GatewayErrorDetail[] }> {
  const { data, error } = await client.query({
    query: citizenReligionQuery,
    variables: { personalId },
    context: { purpose },
    fetchPolicy: "network-only",
    errorPolicy: "all",
  });
  return { religion: data?.citizen?.religion ?? null, refused: gatewayErrors(error) };
}

/** A procedure's components, each kept under its procedure in the cache (see typePolicies). */
export async function procedureComponents(
  client: ApolloClient,
  code: string,
): Promise<NonNullable<ProcedureComponentsQuery["procedure"]>["components"]> {
  const { data } = await client.query({ query: procedureComponentsQuery, variables: { code } });
  return data?.procedure?.components ?? [];
}

export interface CitizenPage {
  /** The rows of this page alone. */
  rows: CitizenRow[];
  /** Every row loaded so far, as the cache merged the pages (relayStylePagination). */
  all: CitizenRow[];
  totalCount: number;
  hasNextPage: boolean;
}

/**
 * The citizens of a province, page by page: `first()` loads the first page, `next()` the one after it with
 * `fetchMore` and the previous page's `endCursor`. A cursor is a sealed token: pass it back as it came.
 */
export class CitizenList {
  private readonly query: ObservableQuery<CitizensPageQuery, CitizensPageQueryVariables>;
  private readonly subscription: { unsubscribe(): void };

  constructor(client: ApolloClient, provinceCode: string, pageSize: number, purpose: Purpose) {
    this.query = client.watchQuery({
      query: citizensPageQuery,
      variables: { provinceCode, first: pageSize },
      context: { purpose },
      fetchPolicy: "network-only",
      nextFetchPolicy: "cache-first",
    });
    // An ObservableQuery fetches while it has a subscriber, as a component using the list would be.
    this.subscription = this.query.subscribe(() => {});
  }

  async first(): Promise<CitizenPage> {
    const result = await firstValueFrom(this.query.pipe(filter((r) => r.dataState === "complete" || r.error !== undefined)));
    if (result.error) throw result.error;
    return this.page(this.merged()?.edges.map((e) => e.node) ?? []);
  }

  async next(): Promise<CitizenPage> {
    const current = this.merged();
    if (!current?.pageInfo.hasNextPage) return this.page([]);
    const { data } = await this.query.fetchMore({ variables: { after: current.pageInfo.endCursor } });
    const rows = data?.citizens?.edges.map((e) => e.node) ?? [];
    // The cache merges the page into the list (relayStylePagination) and tells the query a moment later.
    const loaded = current.edges.length + rows.length;
    await firstValueFrom(this.query.pipe(filter((r) => r.dataState === "complete" && (r.data.citizens?.edges.length ?? 0) >= loaded)));
    return this.page(rows);
  }

  close(): void {
    this.subscription.unsubscribe();
  }

  /** The connection as the cache holds it: every page loaded so far. */
  private merged(): CitizensPageQuery["citizens"] | null {
    const result = this.query.getCurrentResult();
    return result.dataState === "complete" ? result.data.citizens : null;
  }

  private page(rows: CitizenRow[]): CitizenPage {
    const merged = this.merged();
    return {
      rows,
      all: merged?.edges.map((e) => e.node) ?? [],
      totalCount: merged?.totalCount ?? 0,
      hasNextPage: merged?.pageInfo.hasNextPage ?? false,
    };
  }
}

export { errorCodes };
