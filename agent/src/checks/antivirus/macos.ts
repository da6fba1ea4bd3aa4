// Anti-virus on macOS: XProtect, which macOS keeps enabled on every supported
// release. It has no switch to report for real-time scanning, so that stays UNKNOWN.
// Microsoft Defender for Endpoint is reported beside it when installed (mdatp.ts).
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import { couldNotCollect, parseSource } from '../findings.ts';
import type { Collected, Finding, PlatformCheck, SourceSpec } from '../types.ts';
import { mdatpSource, readMdatp, withMdatp } from './mdatp.ts';
import {
  parsePkgutilPackageIds, parsePkgutilPkgInfo, parseXprotectVersion, receiptSourceId,
  XPROTECT_RECEIPTS_SOURCE, XPROTECT_VERSION_SOURCE, type PackageReceipt,
} from './parse-xprotect.ts';

const XPROTECT_INFO_PLIST = '/Library/Apple/System/Library/CoreServices/XProtect.bundle/Contents/Info.plist';
const PKGUTIL = '/usr/sbin/pkgutil';
const MDATP = mdatpSource('macos');

// pkgutil exits 1 when no receipt matches; that is an empty list, not a failure.
const receiptIds = (collected: Collected) =>
  parseSource(collected, XPROTECT_RECEIPTS_SOURCE, parsePkgutilPackageIds, { acceptExitCodes: [0, 1], allowEmpty: true });

/** `defaults` exits 1 with "does not exist" when the bundle is not there. */
const bundleAbsent = (collected: Collected): boolean => {
  const result = collected.get(XPROTECT_VERSION_SOURCE);
  return result?.exitCode === 1 && /does not exist/i.test(result.stderr);
};

const interpretXprotect = (collected: Collected): Finding => {
  const ids = receiptIds(collected);
  if (!ids.ok) return couldNotCollect(ids.code, ids.reason);
  if (ids.value.length === 0 && bundleAbsent(collected)) {
    return { status: CollectionStatus.COLLECTED, antivirus: { products: [] } };
  }
  const version = parseSource(collected, XPROTECT_VERSION_SOURCE, parseXprotectVersion);
  if (!version.ok) return couldNotCollect(version.code, version.reason);
  const receipts: PackageReceipt[] = [];
  for (const id of ids.value) {
    const receipt = parseSource(collected, receiptSourceId(id), (text) => parsePkgutilPkgInfo(text, receiptSourceId(id)));
    if (!receipt.ok) return couldNotCollect(receipt.code, receipt.reason);
    receipts.push(receipt.value);
  }
  return {
    status: CollectionStatus.COLLECTED,
    antivirus: { products: [{
      name: 'XProtect',
      enabled: Tri.TRI_YES,
      realtimeProtection: Tri.TRI_UNKNOWN,
      // The newest receipt is the last definitions update; 0 when none is recorded.
      signaturesUpdatedAtMs: Math.max(0, ...receipts.map((receipt) => receipt.installedAtMs)),
      signatureVersion: version.value,
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
