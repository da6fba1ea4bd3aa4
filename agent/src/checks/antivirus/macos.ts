// Anti-virus on macOS: XProtect, which macOS keeps enabled on every supported
// release. It has no switch: macOS runs it when apps launch and files are downloaded
// or changed, and System Integrity Protection keeps it from being altered or removed,
// so its real-time protection is read from SIP (`csrutil status`).
// Microsoft Defender for Endpoint is reported beside it when installed (mdatp.ts).
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { couldNotCollect, parseSource } from '../findings.ts';
import type { Collected, Finding, PlatformCheck, SourceSpec } from '../types.ts';
import { mdatpSource, readMdatp, withMdatp } from './mdatp.ts';
import { parseSipStatus, SIP_STATUS_SOURCE } from './parse-sip-status.ts';
import {
  newerVersion, parsePkgutilPackageIds, parsePkgutilPkgInfo, parseStatModifiedSeconds, parseXprotectVersion, receiptSourceId,
  XPROTECT_LIVE_MODIFIED_SOURCE, XPROTECT_LIVE_VERSION_SOURCE, XPROTECT_RECEIPTS_SOURCE, XPROTECT_VERSION_SOURCE, type PackageReceipt,
} from './parse-xprotect.ts';

const XPROTECT_INFO_PLIST = '/Library/Apple/System/Library/CoreServices/XProtect.bundle/Contents/Info.plist';
// macOS 15 and later: the copy XProtect actually uses, updated without an installer receipt.
const XPROTECT_LIVE_INFO_PLIST = '/private/var/protected/xprotect/XProtect.bundle/Contents/Info.plist';
const PKGUTIL = '/usr/sbin/pkgutil';
const MDATP = mdatpSource('macos');

// pkgutil exits 1 when no receipt matches; that is an empty list, not a failure.
const receiptIds = (collected: Collected) =>
  parseSource(collected, XPROTECT_RECEIPTS_SOURCE, parsePkgutilPackageIds, { acceptExitCodes: [0, 1], allowEmpty: true });

/** `defaults` exits 1 with "does not exist" when the bundle is not there. */
const bundleAbsent = (collected: Collected, id = XPROTECT_VERSION_SOURCE): boolean => {
  const result = collected.get(id);
  return result?.exitCode === 1 && /does not exist/i.test(result.stderr);
};

/**
 * The live copy (macOS 15+): absent before macOS 15; otherwise its version and, when
 * stat could be read, when it was last written. Anything else leaves the date unknown
 * rather than dating the definitions from receipts the live copy no longer leaves.
 */
type LiveBundle = { kind: 'absent' } | { kind: 'present'; version: string; modifiedAtMs: number } | { kind: 'unknown' };

const readLiveBundle = (collected: Collected): LiveBundle => {
  if (bundleAbsent(collected, XPROTECT_LIVE_VERSION_SOURCE)) return { kind: 'absent' };
  const version = parseSource(collected, XPROTECT_LIVE_VERSION_SOURCE, parseXprotectVersion);
  if (!version.ok) return { kind: 'unknown' };
  const modified = parseSource(collected, XPROTECT_LIVE_MODIFIED_SOURCE, (text) => parseStatModifiedSeconds(text, XPROTECT_LIVE_MODIFIED_SOURCE));
  return { kind: 'present', version: version.value, modifiedAtMs: modified.ok ? modified.value : 0 };
};

const RUNS_BY_ITSELF = 'XProtect has no switch: macOS runs it whenever an app is launched or a file is downloaded or changed';

