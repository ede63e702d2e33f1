/** UK number style for tables: money to pence, ratios to 2 decimal places. Display only. */

const PENCE = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PLAIN = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** £1,252,334.00; negatives as -£1,000.00. */
export function formatMoney(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const text = PENCE.format(Math.abs(value));
  // Values that round to £0.00 print without a sign.
  return value < 0 && text !== '0.00' ? `-£${text}` : `£${text}`;
}

/** The SROI ratio as the guide writes it: "£1 : £2.28". */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'n/a';
  return ratio < 0 ? `£1 : -£${Math.abs(ratio).toFixed(2)}` : `£1 : £${ratio.toFixed(2)}`;
}

/** 0.2 → "20%"; up to one decimal place. */
export function formatPercent(share: number): string {
  return `${PLAIN.format(Number((share * 100).toFixed(1)))}%`;
}

/** 1234.5 → "1,234.5". */
export function formatNumber(value: number): string {
  return PLAIN.format(value);
}
