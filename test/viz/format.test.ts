import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDay,
  formatHours,
  formatMoney,
  formatNumber,
  formatPercent,
} from '../../viz/format.js';

describe('format', () => {
  it('formatCount(value) shows counts compactly for people', () => {
    expect([0, 7, 950, 999, 1000, 1234, 12_345, 999_999, 4_500_000, 1.2e9, -2500].map(formatCount)).toEqual([
      '0',
      '7',
      '950',
      '999',
      '1k',
      '1.2k',
      '12.3k',
      '1M',
      '4.5M',
      '1.2B',
      '-2.5k',
    ]);
  });

  it('formatPercent(fraction) keeps one decimal and more digits for tiny shares', () => {
    expect([0, 0.045, 0.5, 1, 0.00012, -0.953].map(formatPercent)).toEqual([
      '0%',
      '4.5%',
      '50%',
      '100%',
      '0.012%',
      '-95.3%',
    ]);
  });

  it('formatMoney, formatNumber, formatDay and formatHours read naturally and show a dash for NaN', () => {
    expect(formatMoney(38_500)).toBe('$38.5k');
    expect(formatMoney(8.5)).toBe('$8.5');
    expect(formatNumber(2.345)).toBe('2.35');
    expect(formatNumber(2)).toBe('2');
    expect(formatDay(3.46)).toBe('day 3.5');
    expect(formatDay(42.4)).toBe('day 42');
    expect([0.5, 6, 60].map(formatHours)).toEqual(['30 min', '6 h', '2.5 days']);
    expect([
      formatCount(Number.NaN),
      formatPercent(Number.POSITIVE_INFINITY),
      formatNumber(Number.NaN),
    ]).toEqual(['—', '—', '—']);
  });
});
