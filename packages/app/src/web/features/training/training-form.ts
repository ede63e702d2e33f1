import { addMonths, format, parseISO } from 'date-fns';
import type { CourseMode, EnrolmentStatus } from '../../../contract/workforce-codes.ts';

/** What the course form holds: text as typed, modules one per line. */
export type CourseFormValues = {
  title: string;
  mode: CourseMode;
  awardingBody: string;
  level: string;
  /** Months a certificate lasts before renewal; empty when it does not expire. */
  certificateValidMonths: string;
  /** One module per line, in teaching order. */
  modules: string;
};

export type CourseRequestBody = {
  title: string;
  mode: CourseMode;
  awardingBody?: string;
  level?: string;
  certificateValidMonths?: number;
  modules: string[];
};

export const emptyCourseForm: CourseFormValues = {
  title: '',
  mode: 'flexible',
  awardingBody: '',
  level: '',
  certificateValidMonths: '',
  modules: '',
};

export const courseModeLabels: Record<CourseMode, string> = {
  flexible: 'Flexible (drop in to modules)',
  structured: 'Structured (a set programme)',
  accredited: 'Accredited (awarding body and level)',
};

/** A saved course as the form shows it, for editing. */
export function courseFormValuesOf(course: {
  title: string;
  mode: CourseMode;
  awardingBody: string | null;
  level: string | null;
  certificateValidMonths: number | null;
  modules: string[];
}): CourseFormValues {
  return {
    title: course.title,
    mode: course.mode,
    awardingBody: course.awardingBody ?? '',
    level: course.level ?? '',
    certificateValidMonths:
      course.certificateValidMonths === null ? '' : String(course.certificateValidMonths),
    modules: course.modules.join('\n'),
  };
}

/** Modules as typed, one per line: blank lines dropped, spaces trimmed. */
export function modulesFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** Awarding body and level belong only to an accredited course, so other modes never send them. */
export function courseRequestBody(values: CourseFormValues): CourseRequestBody {
  const body: CourseRequestBody = {
    title: values.title.trim(),
    mode: values.mode,
    modules: modulesFromText(values.modules),
  };
  if (values.mode === 'accredited') {
    if (values.awardingBody.trim()) body.awardingBody = values.awardingBody.trim();
    if (values.level.trim()) body.level = values.level.trim();
  }
  const months = values.certificateValidMonths.trim();
  if (months !== '') body.certificateValidMonths = Number(months);
  return body;
}

/** Checks the form can make before sending, worded as the server words them. */
export function courseFormProblems(
  values: CourseFormValues,
): Partial<Record<keyof CourseFormValues, string>> {
  const problems: Partial<Record<keyof CourseFormValues, string>> = {};
  if (!values.title.trim()) problems.title = 'Enter the course title.';
  if (values.mode === 'accredited' && !values.awardingBody.trim())
    problems.awardingBody = 'Name the awarding body of an accredited course.';
  if (values.mode === 'accredited' && !values.level.trim())
    problems.level = 'Give the level of an accredited course, e.g. Level 2.';
  const months = values.certificateValidMonths.trim();
  if (months !== '' && !/^\d+$/.test(months))
    problems.certificateValidMonths = 'Enter whole months, e.g. 12.';
  else if (months !== '' && (Number(months) < 1 || Number(months) > 120))
    problems.certificateValidMonths = 'Enter between 1 and 120 months, or leave it empty.';
  return problems;
}

export type CohortFormValues = { siteId: string; name: string; startsOn: string; endsOn: string };

export function cohortFormProblems(
  values: CohortFormValues,
): Partial<Record<keyof CohortFormValues, string>> {
  const problems: Partial<Record<keyof CohortFormValues, string>> = {};
  if (!values.siteId) problems.siteId = 'Choose the site that runs the cohort.';
  if (!values.name.trim()) problems.name = 'Name the cohort, e.g. “Spring 2026”.';
  if (!values.startsOn) problems.startsOn = 'Enter the date the cohort starts.';
  if (!values.endsOn) problems.endsOn = 'Enter the date the cohort ends.';
  else if (values.startsOn && values.endsOn < values.startsOn)
    problems.endsOn = 'End the cohort on or after its start.';
  return problems;
}

