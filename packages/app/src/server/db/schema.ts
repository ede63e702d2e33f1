// Every table, for Drizzle's query builder and drizzle-kit. Tables live beside their module.
export { accounts, sessions, twoFactors, userSites, users, verifications } from '../auth/auth.table.ts';
export { auditEvents } from '../modules/audit/audit.table.ts';
export { organisations } from '../modules/organisations/organisations.table.ts';
export { sites } from '../modules/sites/sites.table.ts';
