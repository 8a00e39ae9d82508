/**
 * Example operations: preloaded as IDE tabs and quoted in docs/api.md. They need no known ids, so they
 * run on any seed; tests execute every one of them against seeded data.
 */
export interface ExampleOperation {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Whose credentials the IDE tab sends: the demo client holding every grant (default), the demo citizen, or the demo bank. */
  as?: "all" | "citizen" | "organization";
  /** The language the tab asks answers in (its Accept-Language header); English when left out. */
  language?: "vi";
}

export const EXAMPLE_OPERATIONS: ExampleOperation[] = [
  {
    name: "CitizensOfHanoi",
    query: `# Citizens with permanent residence in Hà Nội (province 01), with data from all three sources.
query CitizensOfHanoi($province: AdministrativeUnitCode = "01") {
  citizens(first: 5, filter: { provinceCode: $province, alive: true }) {
    totalCount
    edges {
      node {
        personalId
        fullName
        dateOfBirth
        permanentResidence { text commune { name } }
        household { id members { relationToHead citizen { fullName } } }
        landParcels { sharePercent parcel { id areaM2 landUsePurpose { code name } mortgaged } }
        enterpriseRoles { role enterprise { code name status } }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: { province: "01" },
  },
  {
    name: "MortgagedParcels",
    query: `# Parcels under a mortgage not yet released, with their holders (citizens or enterprises).
query MortgagedParcels {
  landParcels(first: 5, filter: { mortgaged: true }) {
    edges {
      node {
        id
        areaM2
        address { text }
        activeCertificate { serial issuedOn }
        encumbrances { lenderName registeredOn releasedOn active }
        holders {
          sharePercent
          subject {
            __typename
            ... on Citizen { personalId fullName }
            ... on Enterprise { code name }
          }
        }
      }
    }
  }
}`,
  },
  {
    name: "ActiveEnterprises",
    query: `# Active joint-stock companies, with their representatives and owners from the population database.
query ActiveEnterprises {
  enterprises(first: 5, filter: { status: ACTIVE, legalForm: JOINT_STOCK }) {
    totalCount
    edges {
      node {
        code
        name
        headOffice { text }
        mainIndustry { code name }
        legalRepresentatives { position citizen { fullName } }
        owners { role sharePercent citizen { fullName } }
        branches { code name }
      }
    }
  }
}`,
  },
  {
    name: "LegacyCommune",
    query: `# A pre-2025 commune code and its 2025 successor(s): a split commune is ambiguous, never guessed.
query LegacyCommune($code: String! = "00016") {
  legacyAdministrativeUnit(code: $code) {
    code
    name
    ambiguous
    explanation
    successors { mergeType unit { code name } }
  }
}`,
    variables: { code: "00016" },
  },
  {
    name: "Provinces",
    query: `# The 34 provinces of the 2025 two-level map.
query Provinces {
  provinces { code name communeCount }
}`,
  },
  {
    name: "CivilStatusProcedures",
    query: `# Procedures of the catalogue (public) and which dossier components shared data replaces.
query CivilStatusProcedures($search: String = "dang ky") {
  procedures(search: $search, field: "Hộ tịch") {
    code name level replaceableCount componentCount
    components { name kind rule sources reason }
  }
  procedureReport { overall { procedures components replaceable share dossiers fulfilledByData documentsRequested } }
}`,
    variables: { search: "dang ky" },
  },
  {
    name: "CheckConformance",
    query: `# A provincial system checks an operation and a record against the national schema and data standards
# (the same check as \`npx ndaf-gateway conformance\`): here a pre-2025 commune code and a misspelt field.
query CheckConformance($input: ConformanceInput!) {
  checkConformance(input: $input) {
    conformant errors warnings
    findings { rule severity file line path message found expected fix }
    summary { rule count }
  }
}`,
    variables: {
      input: {
        operations: [
          {
            name: "ops/applicant.graphql",
            content:
              "# purpose: 1.001193\nquery Applicant($id: PersonalId!) {\n  citizen(personalId: $id) { fullname permanentResidence { text } }\n}\n",
          },
        ],
        samples: [
          {
            name: "samples/citizens.json",
            content:
              '{ "citizens": [{ "personalId": "056090001234", "fullName": "Trần Minh Khoa", "dateOfBirth": "1990-03-14", "sex": "MALE", "permanentResidence": { "communeCode": "22327" } }] }',
          },
        ],
      },
    },
  },
  {
    name: "KiemTraTuongThich",
    language: "vi",
    query: `# The same check with "Accept-Language": "vi" in this tab's headers: every message a person reads (findings,
# errors, dossier components) comes in Vietnamese; codes, rule ids and extensions stay as they are.
# Cùng phép kiểm tra, với tiêu đề "Accept-Language": "vi": mọi thông báo đều bằng tiếng Việt.
query KiemTraTuongThich($input: ConformanceInput!) {
  checkConformance(input: $input) {
    conformant errors warnings
    findings { rule severity file line path message fix }
  }
}`,
    variables: {
      input: {
        operations: [
          {
            name: "ops/nguoi-nop.graphql",
            content:
              "# purpose: 1.001193\nquery NguoiNop($id: PersonalId!) {\n  citizen(personalId: $id) { fullname permanentResidence { text } }\n}\n",
          },
        ],
      },
    },
  },
  {
    name: "MyAccessLog",
    as: "citizen",
    query: `# As a citizen (the demo citizen's key is in this tab's headers): my record, then who read my data and why.
# Each entry's proof.document, saved as a file, is checked offline:
#   npx ndaf-gateway audit verify-proof entry.json --public-key <GET /audit/public-key>
query MyAccessLog {
  viewer { clientId personalId }
  accessLog(first: 10) {
    totalCount
    edges { node { recordedAt clientName procedureCode caseId fields proof { status checkpoint document } } }
  }
}`,
  },
  {
    name: "MyConsents",
    as: "citizen",
    query: `# As a citizen: what organisations ask to read, and the consents I gave. Answer a request with
#   mutation { approveConsent(id: "<id>", fields: ["Citizen.fullName"]) { status approvedFields } }
# (all the fields asked for when \`fields\` is left out), rejectConsent(id:), and later revokeConsent(id:).
query MyConsents {
  viewer { clientId personalId }
  consentRequests(first: 10) { totalCount edges { node { id clientName purpose requestedFields validUntil } } }
  consents(status: APPROVED, first: 10) { totalCount edges { node { id clientName approvedFields validUntil } } }
}`,
  },
  {
    name: "OurConsents",
    as: "organization",
    query: `# As the demo bank (an organisation client: it reads a citizen's data only under their consent). Ask with
#   mutation { requestConsent(input: { personalId: "<12 digits>", fields: ["Citizen.fullName", "Citizen.dateOfBirth"],
#     purpose: "Mở tài khoản thanh toán", validUntil: "2027-06-30T00:00:00+07:00" }) { id status } }
# then, once the citizen approved: query { citizen(personalId: "<12 digits>") { fullName dateOfBirth } }
query OurConsents {
  viewer { clientId kind grants { dataSources dataClasses } }
  consents(first: 10) { totalCount edges { node { id status purpose requestedFields approvedFields validUntil } } }
}`,
  },
];
