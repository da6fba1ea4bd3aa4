// `npm run fuzz`: generated frames (fast-check over the wire schema, plus raw bytes) and HTTP requests
// through a real collector process. Prints crashes, 5xx answers and rows written from invalid input:
// all must be 0 (the exit code says so). FUZZ_FRAMES, FUZZ_REQUESTS and FUZZ_SEED override the defaults.
import { rmSync } from 'node:fs';
import { runFuzz } from '../test/support/fuzz-driver.ts';

const print = (line: string): void => { process.stdout.write(`${line}\n`); };
const frames = Number(process.env.FUZZ_FRAMES ?? 1_000_000);
const requests = Number(process.env.FUZZ_REQUESTS ?? 100_000);
const seed = Number(process.env.FUZZ_SEED ?? Date.now());

print(`fuzz: ${frames.toLocaleString('en-GB')} frames, ${requests.toLocaleString('en-GB')} HTTP requests, seed ${seed}`);
const result = await runFuzz({ frames, requests, seed, log: print });
rmSync(result.dataDir, { recursive: true, force: true });
print(`  crashes ${result.crashes}, 5xx ${result.serverErrors}, rows from invalid input ${result.rowsFromInvalid}`);
print(`  ${result.frames.toLocaleString('en-GB')} frames and ${result.requests.toLocaleString('en-GB')} requests in ${result.seconds.toFixed(0)} s`);
process.exitCode = result.crashes + result.serverErrors + result.rowsFromInvalid === 0 ? 0 : 1;
