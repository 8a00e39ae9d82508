
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "AdministrativeUnit": [
      "Commune",
      "Province"
    ],
    "LandHolderSubject": [
      "Citizen",
      "Enterprise"
    ],
    "Node": [
      "Branch",
      "Citizen",
      "Commune",
      "Dossier",
      "Enterprise",
      "Household",
      "HouseholdBusiness",
      "LandCertificate",
      "LandParcel",
      "LegacyAdministrativeUnit",
      "Procedure",
      "ProcedureComponent",
      "Province"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "AdministrativeUnit": [
      "Commune",
      "Province"
    ],
    "LandHolderSubject": [
      "Citizen",
      "Enterprise"
    ],
    "Node": [
      "Branch",
      "Citizen",
      "Commune",
      "Dossier",
      "Enterprise",
      "Household",
      "HouseholdBusiness",
      "LandCertificate",
      "LandParcel",
      "LegacyAdministrativeUnit",
      "Procedure",
      "ProcedureComponent",
      "Province"
    ]
  }
};
      export default result;
    