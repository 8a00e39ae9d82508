// The worker's entry when the gateway runs from its TypeScript sources (npm start, npm run dev, vitest): tsx
// compiles worker.ts with the project's tsconfig (decorators), as bin/ndaf-gateway.js does. The compiled build
// (dist/) starts worker.js directly.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../../../tsconfig.json", import.meta.url)) });
const worker = await import("./worker.ts");
export default worker.default;
