import { signatureAgeLimitHours } from '@invigilator/shared/policy/product-signature-ages.ts';
import type { PolicyPack } from '@invigilator/shared/policy/types.ts';
import type { Observation } from '@invigilator/shared/wire.ts';
import { Tri } from '@invigilator/shared/wire.ts';
import { ageInWords, intFact, timeInWords, triOf } from '../facts.ts';
import { emptyFindings, failOrUnknown, sentence, type Findings, type Judgement } from '../verdict.ts';

type AntivirusFacts = NonNullable<Observation['antivirus']>;
type Product = NonNullable<AntivirusFacts['products']>[number];
type AntivirusSettings = PolicyPack['checks']['antivirus'];

const HOUR_MS = 3_600_000;

const productName = (product: Product): string => product.name || 'an unnamed anti-virus product';

/** Signatures: the update time when the device knows it, else the product's own up-to-date opinion. */
const signatureFindings = (product: Product, settings: AntivirusSettings, now: Date, findings: Findings): string => {
  const name = productName(product);
  const updatedAtMs = intFact(product.signaturesUpdatedAtMs);
  if (updatedAtMs > 0) {
    const ageMs = now.getTime() - updatedAtMs;
    const limitHours = signatureAgeLimitHours(settings, product.name ?? '');
    if (ageMs > limitHours * HOUR_MS) {
      const own = limitHours === settings.maxSignatureAgeHours ? '' : ` for ${name}`;
      findings.gaps.push({
        code: 'SIGNATURES_STALE',
        text: `${name} signatures are ${ageInWords(ageMs)} old (last updated ${timeInWords(updatedAtMs)}); `
          + `the school allows at most ${limitHours} hours${own}`,
      });
    }
    return `its signatures are ${ageInWords(ageMs)} old`;
  }
  const upToDate = triOf(product.reportsUpToDate);
  if (upToDate === Tri.TRI_NO) {
    findings.gaps.push({ code: 'SIGNATURES_STALE', text: `${name} reports that its signatures are out of date` });
  } else if (upToDate === Tri.TRI_UNKNOWN) {
    findings.unknowns.push(`when the ${name} signatures were last updated`);
  }
  return 'it reports its signatures up to date';
};

/** The device's own account of real-time protection, where the product has no switch (XProtect). */
const basisOf = (product: Product): string => (product.realtimeProtectionBasis ?? '').trim().replace(/\.$/, '');

interface ProductJudgement {
  findings: Findings;
  summary: string;
  /** Why real-time protection is unknown, in the device's words, when it said. */
  unknownBecause?: string;
}

const judgeProduct = (product: Product, settings: AntivirusSettings, now: Date): ProductJudgement => {
  const findings = emptyFindings();
  const name = productName(product);
  if (triOf(product.enabled) === Tri.TRI_NO) {
    findings.gaps.push({ code: 'ANTIVIRUS_OFF', text: `${name} is switched off` });
    return { findings, summary: '' };
  }
  const realtime = triOf(product.realtimeProtection);
  const basis = basisOf(product);
  let unknownBecause: string | undefined;
  if (settings.requireRealtimeProtection && realtime === Tri.TRI_NO) {
    findings.gaps.push({ code: 'REALTIME_OFF', text: basis || `${name} has real-time protection switched off` });
  } else if (settings.requireRealtimeProtection && realtime === Tri.TRI_UNKNOWN) {
    findings.unknowns.push(`whether ${name} has real-time protection on`);
    unknownBecause = basis ? `${sentence(basis)}.` : undefined;
  }
  const signatures = signatureFindings(product, settings, now, findings);
  const protection = realtime === Tri.TRI_YES ? ' with real-time protection' : '';
  const because = realtime === Tri.TRI_YES && basis ? ` ${sentence(basis)}.` : '';
  return { findings, summary: `${name} is on${protection} and ${signatures}.${because}`, unknownBecause };
};

/** One good product is enough: schools may run a second scanner beside the main one. */
export const judgeAntivirus = (facts: AntivirusFacts, settings: AntivirusSettings, now: Date): Judgement => {
  const products = facts.products ?? [];
  if (products.length === 0) {
    return { status: 'fail', reasonCode: 'NO_ANTIVIRUS', reason: 'No anti-virus product was found.' };
  }
  const judged = products.map((product) => judgeProduct(product, settings, now));
  const good = judged.find(({ findings }) => findings.gaps.length === 0 && findings.unknowns.length === 0);
  if (good) return { status: 'pass', reasonCode: 'ANTIVIRUS_OK', reason: good.summary };
  // No product passes: unknown if some product fails only for want of a fact.
  const undecided = judged.filter(({ findings }) => findings.gaps.length === 0);
  const merged: Findings = undecided.length > 0
    ? { gaps: [], unknowns: undecided.flatMap(({ findings }) => findings.unknowns) }
    : { gaps: judged.flatMap(({ findings }) => findings.gaps), unknowns: [] };
  const judgement = failOrUnknown(merged, 'ANTIVIRUS_STATE_UNKNOWN');
  const because = undecided.flatMap(({ unknownBecause }) => (unknownBecause ? [unknownBecause] : []));
  return judgement.status === 'unknown' && because.length > 0 ? { ...judgement, reason: `${judgement.reason} ${because.join(' ')}` } : judgement;
};
