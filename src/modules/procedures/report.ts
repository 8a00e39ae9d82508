/** Per procedure and overall: the components the catalogue replaces by data, and the paper submitted dossiers saved. */
import { type ProcedureCatalogue, replaceableShare } from "./catalogue.js";
import type { ProcedureTotals } from "./store.js";

export interface ReportLine {
  code: string | null;
  name: string;
  nameEn: string;
  procedures: number;
  components: number;
  replaceable: number;
  share: number;
  dossiers: number;
  fulfilledByData: number;
  documentsRequested: number;
  failedChecks: number;
}

/** Per procedure and overall: the catalogue's components and those replaceable by data; over submitted dossiers, the paper saved. */
export function procedureReport(
  catalogue: ProcedureCatalogue,
  totals: Map<string, ProcedureTotals>,
): { procedures: ReportLine[]; overall: ReportLine } {
  const lines = catalogue.procedures.map((p): ReportLine => {
    const replaceable = p.components.filter((c) => c.kind === "DATA").length;
    const t = totals.get(p.code);
    return {
      code: p.code,
      name: p.name,
      nameEn: p.nameEn,
      procedures: 1,
      components: p.components.length,
      replaceable,
      share: replaceableShare(p.components.length, replaceable),
      dossiers: t?.dossiers ?? 0,
      fulfilledByData: t?.fulfilledByData ?? 0,
      documentsRequested: t?.documentsRequested ?? 0,
      failedChecks: t?.failedChecks ?? 0,
    };
  });
  const sum = (key: "procedures" | "components" | "replaceable" | "dossiers" | "fulfilledByData" | "documentsRequested" | "failedChecks") =>
    lines.reduce((n, l) => n + l[key], 0);
  return {
    procedures: lines,
    overall: {
      code: null,
      name: "All procedures",
      nameEn: "All procedures",
      procedures: sum("procedures"),
      components: sum("components"),
      replaceable: sum("replaceable"),
      share: replaceableShare(sum("components"), sum("replaceable")),
      dossiers: sum("dossiers"),
      fulfilledByData: sum("fulfilledByData"),
      documentsRequested: sum("documentsRequested"),
      failedChecks: sum("failedChecks"),
    },
  };
}
