/**
 * Anti-virus products whose definitions update on their own, slower rhythm: Apple
 * publishes XProtect about once a week, so the general 72 hours would fail most Macs
 * most days. 192 hours = 8 days. A pack without `maxSignatureAgeHoursByProduct` gets these.
 */
export const DEFAULT_PRODUCT_SIGNATURE_AGE_HOURS: Readonly<Record<string, number>> = Object.freeze({ XProtect: 192 });

/** The limit for one product: its own when the pack names it (any letter case), else the general one. */
export const signatureAgeLimitHours = (
  settings: { maxSignatureAgeHours: number; maxSignatureAgeHoursByProduct: Readonly<Record<string, number>> }, productName: string,
): number => {
  const wanted = productName.trim().toLowerCase();
  const entry = Object.entries(settings.maxSignatureAgeHoursByProduct).find(([name]) => name.trim().toLowerCase() === wanted);
  return entry?.[1] ?? settings.maxSignatureAgeHours;
};

/** A pack without `chromeosMaxVersionsBehind` gets this (see default-pack.ts for why 6). */
export const DEFAULT_CHROMEOS_MAX_VERSIONS_BEHIND = 6;
