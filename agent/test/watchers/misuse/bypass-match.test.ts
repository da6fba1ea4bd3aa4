import { describe, expect, it } from 'vitest';
import { DEFAULT_MISUSE_SETTINGS } from '@invigilator/shared/misuse-settings.ts';
import { matchBypassTool, namesOfProgram } from '../../../src/watchers/misuse/bypass-match.ts';

const starter = DEFAULT_MISUSE_SETTINGS;

describe('matchBypassTool with the starter list', () => {
  it.each([
    ['Tor Browser on Linux, by its folder', '/home/pupil/tor-browser/Browser/firefox.real', 'torbrowser'],
    ['the tor daemon it starts', '/home/pupil/tor-browser/Browser/TorBrowser/Tor/tor', 'tor'],
    ['Tor Browser on macOS, by its app bundle', '/Applications/Tor Browser.app/Contents/MacOS/firefox', 'torbrowser'],
    ['Psiphon on Windows (tasklist gives the program name only)', 'psiphon3.exe', 'psiphon3'],
    ['Ultrasurf, any case', 'C:\\Users\\pupil\\Downloads\\Ultrasurf.EXE', 'ultrasurf'],
    ['a portable browser on a stick', 'E:\\FirefoxPortable\\FirefoxPortable.exe', 'firefoxportable'],
    ['Hotspot Shield with spaces', 'C:\\Program Files\\Hotspot Shield\\bin\\hsscp.exe', 'hotspotshield'],
  ])('%s', (_case, program, tool) => {
    expect(matchBypassTool(program, starter)).toBe(tool);
  });

  it.each([
    ['an ordinary browser', '/usr/lib/firefox-esr/firefox-esr'],
    ['a word inside a longer name', '/usr/bin/storage-helper'],
    ['Windows Explorer', 'explorer.exe'],
    ['the tools of the agent itself', '/usr/sbin/nft'],
  ])('not %s', (_case, program) => {
    expect(matchBypassTool(program, starter)).toBeUndefined();
  });

  it('exempts an approved tool even when a listed name matches', () => {
    const settings = { bypassToolNames: ['protonvpn', 'openvpn'], approvedTools: ['OpenVPN'] };
    expect(matchBypassTool('C:\\Program Files\\OpenVPN\\bin\\openvpn.exe', settings)).toBeUndefined();
    expect(matchBypassTool('/usr/bin/protonvpn', settings)).toBe('protonvpn');
  });

  it('knows a program by its file, its two folders and any app bundle', () => {
    expect(namesOfProgram('/Applications/Psiphon.app/Contents/MacOS/Psiphon')).toEqual(['contents', 'macos', 'psiphon']);
    expect(namesOfProgram('/opt/Tor Browser/Browser/start-tor-browser')).toEqual(['torbrowser', 'browser', 'starttorbrowser']);
  });
});
