// Device facts on Windows in one PowerShell run through exec.ts (absolute path,
// no shell, a timeout), instead of the several PowerShells systeminformation
// starts one after another, which at boot outlast the time allowed.
import { powershellSource } from './checks/windows-powershell.ts';
import { notParsed, parsed, type Parsed } from './checks/types.ts';
import { field, psString, readPsRecords } from './checks/windows-json.ts';
import { readPowerShellOnce } from './run-powershell-once.ts';

export const WINDOWS_DEVICE_FACTS_SOURCE = 'windows.device-facts';
/** One PowerShell start plus three CIM queries; generous because it runs once, often at boot. */
export const WINDOWS_DEVICE_FACTS_TIMEOUT_MS = 20_000;

export const WINDOWS_DEVICE_FACTS_SCRIPT = '$os = Get-CimInstance -ClassName Win32_OperatingSystem;'
  + ' $bios = Get-CimInstance -ClassName Win32_BIOS; $system = Get-CimInstance -ClassName Win32_ComputerSystem;'
  + ' [pscustomobject]@{ Caption = $os.Caption; Version = $os.Version; SerialNumber = $bios.SerialNumber;'
  + ' Manufacturer = $system.Manufacturer; Model = $system.Model }';

export interface WindowsDeviceFacts {
  osName: string;
  osVersion: string;
  hardwareSerial: string;
  hardwareModel: string;
}

// Firmware placeholders that name no particular machine.
const NO_SERIAL = /^(?:|0+|none|n\/a|default string|to be filled by o\.e\.m\.|system serial number|not specified|not applicable)$/i;

export const parseWindowsDeviceFacts = (text: string): Parsed<WindowsDeviceFacts> => {
  const records = readPsRecords(text);
  if (!records.ok) return records;
  const [record] = records.value;
  if (!record || records.value.length !== 1) return notParsed('OUTPUT_UNRECOGNISED', `The device-facts script printed ${records.value.length} records where one was expected.`);
  const osName = psString(field(record, 'Caption'));
  if (!osName) return notParsed('OUTPUT_UNRECOGNISED', 'The device-facts script did not name the operating system (Win32_OperatingSystem.Caption).');
  const serial = psString(field(record, 'SerialNumber'));
  const maker = psString(field(record, 'Manufacturer'));
  const model = psString(field(record, 'Model'));
  return parsed({
    osName,
    osVersion: psString(field(record, 'Version')),
    hardwareSerial: NO_SERIAL.test(serial) ? '' : serial,
    // "LENOVO 20XW" reads better than "20XW"; "Dell Inc." + "Latitude 5420" stays as given when the model already names the maker.
    hardwareModel: !maker || model.toLowerCase().startsWith(maker.toLowerCase()) ? model : `${maker} ${model}`.trim(),
  });
};

/** Runs the script once; a failure is a coded reason, for the caller to log and fall back. */
export const readWindowsDeviceFacts = (timeoutMs = WINDOWS_DEVICE_FACTS_TIMEOUT_MS): Promise<Parsed<WindowsDeviceFacts>> =>
  readPowerShellOnce(powershellSource(WINDOWS_DEVICE_FACTS_SOURCE, WINDOWS_DEVICE_FACTS_SCRIPT, timeoutMs), parseWindowsDeviceFacts);
