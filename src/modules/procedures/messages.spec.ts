import { describe, expect, it } from "vitest";
import { placeholders } from "../../platform/i18n.js";
import { OUTCOMES, type OutcomeKey, restate, sayOutcome } from "./messages.js";

/** A value for each placeholder: a word of its list for the word placeholders, else a value naming it. */
const WORD_SAMPLES: Record<string, string> = { who: "otherParty", cardStatus: "EXPIRED", enterpriseStatus: "SUSPENDED" };
function sample(key: OutcomeKey): Record<string, string> {
  return Object.fromEntries(placeholders(OUTCOMES[key].en).map((name) => [name, WORD_SAMPLES[name] ?? `<${name} 42>`]));
}

describe("outcome messages stored in one language", () => {
  for (const key of Object.keys(OUTCOMES) as OutcomeKey[]) {
    it(`${key}: read back in the other`, () => {
      const params = sample(key);
      const en = sayOutcome(key, params, "en");
      const vi = sayOutcome(key, params, "vi");
      expect(restate(en, "vi")).toBe(vi);
      expect(restate(vi, "en")).toBe(en);
      expect(restate(en, "en")).toBe(en);
    });
  }

  it("says English exactly as it was written before the catalogue", () => {
    expect(sayOutcome("deceasedNamed", { who: "otherParty", name: "Nguyễn Văn A", date: "2020-01-02" }, "en")).toBe(
      "The other party Nguyễn Văn A is recorded as deceased (2020-01-02).",
    );
    expect(sayOutcome("missingPerson", { who: "deceased", id: "001085012345" }, "en")).toBe(
      "No record of the deceased person 001085012345 in the population database: bring the document; a correction request has been raised with the source.",
    );
    expect(sayOutcome("mustBeCitizen", { who: "applicant" }, "vi")).toBe("Người nộp hồ sơ phải là công dân (có số định danh cá nhân).");
  });

  it("leaves text it does not know as stored", () => {
    expect(restate("A note written by the catalogue.", "vi")).toBe("A note written by the catalogue.");
    expect(restate(null, "vi")).toBeNull();
  });
});
