// Windows device facts. Kept to what Node itself knows until the Windows facts
// come from one PowerShell query (release, model and serial) like the Windows checks.
import type { PlatformFactsSpec } from './types.ts';

export const windowsFacts: PlatformFactsSpec = {
  sources: [],
  interpret: () => ({ osName: 'Windows' }),
};
