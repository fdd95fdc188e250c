import { describe, expect, it } from 'vitest';
import { formatDateNl, formatTimeRangeNl, isoLocal } from './dates';
import { formatEuro, inclVatCents, vatCents } from './money';
import { escapeHtml, normalisePostcode, slugify } from './text';

describe('money', () => {
  it.each([
    [180000, 'standard', 37800, 217800],
    [180000, 'reduced', 16200, 196200],
    [180000, 'exempt', 0, 180000],
    [1, 'standard', 0, 1],
    [3, 'standard', 1, 4],
  ] as const)('%i cents excl. in %s: btw %i, incl. %i', (excl, cat, vat, incl) => {
    expect(vatCents(excl, cat)).toBe(vat);
    expect(inclVatCents(excl, cat)).toBe(incl);
  });
  it('writes euros the Dutch way', () => {
    expect(formatEuro(180000)).toBe('€\u00a01.800,00');
    expect(formatEuro(5)).toBe('€\u00a00,05');
  });
});

describe('dates', () => {
  it('writes dates and times in Dutch, in Amsterdam time', () => {
    expect(formatDateNl(new Date('2021-01-28T12:00:00Z'))).toBe('donderdag 28 januari 2021');
    expect(formatTimeRangeNl(new Date('2021-01-28T13:00:00Z'), new Date('2021-01-28T16:00:00Z'))).toBe('14:00–17:00 uur');
  });
  it('gives API times with the Amsterdam offset, summer and winter', () => {
    expect(isoLocal(new Date('2021-01-28T13:00:00Z'))).toBe('2021-01-28T14:00:00+01:00');
    expect(isoLocal(new Date('2021-06-28T12:00:00Z'))).toBe('2021-06-28T14:00:00+02:00');
  });
});

describe('text', () => {
  it.each([
    ['2526 BN', '2526 BN'],
    ['2526bn', '2526 BN'],
    [' 3941 ka ', '3941 KA'],
    ['0526 BN', null],
    ['2526 SS', null],
    ['2526-BN', null],
    ['25266 BN', null],
    ['', null],
  ])('postcode %j → %j', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });
  it('makes URL slugs from Dutch titles', () => {
    expect(slugify('Werkplaats ‘Werken aan wijkontwikkeling’ – Doorn')).toBe('werkplaats-werken-aan-wijkontwikkeling-doorn');
    expect(slugify('Coöperatie & Café')).toBe('cooperatie-cafe');
  });
  it('escapes the five characters that matter in HTML text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;');
    expect(escapeHtml('Coöperatie')).toBe('Coöperatie');
  });
});
