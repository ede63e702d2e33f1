import type { UserSummary } from '../../../contract/users.ts';

export function siteNamesOf(user: UserSummary, siteNames: Map<string, string>): string {
  if (user.siteIds.length === 0) return 'No sites';
  return user.siteIds.map((id) => siteNames.get(id) ?? 'Unknown site').join(', ');
}

export const statusLabel = (user: UserSummary) => (user.isDisabled ? 'Disabled' : 'Active');
export const twoFactorLabel = (user: UserSummary) => (user.isTwoFactorEnabled ? 'On' : 'Off');
