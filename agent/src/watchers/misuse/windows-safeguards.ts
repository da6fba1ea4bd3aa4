// Windows safeguards switched off, read from the event log as each event is written:
// a long-running PowerShell asks every 2 s for new events and prints each as one line
// of XML. What is read is language-neutral (event ids, service key names in <Binary>,
// account SIDs), apart from two English-only words noted below.
import type { Logger } from '@invigilator/shared/logger.ts';
import { powershellArgs, powershellPath, UTF8_OUTPUT } from '../../checks/windows-powershell.ts';
import { startRestartingLineStream } from '../restarting-line-stream.ts';
import type { Watcher, WatcherOptions } from '../types.ts';
import { AGENT_SERVICE_SAFEGUARD, safeguardDisabled, type SafeguardChange } from './misuse-events.ts';
import { parseEventXml, type WindowsEvent } from './parse-event-xml.ts';
import { safeEmit } from '../removable-media/volume-misuse-events.ts';

/** Services whose stopping or disabling switches a safeguard off (service key names, lower case). */
export const WATCHED_SERVICES: Readonly<Record<string, string>> = {
  mpssvc: 'the Windows Defender Firewall service',
  windefend: 'the Microsoft Defender Antivirus service',
  wscsvc: 'the Windows Security Center service',
  invigilatoragent: AGENT_SERVICE_SAFEGUARD,
};

// Each query: new events since the last look. Single quotes only (see windows-powershell.ts).
export const SAFEGUARD_EVENTS_SCRIPT = `${UTF8_OUTPUT}; $ErrorActionPreference = 'SilentlyContinue'; `
  + "$queries = @(@{ LogName = 'System'; ProviderName = 'Service Control Manager'; Id = 7036, 7040 }, "
  + "@{ LogName = 'Microsoft-Windows-Windows Defender/Operational'; Id = 5001 }, @{ LogName = 'Security'; Id = 4950 }); "
  + '$since = Get-Date; while ($true) { Start-Sleep -Seconds 2; $now = Get-Date; '
  + 'foreach ($query in $queries) { $query.StartTime = $since; $query.EndTime = $now; '
  + "Get-WinEvent -FilterHashtable $query -Oldest | ForEach-Object { $_.ToXml() -replace '\\r?\\n', '' } }; $since = $now }";

/** Who the OS says acted: well-known system SIDs and the built-in Administrator count as administrators. */
export const accountOf = (sid: string): Pick<SafeguardChange, 'changedBy' | 'changedByAdministrator'> => {
  if (!sid) return {};
  if (sid === 'S-1-5-18') return { changedBy: 'SYSTEM (the system account)', changedByAdministrator: true };
  if (sid === 'S-1-5-19' || sid === 'S-1-5-20') return { changedBy: `${sid} (a service account)`, changedByAdministrator: true };
  if (/^S-1-5-21-[\d-]+-500$/.test(sid)) return { changedBy: `${sid} (the built-in Administrator)`, changedByAdministrator: true };
  return { changedBy: sid };
};

/** The safeguard an event says was switched off, or undefined for any other event. */
export const safeguardChangeFrom = (event: WindowsEvent): Omit<SafeguardChange, 'user'> | undefined => {
  if (event.provider === 'Service Control Manager' && event.eventId === 7036) {
    // <Binary> is '<service key>/<state>'; state 1 is stopped.
    const [service, state] = event.binary.split('/');
    const name = WATCHED_SERVICES[(service ?? '').toLowerCase()];
    if (!name || state !== '1') return undefined;
    return { safeguard: name, seen: `the service ${service} stopped`, ...accountOf(event.userSid) };
  }
  if (event.provider === 'Service Control Manager' && event.eventId === 7040) {
    const name = WATCHED_SERVICES[(event.data.param4 ?? '').toLowerCase()];
    // param3 is the new start type in the display language; only the English word is read.
    if (!name || event.data.param3 !== 'disabled') return undefined;
    return { safeguard: name, seen: `the service ${event.data.param4} was set not to start (${event.data.param2} to disabled)`, ...accountOf(event.userSid) };
  }
  if (event.eventId === 5001 && event.provider === 'Microsoft-Windows-Windows Defender') {
    return { safeguard: 'Microsoft Defender real-time protection', seen: 'Microsoft Defender reported real-time protection off (event 5001)', ...accountOf(event.userSid) };
  }
  if (event.eventId === 4950 && /^Enable Windows (?:Defender )?Firewall$/.test(event.data.SettingType ?? '') && event.data.SettingValue === 'No') {
    const profile = event.data.ProfileChanged ?? '';
    return { safeguard: `the firewall's ${profile} profile`, seen: `the ${profile} profile of Windows Firewall was turned off (event 4950)`, ...accountOf(event.userSid) };
  }
  return undefined;
};

export const createWindowsSafeguardWatch = (options: WatcherOptions, logger: Logger = options.logger): Watcher => {
  const emit = safeEmit(options.emit, logger);
  let stream: { stop(): void } | undefined;
  const onLine = (line: string): void => {
    const event = parseEventXml(line);
    if (!event.ok) return logger.warn({ code: event.code, reason: event.reason }, 'Skipped a line from the event-log reader.');
    const change = safeguardChangeFrom(event.value);
    if (!change) return;
    void (options.currentUser?.() ?? Promise.resolve('')).then((user) => emit(safeguardDisabled({ ...change, user })));
  };
  return {
    async start() {
      stream = startRestartingLineStream({ file: powershellPath(), args: powershellArgs(SAFEGUARD_EVENTS_SCRIPT), onLine, logger, what: 'The event-log reader' });
    },
    async stop() {
      stream?.stop();
      stream = undefined;
    },
  };
};
