// Which program is a filter-bypass tool: pure, the same on every platform.
// A program matches by its own name or the folder it sits in (Tor Browser's
// "firefox" lives under "Tor Browser"), or by an .app bundle on macOS.
import { toolKey, type MisuseSettings } from '@invigilator/shared/misuse-settings.ts';

/** The names a program path is known by: its file, its two parent folders and any .app bundle in it. */
export const namesOfProgram = (programPath: string): string[] => {
  const parts = programPath.split(/[\\/]+/).filter(Boolean);
  const near = parts.slice(-3);
  const bundles = parts.filter((part) => /\.app$/i.test(part));
  return [...new Set([...near, ...bundles].map(toolKey).filter(Boolean))];
};

/** The bypass-list entry the program matches, or undefined (also when an approved entry matches it). */
export const matchBypassTool = (programPath: string, settings: Pick<MisuseSettings, 'bypassToolNames' | 'approvedTools'>): string | undefined => {
  const names = namesOfProgram(programPath);
  const approved = new Set(settings.approvedTools.map(toolKey));
  if (names.some((name) => approved.has(name))) return undefined;
  return settings.bypassToolNames.find((entry) => names.includes(toolKey(entry)));
};
