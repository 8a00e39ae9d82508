/** GraphQL types of the land source; `to*` functions are the one place rows become types. */
import { Access, SubjectKey } from "../access/index.js";
import { createUnionType, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../shared/node.js";
import { Address, address } from "../admin-units/index.js";
import { Enterprise } from "../business/index.js";
import { Citizen } from "../population/index.js";
import { DateTimeScalar, LocalDateScalar, PersonalIdScalar, SafeIntScalar, TaxCodeScalar } from "../../shared/scalars.js";
import { enumOf, type EnumValue } from "../../shared/enums.js";
import {
  certificateStatusEnum,
  holderKindEnum,
  transferKindEnum,
  type CertificateRow,
  type EncumbranceRow,
  type HolderRow,
  type ParcelRow,
  type TransferRow,
} from "./tables.js";

// Each GraphQL enum is registered over its Postgres enum's values (tables.ts): one list per closed set.
export const CertificateStatus = enumOf(certificateStatusEnum.enumValues);
export type CertificateStatus = EnumValue<typeof CertificateStatus>;
registerEnumType(CertificateStatus, {
  name: "CertificateStatus",
  description: "Status of a land-use right certificate.",
  valuesConfig: {
    ACTIVE: { description: "In force." },
    REPLACED: { description: "Replaced by a new certificate after a transfer or re-issue." },
    REVOKED: { description: "Revoked (thu hồi)." },
  },
});

export const HolderKind = enumOf(holderKindEnum.enumValues);
export type HolderKind = EnumValue<typeof HolderKind>;
registerEnumType(HolderKind, {
  name: "HolderKind",
  description: "Whether a land user is a person or an enterprise.",
  valuesConfig: {
    CITIZEN: { description: "A person, by personal identification number (population database)." },
    ENTERPRISE: { description: "An enterprise, by enterprise code (business registry)." },
  },
});

export const TransferKind = enumOf(transferKindEnum.enumValues);
export type TransferKind = EnumValue<typeof TransferKind>;
registerEnumType(TransferKind, {
  name: "TransferKind",
  description: "How the land-use right passed (hình thức chuyển quyền).",
  valuesConfig: {
    SALE: { description: "Transfer by sale (chuyển nhượng)." },
    GIFT: { description: "Gift (tặng cho)." },
    INHERITANCE: { description: "Inheritance (thừa kế)." },
    CAPITAL_CONTRIBUTION: { description: "Contribution as capital to an enterprise (góp vốn)." },
  },
});

@ObjectType({ implements: Node, description: "A land parcel (thửa đất)." })
@Access("land")
@SubjectKey("LAND_PARCEL", "parcelId")
export class LandParcel {
  @Field(() => String, {
    description: 'Parcel identifier: `<commune code>-<map sheet>-<parcel number>`, e.g. "00004-12-345"; until 0.2.0 this was `id`.',
  })
  parcelId!: string;

  @Field(() => Int, { description: "Cadastral map sheet number (số tờ bản đồ)." })
  mapSheetNumber!: number;

  @Field(() => Int, { description: "Parcel number on the sheet (số thửa)." })
  parcelNumber!: number;

  @Field(() => Number, { description: "Area in square metres (diện tích)." })
  areaM2!: number;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "End of the land-use term (thời hạn sử dụng); null for long-term use (lâu dài).",
  })
  useTermUntil!: string | null;

  @Field(() => Address, { description: "Address of the parcel." })
  address!: Address;

  @Field(() => DateTimeScalar, { description: "When the land database last changed this record." })
  updatedAt!: Date;

  landUsePurposeCode!: string;
}

@ObjectType({ implements: Node, description: "A land-use right certificate (Giấy chứng nhận quyền sử dụng đất)." })
@Access("land")
export class LandCertificate {
  @Field(() => String, { description: "Printed serial (số phát hành)." })
  serial!: string;

  @Field(() => LocalDateScalar, { description: "Date of issue." })
  issuedOn!: string;

  @Field(() => String, { description: "Issuing authority." })
  issuingAuthority!: string;

  @Field(() => CertificateStatus, { description: "Status." })
  status!: CertificateStatus;

  @Field(() => DateTimeScalar, { description: "When the land database last changed this record." })
  updatedAt!: Date;

  parcelId!: string;
}

