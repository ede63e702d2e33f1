import { z } from 'zod';

/** The hybrid model's roles (source 000, appendix 1), plus staff such as navigators. */
export const workforceRoles = [
  'new_volunteer',
  'intern_volunteer',
  'paid_peer',
  'coordinator',
  'staff',
] as const;
export const workforceRole = z.enum(workforceRoles);
export type WorkforceRole = z.infer<typeof workforceRole>;
export const workforceRoleLabels: Record<WorkforceRole, string> = {
  new_volunteer: 'New volunteer',
  intern_volunteer: 'Intern volunteer',
  paid_peer: 'Paid peer supporter',
  coordinator: 'Service coordinator',
  staff: 'Staff / navigator',
};
/** The only roles that may lead (carry) a case. */
export const caseCarryingRoles: readonly WorkforceRole[] = ['intern_volunteer', 'paid_peer'];

export const workforceStatuses = ['applicant', 'in_training', 'active', 'paused', 'left'] as const;
export const workforceStatus = z.enum(workforceStatuses);
export type WorkforceStatus = z.infer<typeof workforceStatus>;
export const workforceStatusLabels: Record<WorkforceStatus, string> = {
  applicant: 'Applicant',
  in_training: 'In training',
  active: 'Active',
  paused: 'Paused',
  left: 'Left',
};

export const leftDestinations = ['paid_work_inside', 'paid_work_outside', 'education', 'other'] as const;
export const leftDestination = z.enum(leftDestinations);
export type LeftDestination = z.infer<typeof leftDestination>;
export const leftDestinationLabels: Record<LeftDestination, string> = {
  paid_work_inside: 'Paid work in the organisation',
  paid_work_outside: 'Paid work elsewhere',
  education: 'Education',
  other: 'Other',
};

/** Kinds of case a person's plan may say to avoid (BRIEF §3, "Matching"). */
export const caseCautions = ['confrontational', 'prison_pick_up', 'hard_to_engage'] as const;
export const caseCaution = z.enum(caseCautions);
export type CaseCaution = z.infer<typeof caseCaution>;

/** Lived-experience areas a person may self-declare. */
export const livedExperienceAreas = [
  'homelessness',
  'reoffending',
  'substance_use',
  'mental_health',
  'domestic_abuse',
  'care_leaver',
  'other',
] as const;
export const livedExperienceArea = z.enum(livedExperienceAreas);
export type LivedExperienceArea = z.infer<typeof livedExperienceArea>;

export const dbsLevels = ['basic', 'standard', 'enhanced', 'enhanced_with_barred_lists'] as const;
export const dbsLevel = z.enum(dbsLevels);
export type DbsLevel = z.infer<typeof dbsLevel>;
export const dbsLevelLabels: Record<DbsLevel, string> = {
  basic: 'Basic',
  standard: 'Standard',
  enhanced: 'Enhanced',
  enhanced_with_barred_lists: 'Enhanced with barred lists',
};

export const hoursActivities = [
  'shadowing',
  'casework',
  'training',
  'supervision',
  'group',
  'admin',
] as const;
export const hoursActivity = z.enum(hoursActivities);
export type HoursActivity = z.infer<typeof hoursActivity>;
export const hoursStatuses = ['pending', 'approved', 'returned'] as const;
export const hoursStatus = z.enum(hoursStatuses);
export type HoursStatus = z.infer<typeof hoursStatus>;

export const courseModes = ['flexible', 'structured', 'accredited'] as const;
export const courseMode = z.enum(courseModes);
export type CourseMode = z.infer<typeof courseMode>;
export const enrolmentStatuses = ['registered', 'attending', 'completed', 'dropped_out'] as const;
export const enrolmentStatus = z.enum(enrolmentStatuses);
export type EnrolmentStatus = z.infer<typeof enrolmentStatus>;
