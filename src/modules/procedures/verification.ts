/**
 * Yes-or-no questions answered by a source for a procedure's check, returning no personal fields (data
 * minimisation): the verification queries.
 */
import { Arg, Ctx, Query, Resolver } from "type-graphql";
import { Access, SubjectArgument, shown } from "../access/index.js";
import type { DataSourceName } from "../../platform/config.js";
import { GatewayError } from "../../platform/errors.js";
import { CERTIFICATE_SERIAL_PATTERN } from "../../shared/codes.js";
import { AdministrativeUnitCodeScalar, PersonalIdScalar, TaxCodeScalar } from "../../shared/scalars.js";
import { todayInVietnam } from "../../platform/dates.js";
import { AGE_OF_MAJORITY, isAliveAdult } from "./rules.js";
import type { ProceduresContext } from "./context.js";
import { Verification } from "./types.js";
import { say } from "../../platform/i18n.js";
import { PROCEDURES } from "./messages.js";

const answer = (question: string, source: DataSourceName, value: boolean, recordUpdatedAt: Date | null): Verification => ({
  answer: value,
  question,
  source,
  dataSource: source,
  checkedAt: new Date(),
  recordUpdatedAt,
});

/** Yes-or-no questions answered by a source, returning no personal fields (data minimisation). */
@Resolver()
export class VerificationResolver {
  @Access("population")
  @SubjectArgument("CITIZEN", "personalId")
  @Query(() => Verification, { nullable: true, description: "Is this person's permanent residence in this 2025 commune?" })
  async verifyPermanentResidence(
    @Ctx() ctx: ProceduresContext,
    @Arg("personalId", () => PersonalIdScalar, { description: "The person." }) personalId: string,
    @Arg("communeCode", () => AdministrativeUnitCodeScalar, { description: "A 2025 commune code." }) communeCode: string,
  ): Promise<Verification> {
    const row = await ctx.population.reader.citizen(personalId);
    return answer(
      say(PROCEDURES.askPermanentResidence, { personalId, communeCode }),
      "population",
      row?.permanentCommuneCode === communeCode,
      row?.updatedAt ?? null,
    );
  }

  @Access("population")
  @SubjectArgument("CITIZEN", "personalId")
  @Query(() => Verification, { nullable: true, description: `Is this person alive and at least ${AGE_OF_MAJORITY} today?` })
  async verifyAliveAdult(
    @Ctx() ctx: ProceduresContext,
    @Arg("personalId", () => PersonalIdScalar, { description: "The person." }) personalId: string,
  ): Promise<Verification> {
    const row = await ctx.population.reader.citizen(personalId);
    return answer(
      say(PROCEDURES.askAliveAdult, { personalId }),
      "population",
      !!row && isAliveAdult(row, todayInVietnam()),
      row?.updatedAt ?? null,
    );
  }

  @Access("business")
  @SubjectArgument("ENTERPRISE", "code")
  @Query(() => Verification, { nullable: true, description: "Is this enterprise active?" })
  async verifyEnterpriseActive(
    @Ctx() ctx: ProceduresContext,
    @Arg("code", () => TaxCodeScalar, { description: "Enterprise code." }) code: string,
  ): Promise<Verification> {
    const row = await ctx.business.reader.enterprise(code);
    return answer(say(PROCEDURES.askEnterpriseActive, { code }), "business", row?.status === "ACTIVE", row?.updatedAt ?? null);
  }

  @Access("land")
  @SubjectArgument("CITIZEN", "personalId")
  @Query(() => Verification, {
    nullable: true,
    description: "Is this person named on this land-use right certificate, and is it in force?",
  })
  async verifyCertificateHolder(
    @Ctx() ctx: ProceduresContext,
    @Arg("personalId", () => PersonalIdScalar, { description: "The person." }) personalId: string,
    @Arg("certificateSerial", () => String, { description: "Certificate serial." }) certificateSerial: string,
  ): Promise<Verification> {
    if (!CERTIFICATE_SERIAL_PATTERN.test(certificateSerial)) {
      throw new GatewayError("INVALID_ARGUMENT", say(PROCEDURES.certificateSerialArgument, { value: shown(certificateSerial) }), {
        argument: "certificateSerial",
      });
    }
    const [certificate, holders] = await Promise.all([
      ctx.land.reader.certificate(certificateSerial),
      ctx.land.reader.holdersOfCertificate(certificateSerial),
    ]);
    const holds = certificate?.status === "ACTIVE" && holders.some((h) => h.personalId === personalId);
    return answer(
      say(PROCEDURES.askCertificateHolder, { personalId, serial: certificateSerial }),
      "land",
      holds,
      certificate?.updatedAt ?? null,
    );
  }
}
