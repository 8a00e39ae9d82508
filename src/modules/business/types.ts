/** GraphQL types of the business registration source; `to*` functions are the one place rows become types. */
import { Access, SubjectKey } from "../access/index.js";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../shared/node.js";
import { Address, address } from "../admin-units/index.js";
import { DateTimeScalar, LocalDateScalar, PersonalIdScalar, SafeIntScalar, TaxCodeScalar } from "../../shared/scalars.js";
import { enumOf, type EnumValue } from "../../shared/enums.js";
import {
  branchStatusEnum,
  enterpriseRoleEnum,
  enterpriseStatusEnum,
  householdBusinessStatusEnum,
  legalFormEnum,
  type BranchRow,
  type EnterprisePersonRow,
  type EnterpriseRow,
  type HouseholdBusinessRow,
} from "./tables.js";

// Each GraphQL enum is registered over its Postgres enum's values (tables.ts): one list per closed set.
export const LegalForm = enumOf(legalFormEnum.enumValues);
export type LegalForm = EnumValue<typeof LegalForm>;
registerEnumType(LegalForm, {
  name: "LegalForm",
  description: "Legal form of an enterprise (loại hình doanh nghiệp), Law on Enterprises 2020.",
  valuesConfig: {
    SINGLE_MEMBER_LLC: { description: "Single-member limited liability company (công ty TNHH một thành viên)." },
    MULTI_MEMBER_LLC: { description: "Limited liability company with two or more members (công ty TNHH hai thành viên trở lên)." },
    JOINT_STOCK: { description: "Joint-stock company (công ty cổ phần)." },
    PRIVATE_ENTERPRISE: { description: "Private enterprise (doanh nghiệp tư nhân)." },
    PARTNERSHIP: { description: "Partnership (công ty hợp danh)." },
  },
});

export const EnterpriseStatus = enumOf(enterpriseStatusEnum.enumValues);
export type EnterpriseStatus = EnumValue<typeof EnterpriseStatus>;
registerEnumType(EnterpriseStatus, {
  name: "EnterpriseStatus",
  description: "Legal status in the business registry (tình trạng pháp lý).",
  valuesConfig: {
    ACTIVE: { description: "Operating (đang hoạt động)." },
    SUSPENDED: { description: "Business temporarily suspended (tạm ngừng kinh doanh)." },
    DISSOLVED: { description: "Dissolved (đã giải thể)." },
    BANKRUPT: { description: "Declared bankrupt (phá sản)." },
  },
});

export const EnterpriseRoleKind = enumOf(enterpriseRoleEnum.enumValues);
export type EnterpriseRoleKind = EnumValue<typeof EnterpriseRoleKind>;
registerEnumType(EnterpriseRoleKind, {
  name: "EnterpriseRoleKind",
  description: "A person's role in an enterprise.",
  valuesConfig: {
    LEGAL_REPRESENTATIVE: { description: "Legal representative (người đại diện theo pháp luật)." },
    OWNER: { description: "Owner (chủ sở hữu / chủ doanh nghiệp tư nhân)." },
    MEMBER: { description: "Capital-contributing member or partner (thành viên góp vốn / thành viên hợp danh)." },
    SHAREHOLDER: { description: "Founding shareholder (cổ đông sáng lập)." },
  },
});

export const BranchStatus = enumOf(branchStatusEnum.enumValues);
export type BranchStatus = EnumValue<typeof BranchStatus>;
registerEnumType(BranchStatus, {
  name: "BranchStatus",
  description: "Whether the branch operates.",
  valuesConfig: { ACTIVE: { description: "Operating." }, CLOSED: { description: "Closed (chấm dứt hoạt động)." } },
});

export const HouseholdBusinessStatus = enumOf(householdBusinessStatusEnum.enumValues);
export type HouseholdBusinessStatus = EnumValue<typeof HouseholdBusinessStatus>;
registerEnumType(HouseholdBusinessStatus, {
  name: "HouseholdBusinessStatus",
  description: "Status of a household business.",
  valuesConfig: {
    ACTIVE: { description: "Operating." },
    SUSPENDED: { description: "Business temporarily suspended (tạm ngừng kinh doanh)." },
    CLOSED: { description: "Closed (chấm dứt hoạt động)." },
  },
});

@ObjectType({ implements: Node, description: "An enterprise in the National Business Registration database (doanh nghiệp)." })
@Access("business")
@SubjectKey("ENTERPRISE", "code")
export class Enterprise {
  @Field(() => TaxCodeScalar, { description: "Enterprise code, which is also its tax code (mã số doanh nghiệp)." })
  code!: string;

  @Field(() => String, { description: "Name in Vietnamese (tên doanh nghiệp bằng tiếng Việt)." })
  name!: string;

  @Field(() => String, { nullable: true, description: "Name in a foreign language (tên bằng tiếng nước ngoài)." })
  foreignName!: string | null;

  @Field(() => String, { nullable: true, description: "Abbreviated name (tên viết tắt)." })
  shortName!: string | null;

  @Field(() => LegalForm, { description: "Legal form (loại hình doanh nghiệp)." })
  legalForm!: LegalForm;

