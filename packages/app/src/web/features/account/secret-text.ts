/** "JBSW Y3DP EHPK 3PXP": a base32 secret in groups of four, easier to type without losing your place. */
export function groupInFours(secret: string): string {
  return (secret.replace(/\s/g, '').match(/.{1,4}/g) ?? []).join(' ');
}
