#!/usr/bin/env node
// The command line (`npx ndaf-gateway conformance …`): runs the TypeScript sources through tsx, as `npm start`
// does, with the project's own tsconfig (decorators) wherever it is called from.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register({ tsconfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url)) });
await import("../src/cli/main.ts");