  @Field(() => EnterpriseStatus, { description: "Legal status (tình trạng pháp lý)." })
  status!: EnterpriseStatus;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "Date the current status took effect, when it is not the original registration.",
  })
  statusChangedOn!: string | null;

  @Field(() => LocalDateScalar, { description: "Date of first registration (ngày thành lập)." })
  registeredOn!: string;

  @Field(() => Address, { description: "Head office (trụ sở chính)." })
  headOffice!: Address;

  @Field(() => SafeIntScalar, { description: "Charter capital in VND (vốn điều lệ)." })
  charterCapital!: number;

  @Field(() => DateTimeScalar, { description: "When the business registry last changed this record." })
  updatedAt!: Date;

  mainIndustryCode!: string;
}

@ObjectType({ description: "A person's role in an enterprise, seen from the enterprise." })
@Access("business")
@SubjectKey("CITIZEN", "personalId")
export class EnterprisePerson {
  @Field(() => EnterpriseRoleKind, { description: "Role." })
  role!: EnterpriseRoleKind;

  @Field(() => String, { nullable: true, description: "Position held (chức danh), e.g. Giám đốc." })
  position!: string | null;

  @Field(() => Number, { nullable: true, description: "Share of charter capital in percent, for owners, members and shareholders." })
  sharePercent!: number | null;

  @Field(() => PersonalIdScalar, { description: "Personal identification number of the person." })
  personalId!: string;

  enterpriseCode!: string;
}

@ObjectType({ description: "A registered business line (ngành nghề kinh doanh), VSIC 2018 level 4." })
@Access("business")
export class EnterpriseIndustry {
  @Field(() => String, { description: "VSIC code." })
  code!: string;

  @Field(() => String, { description: "Name of the industry in Vietnamese." })
  name!: string;

  @Field(() => Boolean, { description: "True for the main business line (ngành nghề chính)." })
  isMain!: boolean;
}

@ObjectType({ implements: Node, description: "A branch (chi nhánh) of an enterprise." })
@Access("business")
export class Branch {
  @Field(() => String, { description: "Branch code: the enterprise code, a hyphen and 3 digits (NNNNNNNNNN-NNN)." })
  code!: string;

  @Field(() => String, { description: "Branch name." })
  name!: string;

  @Field(() => Address, { description: "Branch address." })
  address!: Address;

  @Field(() => BranchStatus, { description: "Whether the branch operates." })
  status!: BranchStatus;

  @Field(() => LocalDateScalar, { description: "Date the branch was registered." })
  registeredOn!: string;

  enterpriseCode!: string;
}

@ObjectType({ implements: Node, description: "A household business (hộ kinh doanh), registered at commune level." })
@Access("business")
@SubjectKey("HOUSEHOLD_BUSINESS", "registrationNumber")
export class HouseholdBusiness {
  @Field(() => String, { description: "Registration number (mã số hộ kinh doanh)." })
  registrationNumber!: string;

  @Field(() => String, { description: "Trading name (tên hộ kinh doanh)." })
  name!: string;

  @Field(() => Address, { description: "Place of business (địa điểm kinh doanh)." })
  address!: Address;

  @Field(() => String, { description: "Business line as registered (ngành nghề kinh doanh)." })
  businessLine!: string;

  @Field(() => SafeIntScalar, { description: "Business capital in VND (vốn kinh doanh)." })
  capital!: number;

  @Field(() => HouseholdBusinessStatus, { description: "Status." })
  status!: HouseholdBusinessStatus;

  @Field(() => LocalDateScalar, { description: "Date of registration." })
  registeredOn!: string;

  @Field(() => PersonalIdScalar, { description: "Personal identification number of the owner (chủ hộ kinh doanh)." })
  ownerPersonalId!: string;

  industryCode!: string;
}

export function toEnterprise(row: EnterpriseRow): Enterprise {
  return {
    code: row.code,
    name: row.name,
    foreignName: row.foreignName,
    shortName: row.shortName,
    legalForm: row.legalForm,
    status: row.status,
    statusChangedOn: row.statusChangedOn,
    registeredOn: row.registeredOn,
    headOffice: address(row.headOfficeAddressLine, row.headOfficeCommuneCode)!,
    charterCapital: row.charterCapital,
    updatedAt: row.updatedAt,
    mainIndustryCode: row.mainIndustryCode,
  };
}

export function toEnterprisePerson(row: EnterprisePersonRow): EnterprisePerson {
  return {
    role: row.role,
    position: row.position,
    sharePercent: row.sharePercent,
    personalId: row.personalId,
    enterpriseCode: row.enterpriseCode,
  };
}

export function toBranch(row: BranchRow): Branch {
  return {
    code: row.code,
    name: row.name,
    address: address(row.addressLine, row.communeCode)!,
    status: row.status,
    registeredOn: row.registeredOn,
    enterpriseCode: row.enterpriseCode,
  };
}

export function toHouseholdBusiness(row: HouseholdBusinessRow): HouseholdBusiness {
  return {
    registrationNumber: row.registrationNumber,
    name: row.name,
    address: address(row.addressLine, row.communeCode)!,
    businessLine: row.businessLine,
    capital: row.capital,
    status: row.status,
    registeredOn: row.registeredOn,
    ownerPersonalId: row.ownerPersonalId,
    industryCode: row.industryCode,
  };
}
