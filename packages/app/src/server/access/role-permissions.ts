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
    // Safeguarding (as a named lead: the chain decides which concerns), register, voice (issue 6)
    'safeguarding:read',
    'safeguarding:configure',
    'safeguarding:report',
    'social_capital:read',
    'voice:submit',
    // Outcomes (issue 5): builds instruments; reads the analysis, never answers
    'surveys:manage',
    'outcomes:read',
    // Daily check-ins (issue 5): the SMS outbox of their organisation's sites
    'sms_outbox:read',
    // Peer workforce (issue 6): reads the workforce (never lived experience) and keeps DBS checks
    'workforce:read',
    'safety_checks:manage',
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
    // Safeguarding, social capital register, voice (issue 6)
    'safeguarding:raise',
    'safeguarding:read',
    'safeguarding:configure',
    'safeguarding:report',
    'social_capital:read',
    'social_capital:manage',
    'voice:submit',
    'voice:manage',
    // Outcomes (issue 5): instruments, surveys of their sites' cases, analysis
    'surveys:manage',
    'surveys:administer',
    'outcomes:read',
    // Daily check-ins (issue 5): their sites' check-ins, dashboard and settings, the SMS outbox
    'check_ins:manage',
    'check_ins:monitor',
    'sms_outbox:read',
    // Peer workforce (issue 6): supervision notes only for people they supervise (row level)
    'workforce:read',
    'workforce:manage',
    'workforce:lived_experience',
    'hours:approve',
    'training:manage',
    'supervision:record',
    'safety_checks:manage',
    'access_limits:manage',
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
    // Safeguarding (only concerns they raised or whose chain reached them), register, voice (issue 6)
    'safeguarding:raise',
    'safeguarding:read',
    'social_capital:read',
    'voice:submit',
    // Outcomes (issue 5): surveys of their allocated cases
    'surveys:administer',
    // Daily check-ins (issue 5): of their allocated cases
    'check_ins:manage',
    // Peer workforce (issue 6): their own hours, supervision and wellbeing plan (row level)
    'hours:log',
    'supervision:record',
  ],
  volunteer: [
    'own_account',
    'organisation:read',
    'sites:read',
    'cases:read',
    'contacts:write',
    // Safeguarding and voice (issue 6)
    'safeguarding:raise',
    'safeguarding:read',
    'voice:submit',
    // Outcomes (issue 5): surveys of their allocated cases
    'surveys:administer',
    // Daily check-ins (issue 5): of their allocated cases
    'check_ins:manage',
    // Peer workforce (issue 6): their own hours, supervision and wellbeing plan (row level)
    'hours:log',
    'supervision:record',
  ],
  // Evaluators see aggregates and pseudonymised extracts, never a name; they edit their sites' impact maps.
  evaluator: [
    'own_account',
    'organisation:read',
    'sites:read',
    'reports:read',
    'exports:pseudonymised',
    'social_value:read',
    'social_value:edit',
    // Voice (issue 6)
    'voice:submit',
    // Outcomes (issue 5): aggregates only, counts from 1 to 7 suppressed
    'outcomes:read',
  ],
};

export function can(role: Role, permission: Permission): boolean {
  return rolePermissions[role].includes(permission);
}
