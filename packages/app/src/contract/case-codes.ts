import { z } from 'zod';

/**
 * The coded lists of a case record, shared by the API, the import and the reports. The first group
 * follows the NHS England Liaison and Diversion peer support data set (BRIEF §2); the rest are what a
 * service needs beyond it.
 */
export const referralSources = [
  'police_custody',
  'court',
  'probation',
  'liaison_diversion',
  'self',
  'multi_agency_review_board',
  'other',
] as const;
export const referralSource = z.enum(referralSources);
export type ReferralSource = z.infer<typeof referralSource>;
export const referralSourceLabels: Record<ReferralSource, string> = {
  police_custody: 'Police custody',
  court: 'Court',
  probation: 'Probation',
  liaison_diversion: 'Liaison and Diversion practitioner',
  self: 'Self-referral',
  multi_agency_review_board: 'Multi-agency review board',
  other: 'Other',
};

export const engagements = ['engaged', 'declined', 'no_data'] as const;
export const engagement = z.enum(engagements);
export type Engagement = z.infer<typeof engagement>;
export const engagementLabels: Record<Engagement, string> = {
  engaged: 'Engaged',
  declined: 'Declined',
  no_data: 'No data yet',
};

/** Where a case is in its life. Engagement is kept beside it: a discharged case was engaged or not. */
export const caseStatuses = ['referred', 'active', 'stepped_down', 'declined', 'discharged'] as const;
export const caseStatus = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof caseStatus>;
export const caseStatusLabels: Record<CaseStatus, string> = {
  referred: 'Referred',
  active: 'Full support',
  stepped_down: 'Step-down',
  declined: 'Declined',
  discharged: 'Discharged',
};

export const needs = ['homelessness', 'reoffending', 'substance_use', 'mental_health', 'other'] as const;
export const need = z.enum(needs);
export type Need = z.infer<typeof need>;
export const needLabels: Record<Need, string> = {
  homelessness: 'Homelessness',
  reoffending: 'Reoffending',
  substance_use: 'Substance use',
  mental_health: 'Mental health',
  other: 'Other',
};

export const complexities = ['low', 'moderate', 'high'] as const;
export const complexity = z.enum(complexities);
export type Complexity = z.infer<typeof complexity>;

export const genders = ['female', 'male', 'non_binary', 'other', 'not_stated'] as const;
export const gender = z.enum(genders);
export const genderPreferences = ['no_preference', 'female', 'male'] as const;
export const genderPreference = z.enum(genderPreferences);

export const dischargeReasons = [
  'goals_met',
  'disengaged',
  'moved_away',
  'transferred',
  'in_custody',
  'died',
  'other',
] as const;
export const dischargeReason = z.enum(dischargeReasons);
export type DischargeReason = z.infer<typeof dischargeReason>;
export const dischargeReasonLabels: Record<DischargeReason, string> = {
  goals_met: 'Goals met',
  disengaged: 'Disengaged',
  moved_away: 'Moved away',
  transferred: 'Transferred',
  in_custody: 'In custody',
  died: 'Died',
  other: 'Other',
};

export const contactTypes = ['face_to_face', 'telephone', 'other'] as const;
export const contactType = z.enum(contactTypes);
export type ContactType = z.infer<typeof contactType>;
export const contactTypeLabels: Record<ContactType, string> = {
  face_to_face: 'Face to face',
  telephone: 'Telephone',
  other: 'Other',
};

/** What "other" was, when known. */
export const otherContactKinds = [
  'letter',
  'text',
  'cold_call',
  'via_family',
  'accompanied_appointment',
] as const;
export const otherContactKind = z.enum(otherContactKinds);
export type OtherContactKind = z.infer<typeof otherContactKind>;
export const otherContactKindLabels: Record<OtherContactKind, string> = {
  letter: 'Letter',
  text: 'Text message',
  cold_call: 'Cold call',
  via_family: 'Through family',
  accompanied_appointment: 'Accompanied to an appointment',
};

export const contactOutcomes = ['made', 'attempted'] as const;
export const contactOutcome = z.enum(contactOutcomes);
export type ContactOutcome = z.infer<typeof contactOutcome>;

export const fundCategories = [
  'furniture_removals',
  'storage',
  'rent',
  'deposit',
  'arrears',
  'other',
] as const;
export const fundCategory = z.enum(fundCategories);
export type FundCategory = z.infer<typeof fundCategory>;
export const fundCategoryLabels: Record<FundCategory, string> = {
  furniture_removals: 'Furniture and removals',
  storage: 'Storage',
  rent: 'Rent',
  deposit: 'Deposit',
  arrears: 'Arrears',
  other: 'Other',
};
export const fundStatuses = ['pending', 'approved', 'declined'] as const;
export const fundStatus = z.enum(fundStatuses);
export type FundStatus = z.infer<typeof fundStatus>;

/** A calendar date written yyyy-mm-dd, and a real one (no 31 February). */
export const isoDate = z.iso.date();
