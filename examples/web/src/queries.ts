/**
 * The kit's operations, written as GraphQL Code Generator's client preset reads them: `graphql()` returns a typed
 * document once `npm run kit:codegen` has seen the text. Each operation that reads personal data declares its
 * purpose in a comment inside the template; `npx ndaf-gateway conformance --operations examples/web/src` checks
 * that, and the rest, against the national schema. The comment documents the operation: the purpose is sent as
 * headers (client.ts), per call.
 */
import { graphql } from "./gql/index.js";

/** The 34 provinces of the 2025 map: public reference data, no key and no purpose needed. */
export const provincesQuery = graphql(`
  query Provinces {
    provinces {
      code
      name
      communeCount
    }
  }
`);

/** One citizen for a case. Every object with a cache key selects it (personalId, code), or the cache refuses it. */
export const citizenForCaseQuery = graphql(`
  # purpose: 1.001193
  query CitizenForCase($personalId: PersonalId!) {
    citizen(personalId: $personalId) {
      personalId
      fullName
      dateOfBirth
      sex
      permanentResidence {
        text
        communeCode
        province {
          code
          name
        }
      }
    }
  }
`);

/** A page of citizens of a province; `after` is the previous page's endCursor, never built by hand. */
export const citizensPageQuery = graphql(`
  # purpose: 1.001193
  query CitizensPage($provinceCode: AdministrativeUnitCode!, $first: Int!, $after: String) {
    citizens(first: $first, after: $after, filter: { provinceCode: $provinceCode }) {
      totalCount
      edges {
        cursor
        node {
          personalId
          fullName
        }
      }
      pageInfo {
        endCursor
        hasNextPage
      }
    }
  }
`);

/** A sensitive field (religion): a client granted basic population data only is refused it, FIELD_NOT_GRANTED. */
export const citizenReligionQuery = graphql(`
  # purpose: 1.001193
  query CitizenReligion($personalId: PersonalId!) {
    citizen(personalId: $personalId) {
      personalId
      religion
    }
  }
`);

/** A procedure's components: their ids repeat across procedures today, so the cache keeps them under their procedure. */
export const procedureComponentsQuery = graphql(`
  query ProcedureComponents($code: String!) {
    procedure(code: $code) {
      code
      name
      components {
        id
        name
        kind
      }
    }
  }
`);
