/** `ndaf-gateway <command>`: the gateway's command line. Today one command: `conformance`. */
import { CONFORMANCE_USAGE, runConformance } from "./conformance.js";

const [command, ...args] = process.argv.slice(2);
const io = { stdout: (t: string) => process.stdout.write(t), stderr: (t: string) => process.stderr.write(t), cwd: process.cwd() };

let status: number;
if (command === "conformance") {
  status = await runConformance(args, io).catch((error: Error) => {
    io.stderr(`ndaf-gateway conformance: unexpected failure: ${error.message}\n`);
    return 2;
  });
} else {
  io.stderr(`${command ? `Unknown command "${command}". ` : ""}Usage: ndaf-gateway conformance [options]\n\n${CONFORMANCE_USAGE}`);
  status = command === "--help" || command === "-h" ? 0 : 2;
}
process.exitCode = status;
