import type { UserSummary } from '../../../contract/users.ts';

/**
 * "Wiltshire, Leeds". Sites this person cannot see are counted, not named: "Wiltshire and 1 other site".
 */
export function siteNamesOf(user: UserSummary, siteNames: Map<string, string>): string {
  if (user.siteIds.length === 0) return 'No sites';
  const known = user.siteIds.flatMap((id) => siteNames.get(id) ?? []);
  const others = user.siteIds.length - known.length;
  if (others === 0) return known.join(', ');
  const otherText = `${others} other ${others === 1 ? 'site' : 'sites'}`;
  return known.length === 0 ? otherText : `${known.join(', ')} and ${otherText}`;
}

export const statusLabel = (user: UserSummary) => (user.isDisabled ? 'Disabled' : 'Active');
export const twoFactorLabel = (user: UserSummary) => (user.isTwoFactorEnabled ? 'On' : 'Off');
