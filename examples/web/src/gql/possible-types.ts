
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "AdministrativeUnit": [
      "Commune",
      "Province"
    ],
    "LandHolderSubject": [
      "Citizen",
      "Enterprise"
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
    ]
  }
};
      export default result;
    