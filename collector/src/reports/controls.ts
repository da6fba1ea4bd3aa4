// The five controls of the evidence pack, each with the external requirement it gives evidence for.
import type { CheckName } from '@invigilator/shared/checks.ts';

export interface ControlInfo {
  check: CheckName;
  title: string;
  /** The DfE cyber security standard for schools and colleges this control is evidence for. */
  dfeStandard: string;
  /** The Cyber Essentials technical control (and the part of it) this control is evidence for. */
  cyberEssentials: string;
  /** What the headline figure measures, in a governor's words. */
  measure: string;
}

export const CONTROLS: readonly ControlInfo[] = [
  {
    check: 'firewall', title: 'Firewall',
    dfeStandard: 'Protect all devices on every network with a properly configured boundary or software firewall; '
      + 'document and regularly review why inbound traffic is permitted.',
    cyberEssentials: 'Firewalls: a software firewall on every device, inbound connections blocked by default, each '
      + 'permitted inbound rule approved and documented with its business need.',
    measure: 'Share of school time the devices\' firewalls were on',
  },
  {
    check: 'encryption', title: 'Disk encryption',
    dfeStandard: 'Network devices should be known and recorded with their security features enabled, correctly '
      + 'configured and kept up to date (data protection: personal data on devices is encrypted).',
    cyberEssentials: 'Secure configuration: security features of each device enabled and configured.',
    measure: 'Share of devices encrypted at their last report in the term',
  },
  {
    check: 'antivirus', title: 'Anti-virus',
    dfeStandard: 'Use anti-malware software to protect all devices in the network, including cloud-based networks.',
    cyberEssentials: 'Malware protection: anti-malware active on every device, its signatures kept up to date.',
    measure: 'Share of device school days with anti-virus on and signatures within the school\'s age limit',
  },
  {
    check: 'password-policy', title: 'Password policy',
    dfeStandard: 'Accounts should only have the access they require to perform their role and should be '
      + 'authenticated to access data and services.',
    cyberEssentials: 'User access control and secure configuration: password-based authentication with a minimum '
      + 'length and protection against guessing, as the school\'s policy sets.',
    measure: 'Share of devices meeting the school\'s password rules at their last report in the term',
  },
  {
    check: 'removable-media', title: 'Removable media',
    dfeStandard: 'Network devices should be known and recorded with their security features enabled and correctly '
      + 'configured (removable media controlled as the school\'s policy says).',
    cyberEssentials: 'Secure configuration: devices configured to reduce the ways data and malware can enter or leave.',
    measure: 'Times removable media was attached to a school device during the term',
  },
];
