// Small statistics over repeated measurements.

/** The median of `values` (mean of the middle two for an even count); NaN when empty. */
export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The largest of `values`; NaN when empty. */
export function max(values) {
  return values.length === 0 ? NaN : Math.max(...values);
}
