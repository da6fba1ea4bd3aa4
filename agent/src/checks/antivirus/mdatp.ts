// Microsoft Defender for Endpoint beside the platform's own product (XProtect on
// macOS, ClamAV on Linux). Not installed: no Defender product, not an error.
import { CollectionStatus } from '@invigilator/shared/wire.ts';
import { couldNotCollect, isAbsent, parseSource } from '../findings.ts';
import { parsed, type Collected, type CommandSource, type Finding, type Parsed } from '../types.ts';
import type { AntivirusProduct } from './antivirus-product.ts';
import { MDATP_PRODUCT_NAME, parseMdatpHealth } from './parse-mdatp-health.ts';
import { isMdatpJson, parseMdatpHealthJson } from './parse-mdatp-health-json.ts';

const MDATP_FILES = { macos: '/usr/local/bin/mdatp', linux: '/usr/bin/mdatp' } as const;

export const mdatpSource = (platform: keyof typeof MDATP_FILES): CommandSource => ({
  kind: 'command', id: `${platform}.mdatp-health`, file: MDATP_FILES[platform], args: ['health', '--output', 'json'], timeoutMs: 30_000,
});

/** The JSON form the agent asks for; the text form still read from bundles of agents before it. */
const parseEitherForm = (text: string, collectedAtMs: number | undefined): Parsed<AntivirusProduct> =>
  isMdatpJson(text) ? parseMdatpHealthJson(text, collectedAtMs) : parseMdatpHealth(text, collectedAtMs);

/** Defender's product, undefined when mdatp is not installed, or why it could not be read. */
export const readMdatp = (collected: Collected, id: string): Parsed<AntivirusProduct | undefined> => {
  if (isAbsent(collected, id)) return parsed(undefined);
  return parseSource(collected, id, (text) => parseEitherForm(text, collected.get(id)?.collectedAtMs));
};

const productNames = (finding: Finding): string =>
  (finding.antivirus?.products ?? []).map((product) => product.name).join(' and ');

/**
 * Adds Defender to the platform product's finding.
 *
 * Defender installed but unreadable makes the whole check COULD_NOT_COLLECT, even
 * when the other product was read: the observation has no way to say "this list
 * is incomplete", so a list without Defender would state that it is not there. A
 * Defender that is switched off or out of date would then vanish instead of being
 * judged, and an alert on a product switched off could turn into silence. The
 * reason names mdatp and what was read, so the technician knows where to look.
 */
export const withMdatp = (platformFinding: Finding, mdatp: Parsed<AntivirusProduct | undefined>): Finding => {
  if (!mdatp.ok) {
    const defenderReason = `${MDATP_PRODUCT_NAME} (\`mdatp health\`) could not be read: ${mdatp.reason}`;
    if (platformFinding.status !== CollectionStatus.COLLECTED) {
      return { ...platformFinding, reason: `${platformFinding.reason ?? ''} ${defenderReason}`.trim() };
    }
    const read = productNames(platformFinding);
    return couldNotCollect(mdatp.code, read
      ? `${defenderReason} ${read} was read, but a product list without ${MDATP_PRODUCT_NAME} would be incomplete.`
      : defenderReason);
  }
  if (!mdatp.value || platformFinding.status !== CollectionStatus.COLLECTED) return platformFinding;
  return {
    ...platformFinding,
    antivirus: { products: [...(platformFinding.antivirus?.products ?? []), mdatp.value] },
  };
};
