/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Provinces {\n    provinces {\n      code\n      name\n      communeCount\n    }\n  }\n": typeof types.ProvincesDocument,
    "\n  # purpose: 1.001193\n  query CitizenForCase($personalId: PersonalId!) {\n    citizen(personalId: $personalId) {\n      personalId\n      fullName\n      dateOfBirth\n      sex\n      permanentResidence {\n        text\n        communeCode\n        province {\n          code\n          name\n        }\n      }\n    }\n  }\n": typeof types.CitizenForCaseDocument,
    "\n  # purpose: 1.001193\n  query CitizensPage($provinceCode: AdministrativeUnitCode!, $first: Int!, $after: String) {\n    citizens(first: $first, after: $after, filter: { provinceCode: $provinceCode }) {\n      totalCount\n      edges {\n        cursor\n        node {\n          personalId\n          fullName\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": typeof types.CitizensPageDocument,
    "\n  # purpose: 1.001193\n  query CitizenReligion($personalId: PersonalId!) {\n    citizen(personalId: $personalId) {\n      personalId\n      religion\n    }\n  }\n": typeof types.CitizenReligionDocument,
    "\n  query ProcedureComponents($code: String!) {\n    procedure(code: $code) {\n      code\n      name\n      components {\n        id\n        name\n        kind\n      }\n    }\n  }\n": typeof types.ProcedureComponentsDocument,
};
const documents: Documents = {
    "\n  query Provinces {\n    provinces {\n      code\n      name\n      communeCount\n    }\n  }\n": types.ProvincesDocument,
    "\n  # purpose: 1.001193\n  query CitizenForCase($personalId: PersonalId!) {\n    citizen(personalId: $personalId) {\n      personalId\n      fullName\n      dateOfBirth\n      sex\n      permanentResidence {\n        text\n        communeCode\n        province {\n          code\n          name\n        }\n      }\n    }\n  }\n": types.CitizenForCaseDocument,
    "\n  # purpose: 1.001193\n  query CitizensPage($provinceCode: AdministrativeUnitCode!, $first: Int!, $after: String) {\n    citizens(first: $first, after: $after, filter: { provinceCode: $provinceCode }) {\n      totalCount\n      edges {\n        cursor\n        node {\n          personalId\n          fullName\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n": types.CitizensPageDocument,
    "\n  # purpose: 1.001193\n  query CitizenReligion($personalId: PersonalId!) {\n    citizen(personalId: $personalId) {\n      personalId\n      religion\n    }\n  }\n": types.CitizenReligionDocument,
    "\n  query ProcedureComponents($code: String!) {\n    procedure(code: $code) {\n      code\n      name\n      components {\n        id\n        name\n        kind\n      }\n    }\n  }\n": types.ProcedureComponentsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Provinces {\n    provinces {\n      code\n      name\n      communeCount\n    }\n  }\n"): (typeof documents)["\n  query Provinces {\n    provinces {\n      code\n      name\n      communeCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  # purpose: 1.001193\n  query CitizenForCase($personalId: PersonalId!) {\n    citizen(personalId: $personalId) {\n      personalId\n      fullName\n      dateOfBirth\n      sex\n      permanentResidence {\n        text\n        communeCode\n        province {\n          code\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  # purpose: 1.001193\n  query CitizenForCase($personalId: PersonalId!) {\n    citizen(personalId: $personalId) {\n      personalId\n      fullName\n      dateOfBirth\n      sex\n      permanentResidence {\n        text\n        communeCode\n        province {\n          code\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  # purpose: 1.001193\n  query CitizensPage($provinceCode: AdministrativeUnitCode!, $first: Int!, $after: String) {\n    citizens(first: $first, after: $after, filter: { provinceCode: $provinceCode }) {\n      totalCount\n      edges {\n        cursor\n        node {\n          personalId\n          fullName\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  # purpose: 1.001193\n  query CitizensPage($provinceCode: AdministrativeUnitCode!, $first: Int!, $after: String) {\n    citizens(first: $first, after: $after, filter: { provinceCode: $provinceCode }) {\n      totalCount\n      edges {\n        cursor\n        node {\n          personalId\n          fullName\n        }\n      }\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  # purpose: 1.001193\n  query CitizenReligion($personalId: PersonalId!) {\n    citizen(personalId: $personalId) {\n      personalId\n      religion\n    }\n  }\n"): (typeof documents)["\n  # purpose: 1.001193\n  query CitizenReligion($personalId: PersonalId!) {\n    citizen(personalId: $personalId) {\n      personalId\n      religion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProcedureComponents($code: String!) {\n    procedure(code: $code) {\n      code\n      name\n      components {\n        id\n        name\n        kind\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProcedureComponents($code: String!) {\n    procedure(code: $code) {\n      code\n      name\n      components {\n        id\n        name\n        kind\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;