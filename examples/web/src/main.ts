/**
 * The kit end to end, as an app's first screen would run it: the provinces, a page of citizens of one and the next
 * page, one citizen for the case, and a field the client may be refused. `npm run kit:tour` runs it against a
 * gateway (`npm start`); test/kit/web-kit.test.ts runs it against a test gateway.
 */
import { CitizenList, citizenForCase, citizenReligion, provinces } from "./api.js";
import { createGatewayClient, type Purpose } from "./client.js";

export interface TourOptions {
  url: string;
  apiKey: string;
  purpose: Purpose;
  /** Province whose citizens are listed (2-digit code), and the page size. */
  provinceCode?: string;
  pageSize?: number;
  log?: (line: string) => void;
}

export interface TourResult {
  provinces: number;
  firstPage: string[];
  secondPage: string[];
  citizen: { personalId: string; fullName: string } | null;
  religion: { value: string | null; refusedCodes: string[] };
}

export async function tour(options: TourOptions): Promise<TourResult> {
  const log = options.log ?? (() => {});
  const client = createGatewayClient({ url: options.url, apiKey: options.apiKey });
  try {
    const units = await provinces(client);
    log(`${units.length} provinces, e.g. ${units[0]?.name} (${units[0]?.code})`);

    const list = new CitizenList(client, options.provinceCode ?? units[0]?.code ?? "01", options.pageSize ?? 5, options.purpose);
    try {
      const first = await list.first();
      log(`${first.totalCount} citizens; page 1: ${first.rows.map((c) => c.fullName).join(", ")}`);
      const second = await list.next();
      log(`page 2: ${second.rows.map((c) => c.fullName).join(", ")} (${second.all.length} loaded)`);

      const someone = first.rows[0] ? await citizenForCase(client, first.rows[0].personalId, options.purpose) : null;
      if (someone)
        log(`${someone.fullName}, born ${someone.dateOfBirth}, lives in ${someone.permanentResidence?.text ?? "(no permanent residence)"}`);

      const religion = someone ? await citizenReligion(client, someone.personalId, options.purpose) : { religion: null, refused: [] };
      log(
        religion.refused.length
          ? `religion refused: ${religion.refused.map((e) => `${e.code} (${e.field ?? "?"})`).join(", ")}`
          : `religion: ${religion.religion ?? "(none recorded)"}`,
      );

      return {
        provinces: units.length,
        firstPage: first.rows.map((c) => c.personalId),
        secondPage: second.rows.map((c) => c.personalId),
        citizen: someone ? { personalId: someone.personalId, fullName: someone.fullName } : null,
        religion: { value: religion.religion, refusedCodes: religion.refused.map((e) => e.code) },
      };
    } finally {
      list.close();
    }
  } finally {
    client.stop();
  }
}
