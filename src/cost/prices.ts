/** The one price table (prices.json): list prices with their date and sources. */
import prices from "./prices.json";

export type Prices = typeof prices;
export const PRICES: Prices = prices;

/** Monthly price of `n` custom metrics across the tiered bands. */
export function customMetricsMonthly(n: number, p: Prices = PRICES): number {
  let left = n;
  let floor = 0;
  let usd = 0;
  for (const band of p.customMetric.tiers) {
    const size = band.upTo === null ? left : Math.min(left, band.upTo - floor);
    usd += size * band.usd;
    left -= size;
    if (band.upTo !== null) floor = band.upTo;
    if (left <= 0) break;
  }
  return usd;
}
