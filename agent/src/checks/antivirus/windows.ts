// Anti-virus on Windows: Microsoft Defender's own status, plus every product
// registered with Windows Security Center (absent on Windows Server). Defender
// seen both ways is reported once.
import { CollectionStatus, Tri } from '@invigilator/shared/wire.ts';
import type { ErrorCode } from '@invigilator/shared/errors.ts';
import { findingFrom } from '../findings.ts';
import { parsed, type Collected, type Parsed, type PlatformCheck } from '../types.ts';
import { parsePowerShellSource, powershellSource, selectProperties } from '../windows-powershell.ts';
import { triAll } from '../windows-json.ts';
import type { AntivirusProduct } from './antivirus-product.ts';
import { parseMpComputerStatus } from './parse-mp-computer-status.ts';
import { parseSecurityCenterAntivirus, type SecurityCenterProduct } from './parse-security-center-antivirus.ts';

export const DEFENDER_SOURCE = 'windows.get-mpcomputerstatus';
export const SECURITY_CENTER_SOURCE = 'windows.securitycenter2-antivirusproduct';

const DEFENDER_SCRIPT = `Get-MpComputerStatus | ${selectProperties('AMServiceEnabled', 'AntivirusEnabled', 'RealTimeProtectionEnabled', 'AMRunningMode',
  'AntivirusSignatureLastUpdated', 'AntivirusSignatureAge', 'AntivirusSignatureVersion', 'AMEngineVersion', 'AMProductVersion', 'DefenderSignaturesOutOfDate')}`;
const SECURITY_CENTER_SCRIPT = 'Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct'
  + ` | ${selectProperties('displayName', 'instanceGuid', 'pathToSignedProductExe', 'productState')}`;

/**
 * A tool that ran and said "not here" (Defender removed or switched off by another
 * product; no Security Center on Windows Server) still leaves the other source
 * to speak. A timeout or unreadable output does not.
 */
const SOURCE_UNAVAILABLE: ReadonlySet<ErrorCode> = new Set(['COMMAND_FAILED', 'COMMAND_NOT_FOUND']);

const readDefender = (collected: Collected): Parsed<AntivirusProduct> => parsePowerShellSource(collected, DEFENDER_SOURCE, parseMpComputerStatus);

// No registered product prints nothing: an answer, not an error.
const readSecurityCenter = (collected: Collected): Parsed<SecurityCenterProduct[]> =>
  parsePowerShellSource(collected, SECURITY_CENTER_SOURCE, parseSecurityCenterAntivirus, { allowEmpty: true });

const mergeDefender = (defender: AntivirusProduct, registered: SecurityCenterProduct | undefined): AntivirusProduct => {
  if (!registered) return defender;
  return {
    ...defender,
    enabled: triAll([defender.enabled ?? Tri.TRI_UNKNOWN, registered.product.enabled ?? Tri.TRI_UNKNOWN]),
    reportsUpToDate: defender.reportsUpToDate === Tri.TRI_UNKNOWN ? registered.product.reportsUpToDate : defender.reportsUpToDate,
  };
};

export const combineAntivirus = (defender: Parsed<AntivirusProduct>, registered: Parsed<SecurityCenterProduct[]>): Parsed<AntivirusProduct[]> => {
  const unusable = [defender, registered].find((result) => !result.ok && !SOURCE_UNAVAILABLE.has(result.code));
  if (unusable && !unusable.ok) return unusable;
  if (!defender.ok && !registered.ok) {
    return { ok: false, code: registered.code, reason: `${defender.reason} Security Center: ${registered.reason}` };
  }
  const products = registered.ok ? registered.value : [];
  const others = products.filter((entry) => !entry.isDefender).map((entry) => entry.product);
  if (!defender.ok) return parsed([...products.filter((entry) => entry.isDefender).map((entry) => entry.product), ...others]);
  return parsed([mergeDefender(defender.value, products.find((entry) => entry.isDefender)), ...others]);
};

export const check: PlatformCheck = {
  check: 'antivirus',
  platform: 'windows',
  sources: () => [powershellSource(DEFENDER_SOURCE, DEFENDER_SCRIPT), powershellSource(SECURITY_CENTER_SOURCE, SECURITY_CENTER_SCRIPT)],
  interpret(collected) {
    return findingFrom(combineAntivirus(readDefender(collected), readSecurityCenter(collected)),
      (products) => ({ status: CollectionStatus.COLLECTED, antivirus: { products } }));
  },
};
