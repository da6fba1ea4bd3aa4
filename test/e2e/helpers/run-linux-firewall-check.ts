// Runs the agent's Linux firewall check against the live system (run inside a
// network namespace by firewall-netns.test.ts) and prints the observation as JSON.
import { check } from '../../../agent/src/checks/firewall/linux.ts';
import { liveProvider } from '../../../agent/src/checks/live-provider.ts';
import { runCheck } from '../../../agent/src/checks/runner.ts';
import { observationToJson } from '../../../shared/src/wire.ts';

const { observation } = await runCheck(check, liveProvider, { removableMountRoots: [] });
process.stdout.write(`${JSON.stringify(observationToJson(observation))}\n`);
