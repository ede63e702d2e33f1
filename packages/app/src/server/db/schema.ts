// Every table, for Drizzle's query builder and drizzle-kit. Tables live beside their module.
export { accounts, sessions, twoFactors, userSites, users, verifications } from '../auth/auth.table.ts';
export { auditEvents } from '../modules/audit/audit.table.ts';
export { cases, caseWorkers } from '../modules/cases/cases.table.ts';
// Daily check-ins (modules/check-ins)
export {
  checkInAlerts,
  checkInEnrolments,
  checkInSiteSettings,
  checkIns,
  smsOutbox,
} from '../modules/check-ins/check-ins.table.ts';
export { contacts } from '../modules/contacts/contacts.table.ts';
export { fundApplications } from '../modules/fund/fund.table.ts';
// Safeguarding, matching, social capital register, peer and service-user voice (issue 6 §6, 8–10)
export { caseMatchingProfiles, matchingSiteWeights } from '../modules/matching/matching.table.ts';
export { notifications } from '../modules/notifications/notifications.table.ts';
export { organisations } from '../modules/organisations/organisations.table.ts';
// Outcomes: survey instruments, surveys and their indicator answers.
export {
  surveyIndicatorAnswers,
  surveyInstruments,
  surveyInstrumentVersions,
  surveys,
} from '../modules/outcomes/outcomes.table.ts';
export {
  safeguardingConcernEvents,
  safeguardingConcerns,
  safeguardingConcernViewers,
  safeguardingEscalationSteps,
} from '../modules/safeguarding/safeguarding.table.ts';
export { sites } from '../modules/sites/sites.table.ts';
export {
  partnerContacts,
  partnerOrganisations,
  relationshipHolders,
} from '../modules/social-capital/social-capital.table.ts';
export {
  financialProxies,
  impactMapCosts,
  impactMapOutcomes,
  impactMapStakeholders,
  impactMaps,
} from '../modules/social-value/social-value.table.ts';
export { voiceItems } from '../modules/voice/voice.table.ts';
// Peer workforce (issue 6: people, safety, access limits, hours, training, supervision)
export { accessLimits } from '../modules/workforce/access-limits/access-limits.table.ts';
export { hoursLogs } from '../modules/workforce/hours/hours.table.ts';
export {
  workforceMembers,
  workforcePauses,
  workforceRoleHistory,
  workforceSettings,
} from '../modules/workforce/people/people.table.ts';
export { renewalRemindersSent } from '../modules/workforce/safety/renewal-reminders.table.ts';
export { dbsChecks } from '../modules/workforce/safety/safety.table.ts';
export { supervisionSessions, wellbeingPlans } from '../modules/workforce/supervision/supervision.table.ts';
export {
  trainingCertificates,
  trainingCohorts,
  trainingCourses,
  trainingEnrolments,
  trainingModules,
} from '../modules/workforce/training/training.table.ts';
