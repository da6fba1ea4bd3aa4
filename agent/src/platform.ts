// The one place that maps the running OS to an agent platform.
import type { AgentPlatform } from '@invigilator/shared/checks.ts';
import { InvigilatorError } from '@invigilator/shared/errors.ts';

export const currentPlatform = (nodePlatform: NodeJS.Platform = process.platform): AgentPlatform => {
  switch (nodePlatform) {
    case 'linux': return 'linux';
    case 'win32': return 'windows';
    case 'darwin': return 'macos';
    default: throw new InvigilatorError('UNSUPPORTED_PLATFORM', `(${nodePlatform})`);
  }
};
