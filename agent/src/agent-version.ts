// The agent's version, from its package.json (the one place it is written), and the commit
// it was built from. scripts/build-agent.ts stamps both into the bundle; from a checkout the
// commit is "source".
import agentPackage from '../package.json' with { type: 'json' };

declare const INVIGILATOR_BUILD_VERSION: string | undefined;
declare const INVIGILATOR_BUILD_COMMIT: string | undefined;

export const AGENT_VERSION: string = typeof INVIGILATOR_BUILD_VERSION === 'string' ? INVIGILATOR_BUILD_VERSION : agentPackage.version;
export const AGENT_COMMIT: string = typeof INVIGILATOR_BUILD_COMMIT === 'string' ? INVIGILATOR_BUILD_COMMIT : 'source';
