// How the agent trusts the collector it talks to: the system's CAs, a CA file, or a pinned certificate
// (its SHA-256, given at enrolment or accepted on first use). A pin is checked on the upgrade answer,
// before the agent sends anything: neither the enrolment secret nor the device credential reach an impostor.
import type { DetailedPeerCertificate, TLSSocket } from 'node:tls';
import { InvigilatorError } from '@invigilator/shared/errors.ts';

export interface CollectorTrust {
  caFile?: string;
  /** 64 hex digits: a certificate of the collector's chain must have this SHA-256. */
  pinSha256?: string;
  /**
   * Enrolment only, for a chain this device does not trust: 'accept' pins it (trust on first use, asked for
   * with --trust-first-use); 'show' refuses before the secret is sent and says which fingerprint to confirm.
   */
  firstUse?: 'accept' | 'show';
}

/** "SHA256:AB:CD…", "ab cd …" or "abcd…" → 64 upper-case hex digits; anything else is refused. */
export const normaliseFingerprint = (text: string): string => {
  const hex = text.trim().replace(/^sha-?256[:=]?/i, '').replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) {
    throw new InvigilatorError('USAGE_INVALID', `The fingerprint "${text}" is not a SHA-256 (64 hexadecimal digits, as the collector prints it).`);
  }
  return hex;
};

/** The SHA-256 of each certificate the collector presented, leaf first. */
export const chainFingerprints = (socket: TLSSocket): string[] => {
  const fingerprints: string[] = [];
  let cert: DetailedPeerCertificate | undefined = socket.getPeerCertificate(true);
  while (cert?.fingerprint256 && !fingerprints.includes(normaliseFingerprint(cert.fingerprint256))) {
    fingerprints.push(normaliseFingerprint(cert.fingerprint256));
    cert = cert.issuerCertificate;
  }
  return fingerprints;
};

/** "AB:CD:…" as people compare it with what the collector printed. */
export const showFingerprint = (hex: string): string => hex.match(/../g)?.join(':') ?? hex;

