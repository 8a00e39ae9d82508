/** Operations shared by several suites. */

/**
 * The nested question over a page of citizens: parents, children, household members, cards, parcels with
 * encumbrances and holders, enterprises with branches and owners, household businesses. `first` is a literal
 * page size ("100") or a variable ("$first", declared as Int!).
 */
export const nestedCitizensQuery = (first: string) => `query${first.startsWith("$") ? `(${first}: Int!)` : ""} {
  citizens(first: ${first}) {
    edges { node {
      fullName
      father { fullName }
      mother { fullName }
      children { fullName }
      household { members { relationToHead citizen { fullName } } }
      identityCards { number }
      landParcels {
        parcel {
          id
          encumbrances { lenderName }
          holders { subject { ... on Citizen { fullName } ... on Enterprise { name } } }
        }
      }
      enterpriseRoles { enterprise { name branches { code } owners { citizen { fullName } } } }
      householdBusinesses { name }
    } }
  }
}`;
