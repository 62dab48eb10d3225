// The `charkha` executable's entry: run the CLI, then exit with its code.
import { runCliLazily } from './lazy.js';

process.env.ORT_DISABLE_TELEMETRY = '1';
const code = await runCliLazily(process.argv.slice(2));
process.exitCode = code;
