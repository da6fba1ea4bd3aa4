// Removable media on macOS as a posture: whether a configuration profile's
// mount-controls deny external disks (or make them read-only). Attached volumes are
// the watcher's misuse events. Newer declarative disk-management settings are not
// kept in Managed Preferences and are not read here.
// Sources:
//   macos.managed-preferences      ls -1 "/Library/Managed Preferences"
//   macos.managed-systemuiserver   plutil -convert xml1 -o - ".../com.apple.systemuiserver.plist" (when listed)
import { CollectionStatus } from '@invigilator/shared/wire.ts';
import { couldNotCollect, parseSource } from '../findings.ts';
import type { Finding, PlatformCheck, SourceSpec } from '../types.ts';
import { MANAGED_PREFERENCES_SOURCE, managedPayloads, managedPayloadSource } from '../screen-lock/macos.ts';
import { NO_PROFILE, parseMountControls } from './parse-mount-controls.ts';

const SYSTEMUISERVER_PAYLOAD = 'com.apple.systemuiserver.plist';
const MANAGED_SYSTEMUISERVER_SOURCE = managedPayloadSource('macos.managed-systemuiserver', SYSTEMUISERVER_PAYLOAD);

export const check: PlatformCheck = {
  check: 'removable-media',
  platform: 'macos',
  sources(collected): readonly SourceSpec[] {
    const payloads = collected.has(MANAGED_PREFERENCES_SOURCE.id) ? managedPayloads(collected) : undefined;
    return payloads?.ok && payloads.value.has(SYSTEMUISERVER_PAYLOAD) ? [MANAGED_PREFERENCES_SOURCE, MANAGED_SYSTEMUISERVER_SOURCE] : [MANAGED_PREFERENCES_SOURCE];
  },
  interpret(collected): Finding {
    const payloads = managedPayloads(collected);
    if (!payloads.ok) return couldNotCollect(payloads.code, payloads.reason);
    const posture = payloads.value.has(SYSTEMUISERVER_PAYLOAD)
      ? parseSource(collected, MANAGED_SYSTEMUISERVER_SOURCE.id, (text) => parseMountControls(text, MANAGED_SYSTEMUISERVER_SOURCE.id))
      : { ok: true as const, value: NO_PROFILE };
    return posture.ok ? { status: CollectionStatus.COLLECTED, removableMedia: posture.value } : couldNotCollect(posture.code, posture.reason);
  },
};
