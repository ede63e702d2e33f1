import type { Permission, Role } from '../../contract/roles.ts';

/**
 * Who may do what: the single declaration of every role's permissions, written to be read by a
 * data-protection lead. Scope (which organisation, which sites) is applied separately, inside
 * each query, from the signed-in user's own sites (see scope.ts).
 */
export const rolePermissions: Record<Role, readonly Permission[]> = {
  admin: [
    'own_account',
    'organisation:read',
    'organisation:manage',
    'sites:read',
    'sites:manage',
    'users:read',
    'users:manage',
    'audit:read',
    'reports:read',
    'social_value:read',
  ],
  coordinator: [
    'own_account',
    'organisation:read',
    'sites:read',
    'users:read',
    'cases:read',
    'cases:write',
    'cases:allocate',
    'contacts:write',
    'contact_notes:read',
    'fund:apply',
    'fund:decide',
    'imports:run',
    'reports:read',
    'exports:mds',
    'exports:pseudonymised',
    'social_value:read',
    'social_value:edit',
  ],
  // Peer supporters and volunteers reach only the cases they are allocated to (scope, not permission).
  peer_supporter: [
    'own_account',
    'organisation:read',
    'sites:read',
    'cases:read',
    'cases:write',
    'contacts:write',
    'contact_notes:read',
    'fund:apply',
  ],
  volunteer: ['own_account', 'organisation:read', 'sites:read', 'cases:read', 'contacts:write'],
  // Evaluators see aggregates and pseudonymised extracts, never a name; they edit their sites' impact maps.
  evaluator: [
    'own_account',
    'organisation:read',
    'sites:read',
    'reports:read',
    'exports:pseudonymised',
    'social_value:read',
    'social_value:edit',
  ],
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