export const cohortRequestBody = (values: CohortFormValues) => ({
  siteId: values.siteId,
  name: values.name.trim(),
  startsOn: values.startsOn,
  endsOn: values.endsOn,
});

export const enrolmentStatusLabels: Record<EnrolmentStatus, string> = {
  registered: 'Registered',
  attending: 'Attending',
  completed: 'Completed',
  dropped_out: 'Dropped out',
};

/** The enrolment form: status, with the dates of completion or the reason for leaving. */
export type EnrolmentFormValues = {
  status: EnrolmentStatus;
  completedOn: string;
  placementOn: string;
  employmentOn: string;
  reason: string;
};

export type EnrolmentRequestBody =
  | { status: 'registered' }
  | { status: 'attending' }
  | { status: 'completed'; completedOn: string; placementOn: string | null; employmentOn: string | null }
  | { status: 'dropped_out'; reason: string };

export function enrolmentFormValuesOf(
  enrolment: {
    status: EnrolmentStatus;
    completedOn: string | null;
    placementOn: string | null;
    employmentOn: string | null;
    dropOutReason: string | null;
  },
  today: string,
): EnrolmentFormValues {
  return {
    status: enrolment.status,
    completedOn: enrolment.completedOn ?? today,
    placementOn: enrolment.placementOn ?? '',
    employmentOn: enrolment.employmentOn ?? '',
    reason: enrolment.dropOutReason ?? '',
  };
}

/** Sends only what the chosen status needs: dates with a completion, a reason with a drop-out. */
export function enrolmentRequestBody(values: EnrolmentFormValues): EnrolmentRequestBody {
  switch (values.status) {
    case 'completed':
      return {
        status: 'completed',
        completedOn: values.completedOn,
        placementOn: values.placementOn || null,
        employmentOn: values.placementOn ? values.employmentOn || null : null,
      };
    case 'dropped_out':
      return { status: 'dropped_out', reason: values.reason.trim() };
    default:
      return { status: values.status };
  }
}

export function enrolmentFormProblems(
  values: EnrolmentFormValues,
): Partial<Record<keyof EnrolmentFormValues, string>> {
  const problems: Partial<Record<keyof EnrolmentFormValues, string>> = {};
  if (values.status === 'completed' && !values.completedOn)
    problems.completedOn = 'Enter the date they completed the course.';
  if (values.status === 'completed' && values.employmentOn && !values.placementOn)
    problems.employmentOn = 'Employment follows a placement: enter the placement date first.';
  if (values.status === 'dropped_out' && !values.reason.trim())
    problems.reason = 'Say why they left the course.';
  return problems;
}

/** The certificate's renewal date, as the server sets it on completion (none if it does not expire). */
export function certificateRenewalOn(completedOn: string, validMonths: number | null): string | null {
  if (!validMonths) return null;
  return format(addMonths(parseISO(completedOn), validMonths), 'yyyy-MM-dd');
}

export type FunnelCounts = {
  registered: number;
  completed: number;
  placement: number;
  employment: number;
  droppedOut: number;
  dropOutRate: number | null;
};

/** The funnel's stages in order, each with its share of those registered (WY-FI: 110 → 75 → 50 → 27). */
export function funnelStages(funnel: FunnelCounts) {
  const share = (n: number) => (funnel.registered === 0 ? null : n / funnel.registered);
  return [
    { key: 'registered', label: 'Registered', count: funnel.registered, share: share(funnel.registered) },
    { key: 'completed', label: 'Completed', count: funnel.completed, share: share(funnel.completed) },
    { key: 'placement', label: 'Began a placement', count: funnel.placement, share: share(funnel.placement) },
    {
      key: 'employment',
      label: 'Moved into employment',
      count: funnel.employment,
      share: share(funnel.employment),
    },
  ] as const;
}

/** "45%", or "–" when nobody is registered. */
export function formatRate(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 100).toLocaleString('en-GB')}%`;
}
