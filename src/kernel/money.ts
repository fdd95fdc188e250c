/**
 * Money is integer euro cents. Dutch btw (VAT) categories; prices are entered excl. btw,
 * as public-sector customers are quoted, and the amount incl. btw is derived.
 */
export const vatCategories = ['standard', 'reduced', 'exempt'] as const;
export type VatCategory = (typeof vatCategories)[number];

/** Rate in percent per category (Wet OB 1968: 21 % hoog, 9 % laag, vrijgesteld). */
export const vatRatePercent: Record<VatCategory, number> = { standard: 21, reduced: 9, exempt: 0 };

export const vatLabelNl: Record<VatCategory, string> = {
  standard: '21% btw',
  reduced: '9% btw',
  exempt: 'vrijgesteld van btw',
};

/** btw on an amount excl. btw, rounded half up to whole cents (per line, as on an invoice). */
export function vatCents(amountExclCents: number, category: VatCategory): number {
  return Math.round((amountExclCents * vatRatePercent[category]) / 100);
}

export function inclVatCents(amountExclCents: number, category: VatCategory): number {
  return amountExclCents + vatCents(amountExclCents, category);
}

const eur = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });

/** "€ 1.800,00" — Dutch notation with a (non-breaking) space after the euro sign. */
export function formatEuro(cents: number): string {
  return eur.format(cents / 100);
}