export const LandHolderSubject = createUnionType({
  name: "LandHolderSubject",
  description: "A land user: a citizen (from the population database) or an enterprise (from the business registry).",
  types: () => [Citizen, Enterprise] as const,
  resolveType: (value) => ("personalId" in value ? Citizen : Enterprise),
});

@ObjectType({ description: "A land user named on a certificate (người sử dụng đất), with their share." })
@Access("land")
@SubjectKey("CITIZEN", "personalId")
@SubjectKey("ENTERPRISE", "enterpriseCode")
export class LandHolder {
  @Field(() => HolderKind, { description: "Citizen or enterprise." })
  kind!: HolderKind;

  @Field(() => PersonalIdScalar, { nullable: true, description: "Personal identification number, for a citizen." })
  personalId!: string | null;

  @Field(() => TaxCodeScalar, { nullable: true, description: "Enterprise code, for an enterprise." })
  enterpriseCode!: string | null;

  @Field(() => Number, { description: "Share of the land-use right in percent." })
  sharePercent!: number;

  @Field(() => String, { description: "Serial of the certificate naming this holder." })
  certificateSerial!: string;
}

@ObjectType({ description: "A parcel held by a citizen or an enterprise, with their share." })
@Access("land")
export class ParcelHolding {
  @Field(() => LandParcel, { description: "The parcel." })
  parcel!: LandParcel;

  @Field(() => Number, { description: "Share of the land-use right in percent." })
  sharePercent!: number;

  @Field(() => String, { description: "Serial of the active certificate naming the holder." })
  certificateSerial!: string;
}

@ObjectType({ description: "A registered security interest over a parcel (đăng ký thế chấp)." })
@Access("land")
export class Encumbrance {
  @Field(() => ID, { description: "Registration number." })
  id!: string;

  @Field(() => String, { description: "Lender (bên nhận thế chấp)." })
  lenderName!: string;

  @Field(() => TaxCodeScalar, { nullable: true, description: "Lender's enterprise code, when registered in Vietnam." })
  lenderEnterpriseCode!: string | null;

  @Field(() => SafeIntScalar, { nullable: true, description: "Secured amount in VND." })
  securedAmount!: number | null;

  @Field(() => LocalDateScalar, { description: "Date of registration." })
  registeredOn!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: "Date the registration was released (xóa đăng ký); null while in force." })
  releasedOn!: string | null;

  @Field(() => Boolean, { description: "True while the mortgage is registered and not released." })
  active!: boolean;

  @Field(() => String, { description: "Serial of the certificate the registration was recorded on." })
  certificateSerial!: string;
}

@ObjectType({ description: "A change of land user recorded on the parcel (biến động)." })
@Access("land")
export class LandTransfer {
  @Field(() => TransferKind, { description: "Kind of transfer." })
  kind!: TransferKind;

  @Field(() => LocalDateScalar, { description: "Date the transfer was registered." })
  registeredOn!: string;

  fromCertificateSerial!: string;
  toCertificateSerial!: string;
}

export function toParcel(row: ParcelRow): LandParcel {
  return {
    parcelId: row.id,
    mapSheetNumber: row.mapSheetNumber,
    parcelNumber: row.parcelNumber,
    areaM2: row.areaM2,
    useTermUntil: row.useTermUntil,
    address: address(row.addressLine, row.communeCode)!,
    updatedAt: row.updatedAt,
    landUsePurposeCode: row.landUsePurpose,
  };
}

export function toCertificate(row: CertificateRow): LandCertificate {
  return { ...row, status: row.status };
}

export function toHolder(row: HolderRow): LandHolder {
  return {
    kind: row.kind,
    personalId: row.personalId,
    enterpriseCode: row.enterpriseCode,
    sharePercent: row.sharePercent,
    certificateSerial: row.certificateSerial,
  };
}

export function toEncumbrance(row: EncumbranceRow): Encumbrance {
  return {
    id: String(row.id),
    lenderName: row.lenderName,
    lenderEnterpriseCode: row.lenderEnterpriseCode,
    securedAmount: row.securedAmount,
    registeredOn: row.registeredOn,
    releasedOn: row.releasedOn,
    active: row.releasedOn === null,
    certificateSerial: row.certificateSerial,
  };
}

export function toTransfer(row: TransferRow): LandTransfer {
  return {
    kind: row.kind,
    registeredOn: row.registeredOn,
    fromCertificateSerial: row.fromCertificateSerial,
    toCertificateSerial: row.toCertificateSerial,
  };
}
