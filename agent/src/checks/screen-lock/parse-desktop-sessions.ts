// `ls -1 /usr/share/xsessions /usr/share/wayland-sessions`: the desktops a user can
// sign in to. None at all means no graphical sign-in: a server, nothing to lock.
import { parsed, type Parsed } from '../types.ts';
import { unreadable } from '../../parsers/reasons.ts';

export type DesktopFamily = 'gnome' | 'kde' | 'other';

export interface InstalledDesktops {
  families: DesktopFamily[];
  /** Session names of desktops the agent does not read ("xfce", "cinnamon"). */
  others: string[];
}

// GNOME-based sessions keep their lock in org.gnome.desktop.* (Ubuntu, Pop, Budgie, GNOME Classic).
const GNOME = /^(gnome|ubuntu|pop|budgie|zorin)/;
const KDE = /^(plasma|kde)/;

export const familyOf = (session: string): DesktopFamily => {
  if (GNOME.test(session)) return 'gnome';
  if (KDE.test(session)) return 'kde';
  return 'other';
};

export const parseDesktopSessions = (text: string, source: string): Parsed<InstalledDesktops> => {
  const families = new Set<DesktopFamily>();
  const others = new Set<string>();
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    // Folder headings ("/usr/share/xsessions:") and the blank line between folders.
    if (line === '' || (line.startsWith('/') && line.endsWith(':'))) continue;
    if (!line.endsWith('.desktop') || line.includes('/')) return unreadable('OUTPUT_UNRECOGNISED', source, `unexpected line "${line.slice(0, 80)}"`);
    const session = line.slice(0, -'.desktop'.length).toLowerCase();
    const family = familyOf(session);
    families.add(family);
    if (family === 'other') others.add(session);
  }
  return parsed({ families: [...families], others: [...others] });
};
