// `node build-sea-once.ts VERSION`: the Linux single executable for the agent stamped VERSION,
// through the tests' shared build cache; prints {"executable", "way"}. The build-race test runs
// two of these at once.
import { defaultStamp } from '../../../scripts/build-agent.ts';
import { buildSeaReporting } from '../../../test/support/sea-under-test.ts';

const version = process.argv[2];
if (!version) throw new Error('usage: build-sea-once.ts VERSION');
process.stdout.write(`${JSON.stringify(await buildSeaReporting(undefined, { ...defaultStamp(), version }))}\n`);
