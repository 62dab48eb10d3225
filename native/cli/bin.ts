// The `charkha` executable's entry: run the CLI, then exit with its code.
import { runCli } from './main.js';

process.env.ORT_DISABLE_TELEMETRY = '1';
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
