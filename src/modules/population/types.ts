/** GraphQL types of the population source; `toCitizen` etc. are the one place rows become types. */
import { Access, SubjectKey } from "../access/index.js";
import { Field, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../shared/node.js";
import { Address, address } from "../admin-units/index.js";
import { DateTimeScalar, LocalDateScalar, PersonalIdScalar } from "../../shared/scalars.js";
import { enumOf, type EnumValue } from "../../shared/enums.js";
import {
  householdRelationEnum,
  identityCardStatusEnum,
  identityCardTypeEnum,
  maritalStatusEnum,
  sexEnum,
  type CitizenRow,
  type HouseholdRow,
  type IdentityCardRow,
} from "./tables.js";

// Each GraphQL enum is registered over its Postgres enum's values (tables.ts): one list per closed set.
export const Sex = enumOf(sexEnum.enumValues);
export type Sex = EnumValue<typeof Sex>;
registerEnumType(Sex, {
  name: "Sex",
  description: "Sex as recorded in the population database (giới tính).",
  valuesConfig: { MALE: { description: "Male (nam)." }, FEMALE: { description: "Female (nữ)." } },
});

export const MaritalStatus = enumOf(maritalStatusEnum.enumValues);
export type MaritalStatus = EnumValue<typeof MaritalStatus>;
registerEnumType(MaritalStatus, {
  name: "MaritalStatus",
  description: "Marital status (tình trạng hôn nhân).",
  valuesConfig: {
    SINGLE: { description: "Never married (chưa kết hôn)." },
    MARRIED: { description: "Married (đã kết hôn)." },
    DIVORCED: { description: "Divorced (ly hôn)." },
    WIDOWED: { description: "Widowed (vợ/chồng đã chết)." },
  },
});

export const HouseholdRelation = enumOf(householdRelationEnum.enumValues);
export type HouseholdRelation = EnumValue<typeof HouseholdRelation>;
registerEnumType(HouseholdRelation, {
  name: "HouseholdRelation",
  description: "Relation to the head of household (quan hệ với chủ hộ).",
  valuesConfig: {
    HEAD: { description: "Head of household (chủ hộ)." },
    SPOUSE: { description: "Wife or husband (vợ / chồng)." },
    CHILD: { description: "Child (con)." },
    PARENT: { description: "Father or mother (cha / mẹ)." },
    GRANDCHILD: { description: "Grandchild (cháu)." },
    SIBLING: { description: "Brother or sister (anh / chị / em)." },
    OTHER: { description: "Other relation." },
  },
});

export const IdentityCardType = enumOf(identityCardTypeEnum.enumValues);
export type IdentityCardType = EnumValue<typeof IdentityCardType>;
registerEnumType(IdentityCardType, {
  name: "IdentityCardType",
  description: "Kind of identity card.",
  valuesConfig: {
    CMND: { description: "9-digit people's identity card (chứng minh nhân dân), no longer issued." },
    CCCD: { description: "Citizen identity card (căn cước công dân), 2016 – June 2024." },
    CAN_CUOC: { description: "Identity card (căn cước) under the Law on Identity 2023, from 1 July 2024." },
  },
});

export const IdentityCardStatus = enumOf(identityCardStatusEnum.enumValues);
export type IdentityCardStatus = EnumValue<typeof IdentityCardStatus>;
registerEnumType(IdentityCardStatus, {
  name: "IdentityCardStatus",
  description: "Whether the card may still be used.",
  valuesConfig: {
    VALID: { description: "Valid (còn hiệu lực)." },
    EXPIRED: { description: "Past its expiry date or superseded by a newer card." },
    REVOKED: { description: "Revoked (thu hồi), e.g. on the holder's death." },
    LOST: { description: "Reported lost (báo mất)." },
  },
});

@ObjectType({ implements: Node, description: "A person in the national population database (công dân)." })
@Access("population")
@SubjectKey("CITIZEN", "personalId")
export class Citizen {
  @Field(() => PersonalIdScalar, { description: "Personal identification number (số định danh cá nhân)." })
  personalId!: string;

  @Field(() => String, { description: "Full name (họ, chữ đệm và tên)." })
  fullName!: string;

  @Field(() => Sex, { description: "Sex (giới tính)." })
  sex!: Sex;

  @Field(() => LocalDateScalar, { description: "Date of birth (ngày sinh)." })
  dateOfBirth!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Date of death (ngày mất); null while alive." })
  dateOfDeath!: string | null;

  @Access("population", "sensitive")
  @Field(() => String, { nullable: true, description: "Religion (tôn giáo); null for none." })
  religion!: string | null;

  @Field(() => String, { description: "Nationality (quốc tịch), ISO 3166-1 alpha-2." })
  nationality!: string;

  @Field(() => MaritalStatus, { description: "Marital status (tình trạng hôn nhân)." })
  maritalStatus!: MaritalStatus;

  @Field(() => Address, { nullable: true, description: "Place of birth registration (nơi đăng ký khai sinh)." })
  placeOfBirthRegistration!: Address | null;

  @Field(() => Address, { nullable: true, description: "Hometown (quê quán); older records may name a pre-2025 commune." })
  hometown!: Address | null;

  @Field(() => Address, { nullable: true, description: "Permanent residence (nơi thường trú)." })
  permanentResidence!: Address | null;

  @Field(() => Address, { nullable: true, description: "Temporary residence (nơi tạm trú), if registered." })
  temporaryResidence!: Address | null;

  @Field(() => Address, { nullable: true, description: "Current place of residence (nơi ở hiện tại)." })
  currentResidence!: Address | null;

  @Field(() => DateTimeScalar, { description: "When the population database last changed this record." })
  updatedAt!: Date;

  ethnicityCode!: string;
  fatherId!: string | null;
  motherId!: string | null;
  spouseId!: string | null;
  householdId!: string | null;
}

@ObjectType({
  implements: Node,
  description: "A household (hộ gia đình) registered at a permanent residence; it replaced the paper household book in 2023.",
})
@Access("population")
export class Household {
  @Field(() => String, { description: "Household code (mã hộ); until 0.2.0 this was `id`." })
  code!: string;

  @Field(() => Address, { nullable: true, description: "Address where the household is registered." })
  address!: Address | null;

  @Field(() => LocalDateScalar, { description: "Date the household was registered." })
  registeredOn!: string;

  @Field(() => DateTimeScalar, { description: "When the population database last changed this record." })
  updatedAt!: Date;

  headPersonalId!: string;
}

@ObjectType({ description: "A member of a household and their relation to its head." })
@Access("population")
@SubjectKey("CITIZEN", "personalId")
export class HouseholdMember {
  @Field(() => HouseholdRelation, {
    nullable: true,
    description:
      "Relation to the head of household (quan hệ với chủ hộ); null, with an error, where it is refused (another member, to a citizen client).",
  })
  relationToHead!: HouseholdRelation;

  @Field(() => PersonalIdScalar, {
    nullable: true,
    description: "The member's personal identification number; null, with an error, where it is refused.",
  })
  personalId!: string;
}

@ObjectType({ description: "An identity card issued to a citizen (CMND, CCCD or căn cước)." })
@Access("population")
export class IdentityCard {
  @Field(() => IdentityCardType, { description: "Kind of card." })
  type!: IdentityCardType;

  @Field(() => String, { description: "Card number: 9 digits for CMND, the personal identification number for CCCD and căn cước." })
  number!: string;

  @Field(() => LocalDateScalar, { description: "Date of issue (ngày cấp)." })
  issuedOn!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Expiry date (có giá trị đến); null for no expiry (issued after age 60)." })
  expiresOn!: string | null;

  @Field(() => String, { description: "Issuing authority (nơi cấp)." })
  issuingAuthority!: string;

  @Field(() => IdentityCardStatus, { description: "Whether the card may still be used." })
  status!: IdentityCardStatus;
}

@ObjectType({ description: "Age and life status, computed on the day of the request." })
@Access("population")
export class LifeStatus {
  @Field(() => Boolean, { description: "False when a date of death is recorded." })
  alive!: boolean;

  @Field(() => Int, { description: "Age in whole years today (or at death)." })
  age!: number;
}

export function toCitizen(row: CitizenRow): Citizen {
  return {
    personalId: row.personalId,
    fullName: row.fullName,
    sex: row.sex,
    dateOfBirth: row.dateOfBirth,
    dateOfDeath: row.dateOfDeath,
    religion: row.religion,
    nationality: row.nationality,
    maritalStatus: row.maritalStatus,
    placeOfBirthRegistration: address(null, row.birthRegistrationCommuneCode, row.birthRegistrationLegacyCommuneCode),
    hometown: address(null, row.hometownCommuneCode, row.hometownLegacyCommuneCode),
    permanentResidence: address(
      row.permanentAddressLine,
      row.permanentCommuneCode,
      row.permanentLegacyCommuneCode,
      row.permanentProvinceCode,
    ),
    temporaryResidence: address(row.temporaryAddressLine, row.temporaryCommuneCode),
    currentResidence: address(row.currentAddressLine, row.currentCommuneCode),
    updatedAt: row.updatedAt,
    ethnicityCode: row.ethnicityCode,
    fatherId: row.fatherId,
    motherId: row.motherId,
    spouseId: row.spouseId,
    householdId: row.householdId,
  };
}

export function toHousehold(row: HouseholdRow): Household {
  return {
    code: row.id,
    address: address(row.addressLine, row.communeCode, row.legacyCommuneCode),
    registeredOn: row.registeredOn,
    updatedAt: row.updatedAt,
    headPersonalId: row.headPersonalId,
  };
}

export function toIdentityCard(row: IdentityCardRow): IdentityCard {
  return {
    type: row.cardType,
    number: row.number,
    issuedOn: row.issuedOn,
    expiresOn: row.expiresOn,
    issuingAuthority: row.issuingAuthority,
    status: row.status,
  };
}
