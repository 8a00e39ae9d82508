/** `ndaf-gateway <command>`: the gateway's command line: `conformance`, `documents` and `audit`. */
import { AUDIT_USAGE, runAudit } from "./audit.js";
import { CONFORMANCE_USAGE, runConformance } from "./conformance.js";
import { DOCUMENTS_USAGE, runDocuments } from "./documents.js";

const [command, ...args] = process.argv.slice(2);
const io = {
  stdout: (t: string) => process.stdout.write(t),
  stderr: (t: string) => process.stderr.write(t),
  cwd: process.cwd(),
  env: process.env,
};
const commands: Record<string, (argv: string[], cliIo: typeof io) => Promise<number>> = {
  conformance: runConformance,
  documents: runDocuments,
  audit: runAudit,
};

let status: number;
const run = command ? commands[command] : undefined;
if (run) {
  status = await run(args, io).catch((error: Error) => {
    io.stderr(`ndaf-gateway ${command}: unexpected failure: ${error.message}\n`);
    return 2;
  });
} else {
  io.stderr(
    `${command && command !== "--help" && command !== "-h" ? `Unknown command "${command}". ` : ""}Usage: ndaf-gateway conformance [options] | ndaf-gateway documents publish <folder> [options] | ndaf-gateway audit verify-proof <file>\n\n${CONFORMANCE_USAGE}\n${DOCUMENTS_USAGE}\n${AUDIT_USAGE}`,
  );
  status = command === "--help" || command === "-h" ? 0 : 2;
}
process.exitCode = status;
