// TLS for a collector reachable beyond this machine when the school brings no certificate: on first
// start it makes its own CA and a server certificate signed by it, kept in the data folder (keys 0600),
// and prints the CA's SHA-256 fingerprint for agents to pin at enrolment.
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { InvigilatorError } from '@invigilator/shared/errors.ts';

export const TLS_DIR = 'tls';
const YEAR_MS = 365 * 86_400_000;

export interface TlsFiles { certFile: string; keyFile: string }
export interface OwnCertificate extends TlsFiles { caFile: string; fingerprint: string; created: boolean }

/** SHA-256 of a certificate's DER, as "AB:CD:…" (the form browsers and `openssl x509 -fingerprint` show). */
export const fingerprintOf = (pem: string | Buffer): string => new X509Certificate(pem).fingerprint256;

/** The fingerprint agents pin: the last certificate of the chain the collector presents (its CA, for its own). */
export const chainFingerprint = (certPem: string | Buffer): string => {
  const blocks = String(certPem).match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const last = blocks.at(-1);
  if (!last) throw new InvigilatorError('CONFIG_INVALID', 'The TLS certificate file holds no PEM certificate.');
  return fingerprintOf(last);
};

const serial = (): string => `01${randomBytes(15).toString('hex')}`;

const newKeys = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privatePem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    forgePrivate: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    forgePublic: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
};

/** Every name and address an agent may use to reach this machine (the pin, not the name, is what agents trust). */
const subjectAltNames = (listenHost: string) => {
  const addresses = new Set<string>(['127.0.0.1', '::1']);
  for (const list of Object.values(networkInterfaces())) for (const entry of list ?? []) addresses.add(entry.address.split('%')[0] ?? entry.address);
  if (isIP(listenHost) && listenHost !== '0.0.0.0' && listenHost !== '::') addresses.add(listenHost);
  const names = new Set<string>(['localhost', hostname()]);
  if (!isIP(listenHost)) names.add(listenHost);
  return [
    ...[...names].map((value) => ({ type: 2, value })),
    ...[...addresses].filter((ip) => isIP(ip)).map((ip) => ({ type: 7, ip })),
  ];
};

type ForgeName = forge.pki.CertificateField[];

/** One certificate: `years` valid from a minute ago, named, issued by `issuer`, signed with `signingKey`. */
const certificate = (
  keys: ReturnType<typeof newKeys>, subject: ForgeName, issuer: ForgeName, years: number, now: number,
  extensions: object[], signingKey: forge.pki.rsa.PrivateKey,
): forge.pki.Certificate => {
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.forgePublic;
  cert.serialNumber = serial();
  cert.validity.notBefore = new Date(now - 60_000);
  cert.validity.notAfter = new Date(now + years * YEAR_MS);
  cert.setSubject(subject);
  cert.setIssuer(issuer);
  cert.setExtensions(extensions);
  cert.sign(signingKey, forge.md.sha256.create());
  return cert;
};

const makeCertificates = (listenHost: string, now: number) => {
  const caKeys = newKeys();
  const caName = [{ name: 'commonName', value: `Invigilator collector CA (${hostname()})` }];
  const ca = certificate(caKeys, caName, caName, 20, now, [
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ], caKeys.forgePrivate);
  const serverKeys = newKeys();
  const server = certificate(serverKeys, [{ name: 'commonName', value: hostname() }], caName, 2, now, [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: subjectAltNames(listenHost) },
  ], caKeys.forgePrivate);
  return {
    caPem: forge.pki.certificateToPem(ca), caKeyPem: caKeys.privatePem,
    serverPem: forge.pki.certificateToPem(server), serverKeyPem: serverKeys.privatePem,
  };
};

const writePrivate = (file: string, text: string, mode: number): void => {
  writeFileSync(file, text, { mode });
  chmodSync(file, mode);
};

/** The collector's own CA and server certificate in `dataDir/tls`, made on first use and reused after. */
export const ensureOwnCertificate = (dataDir: string, listenHost: string, now: number): OwnCertificate => {
  const dir = join(dataDir, TLS_DIR);
  const files = { caFile: join(dir, 'ca.pem'), certFile: join(dir, 'server-chain.pem'), keyFile: join(dir, 'server-key.pem') };
  const caKeyFile = join(dir, 'ca-key.pem');
  let created = false;
  try {
    if (!existsSync(files.certFile) || !existsSync(files.keyFile) || !existsSync(files.caFile)) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      chmodSync(dir, 0o700);
      const made = makeCertificates(listenHost, now);
      writePrivate(caKeyFile, made.caKeyPem, 0o600);
      writePrivate(files.keyFile, made.serverKeyPem, 0o600);
      writePrivate(files.caFile, made.caPem, 0o644);
      // The chain: agents see the CA too, and pin it.
      writePrivate(files.certFile, `${made.serverPem}${made.caPem}`, 0o644);
      created = true;
    }
    return { ...files, fingerprint: fingerprintOf(readFileSync(files.caFile)), created };
  } catch (error) {
    throw new InvigilatorError('STATE_DIR_UNUSABLE', `(the collector's own TLS certificate in ${dir}: ${(error as Error).message})`, { cause: error });
  }
};

