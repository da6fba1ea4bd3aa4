// Get-MpComputerStatus (JSON from the agent's script, or Format-List text) →
// Microsoft Defender as one product.
import { Tri } from '@invigilator/shared/wire.ts';
import { notParsed, parsed, type Parsed } from '../types.ts';
import { field, psBool, psDateMs, psString, readPsRecords, triAll, triOf } from '../windows-json.ts';
import type { AntivirusProduct } from './antivirus-product.ts';

export const DEFENDER_NAME = 'Microsoft Defender Antivirus';

/** Defender stands aside for another product in these modes: installed, not protecting. */
const PASSIVE_MODES = /passive|edr block/i;

export const parseMpComputerStatus = (text: string): Parsed<AntivirusProduct> => {
  const records = readPsRecords(text);
  if (!records.ok) return records;
  if (records.value.length !== 1 || !records.value[0]) {
    return notParsed('OUTPUT_UNRECOGNISED', `Get-MpComputerStatus gave ${records.value.length} reports where one was expected.`);
  }
  const status = records.value[0];
  const service = psBool(field(status, 'AMServiceEnabled'));
  const antivirus = psBool(field(status, 'AntivirusEnabled'));
  const realtime = psBool(field(status, 'RealTimeProtectionEnabled'));
  if (service === undefined && antivirus === undefined && realtime === undefined) {
    return notParsed('OUTPUT_UNRECOGNISED', 'Get-MpComputerStatus did not say whether Defender is running.');
  }
  const passive = PASSIVE_MODES.test(psString(field(status, 'AMRunningMode')));
  const switches = [service, antivirus].filter((value) => value !== undefined).map(triOf);
  const outOfDate = psBool(field(status, 'DefenderSignaturesOutOfDate'));
  return parsed({
    name: DEFENDER_NAME,
    enabled: passive ? Tri.TRI_NO : triAll(switches.length > 0 ? switches : [Tri.TRI_UNKNOWN]),
    realtimeProtection: triOf(realtime),
    signaturesUpdatedAtMs: psDateMs(field(status, 'AntivirusSignatureLastUpdated')) ?? 0,
    signatureVersion: psString(field(status, 'AntivirusSignatureVersion')),
    reportsUpToDate: outOfDate === undefined ? Tri.TRI_UNKNOWN : triOf(!outOfDate),
    engineVersion: psString(field(status, 'AMEngineVersion')),
  });
};
