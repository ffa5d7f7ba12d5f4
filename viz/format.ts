/**
 * Number formatting for people: compact counts (12.3k, 4.5M), percentages (4.5%), money ($1.2k),
 * days (day 12.5) and ratios. Pure functions; every one returns '—' for a value that is not finite,
 * so a missing metric never shows as NaN.
 */

const DASH = '—';

/** A count in compact form: 950, 12.3k, 4.5M, 1.2B. Integers below 1000 are shown whole. */
export function formatCount(value: number): string {
  if (!Number.isFinite(value)) return DASH;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  if (abs < 1000) return sign + (Number.isInteger(abs) ? String(abs) : trim(abs.toFixed(1)));
  const units: [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'k'],
  ];
  for (const [size, suffix] of units) {
    if (abs >= size * 0.9995) {
      const scaled = abs / size;
      return sign + trim(scaled >= 100 ? scaled.toFixed(0) : scaled.toFixed(1)) + suffix;
    }
  }
  return sign + String(abs);
}

/** A fraction as a percentage: 0.045 → 4.5%, 0.5 → 50%, 0.00012 → 0.012%. */
export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return DASH;
  const pct = fraction * 100;
  const abs = Math.abs(pct);
  const digits = abs === 0 || abs >= 10 ? (abs >= 99.95 || abs === 0 ? 0 : 1) : abs >= 0.1 ? 1 : 3;
  return `${trim(pct.toFixed(digits))}%`;
}

/** Money with a currency sign and compact units: $1.2k, -$350. */
export function formatMoney(value: number, currency = '$'): string {
  if (!Number.isFinite(value)) return DASH;
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const body = abs < 1000 ? trim(abs.toFixed(abs < 10 ? 2 : 0)) : formatCount(abs);
  return `${sign}${currency}${body}`;
}

/** A plain number with up to `digits` significant decimals: 2.345 → 2.35, 2 → 2. */
export function formatNumber(value: number, digits = 2): string {
  if (!Number.isFinite(value)) return DASH;
  if (Math.abs(value) >= 1000) return formatCount(value);
  return trim(value.toFixed(digits));
}

/** A time in days: "day 12", "day 3.5". */
export function formatDay(time: number): string {
  if (!Number.isFinite(time)) return DASH;
  return `day ${trim(time.toFixed(time < 10 ? 1 : 0))}`;
}

/** A duration in hours, shown in the unit a person would use: "45 min", "6 h", "2.5 days". */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) return DASH;
  if (hours < 1) return `${Math.round(hours * 60)} min`;
  if (hours < 48) return `${trim(hours.toFixed(hours < 10 ? 1 : 0))} h`;
  return `${trim((hours / 24).toFixed(1))} days`;
}

function trim(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