/** XProtect's real-time protection: as dependable as the System Integrity Protection that guards it. */
const xprotectRealtime = (collected: Collected): { realtimeProtection: Tri; realtimeProtectionBasis: string } => {
  const sip = parseSource(collected, SIP_STATUS_SOURCE, parseSipStatus);
  if (!sip.ok) {
    // "Sentence. (detail)" from the parser, set inside this sentence.
    const why = `${sip.reason.charAt(0).toLowerCase()}${sip.reason.slice(1)}`.replace(/\. \(/, ' (').replace(/\.$/, '');
    return { realtimeProtection: Tri.TRI_UNKNOWN, realtimeProtectionBasis: `${RUNS_BY_ITSELF}, but \`csrutil status\`, which says whether System Integrity `
      + `Protection keeps XProtect from being altered or removed, could not be read: ${why}` };
  }
  switch (sip.value.state) {
    case 'enabled':
      return { realtimeProtection: Tri.TRI_YES, realtimeProtectionBasis: `${RUNS_BY_ITSELF}, and System Integrity Protection is on, so XProtect cannot be altered or removed` };
    case 'disabled':
      return { realtimeProtection: Tri.TRI_NO, realtimeProtectionBasis: 'System Integrity Protection is switched off on this Mac, so XProtect can be altered or removed '
        + 'and the school cannot rely on it' };
    case 'custom': {
      const off = sip.value.off.length > 0 ? ` with ${sip.value.off.join(' and ')} switched off` : '';
      return { realtimeProtection: Tri.TRI_UNKNOWN, realtimeProtectionBasis: `${RUNS_BY_ITSELF}, but System Integrity Protection has a custom configuration${off}, `
        + 'so whether XProtect can be altered or removed is not known' };
    }
  }
};

const interpretXprotect = (collected: Collected): Finding => {
  const ids = receiptIds(collected);
  if (!ids.ok) return couldNotCollect(ids.code, ids.reason);
  const live = readLiveBundle(collected);
  if (ids.value.length === 0 && bundleAbsent(collected) && live.kind === 'absent') {
    return { status: CollectionStatus.COLLECTED, antivirus: { products: [] } };
  }
  // The CoreServices copy may be gone where the live copy is the only one.
  const version = live.kind === 'present' && bundleAbsent(collected)
    ? { ok: true as const, value: live.version }
    : parseSource(collected, XPROTECT_VERSION_SOURCE, parseXprotectVersion);
  if (!version.ok) return couldNotCollect(version.code, version.reason);
  const receipts: PackageReceipt[] = [];
  for (const id of ids.value) {
    const receipt = parseSource(collected, receiptSourceId(id), (text) => parsePkgutilPkgInfo(text, receiptSourceId(id)));
    if (!receipt.ok) return couldNotCollect(receipt.code, receipt.reason);
    receipts.push(receipt.value);
  }
  // Before macOS 15 the newest receipt is the last definitions update; 0 when none is recorded.
  const receiptTime = Math.max(0, ...receipts.map((receipt) => receipt.installedAtMs));
  const updatedAtMs = live.kind === 'absent' ? receiptTime
    : live.kind === 'present' && live.modifiedAtMs > 0 ? Math.max(receiptTime, live.modifiedAtMs) : 0;
  return {
    status: CollectionStatus.COLLECTED,
    antivirus: { products: [{
      name: 'XProtect',
      enabled: Tri.TRI_YES,
      ...xprotectRealtime(collected),
      signaturesUpdatedAtMs: updatedAtMs,
      signatureVersion: live.kind === 'present' ? newerVersion(live.version, version.value) : version.value,
      reportsUpToDate: Tri.TRI_UNKNOWN,
      engineVersion: '',
    }] },
  };
};

export const check: PlatformCheck = {
  check: 'antivirus',
  platform: 'macos',
  sources(collected): readonly SourceSpec[] {
    const first: SourceSpec[] = [
      { kind: 'command', id: XPROTECT_VERSION_SOURCE, file: '/usr/bin/defaults', args: ['read', XPROTECT_INFO_PLIST, 'CFBundleShortVersionString'] },
      { kind: 'command', id: XPROTECT_RECEIPTS_SOURCE, file: PKGUTIL, args: ['--pkgs=com\\.apple\\.pkg\\.XProtect.*'] },
      { kind: 'command', id: XPROTECT_LIVE_VERSION_SOURCE, file: '/usr/bin/defaults', args: ['read', XPROTECT_LIVE_INFO_PLIST, 'CFBundleShortVersionString'] },
      { kind: 'command', id: XPROTECT_LIVE_MODIFIED_SOURCE, file: '/usr/bin/stat', args: ['-f', '%m', XPROTECT_LIVE_INFO_PLIST] },
      { kind: 'command', id: SIP_STATUS_SOURCE, file: '/usr/bin/csrutil', args: ['status'] },
      MDATP,
    ];
    const ids = collected.has(XPROTECT_RECEIPTS_SOURCE) ? receiptIds(collected) : undefined;
    const receipts: SourceSpec[] = ids?.ok
      ? ids.value.map((id) => ({ kind: 'command', id: receiptSourceId(id), file: PKGUTIL, args: ['--pkg-info', id] }))
      : [];
    return [...first, ...receipts];
  },
  interpret(collected): Finding {
    return withMdatp(interpretXprotect(collected), readMdatp(collected, MDATP.id));
  },
};
