/**
 * `npm run kit:tour`: the kit's tour against a running gateway. GATEWAY_URL (default http://localhost:4000/graphql)
 * and GATEWAY_API_KEY (default the development demo key holding every grant; no such key exists in production).
 */
import { tour } from "./src/main.js";

await tour({
  url: process.env.GATEWAY_URL ?? "http://localhost:4000/graphql",
  apiKey: process.env.GATEWAY_API_KEY ?? "ndaf-demo-all-grants",
  purpose: { procedure: "1.001193", caseId: "KIT-TOUR-0001" },
  log: (line) => console.log(line),
});
