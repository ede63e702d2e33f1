import type { Complexity, genders } from '../../../contract/case-codes.ts';
import type {
  CreateWorkforceBody,
  UpdateWorkforceBody,
  WorkforceDetail,
} from '../../../contract/workforce.ts';
import {
  type CaseCaution,
  caseCautions,
  type LivedExperienceArea,
  type WorkforceRole,
} from '../../../contract/workforce-codes.ts';

type Gender = (typeof genders)[number];
export type StartingStatus = CreateWorkforceBody['status'];

/** What the add/edit person form holds: lists are typed as text, one item per comma or line. */
export type PersonFormValues = {
  displayName: string;
  /** The home site: whose coordinators manage the record (chosen when the person is added). */
  siteId: string;
  siteIds: string[];
  role: WorkforceRole;
  status: StartingStatus;
  startedOn: string;
  gender: Gender | '';
  languages: string;
  interests: string;
  areasCovered: string;
  availability: string;
  livedExperience: LivedExperienceArea[];
  /** Their sign-in, so they can log hours and be allocated cases; '' for none yet. */
  userId: string;
  supervisorUserId: string;
  nextStep: string;
  nextStepTargetOn: string;
  /** Casework limits matching must never break. Blank cap or complexity: the role's default. */
  caseloadCap: string;
  maxComplexity: Complexity | '';
  avoidCaseKinds: CaseCaution[];
  /** Cases they must never be matched to (ids; the form shows their local case IDs). */
  knownAssociateCaseIds: string[];
};

/** The API's limits on the casework limits (contract/workforce.ts). */
export const caseloadCapMax = 50;
export const knownAssociatesMax = 50;

/** The API's limits on the typed lists (contract/workforce.ts). */
const listLimits = { languages: 20, interests: 30, areasCovered: 30 } as const;
const itemMaxLength = 60;

/** "Polish, English\nurdu" → ["Polish", "English", "urdu"]: trimmed, blanks dropped, repeats kept once. */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const raw of text.split(/[,\n]/)) {
    const item = raw.trim().replace(/\s+/g, ' ');
    const key = item.toLocaleLowerCase('en-GB');
    if (item && !seen.has(key)) {
      seen.add(key);
      items.push(item);
    }
  }
  return items;
}

const joinList = (items: readonly string[]) => items.join(', ');
const orNull = (text: string) => (text.trim() ? text.trim() : null);

export function newPersonValues(homeSiteId: string, today: string): PersonFormValues {
  return {
    displayName: '',
    siteId: homeSiteId,
    siteIds: homeSiteId ? [homeSiteId] : [],
    role: 'new_volunteer',
    status: 'applicant',
    startedOn: today,
    gender: '',
    languages: '',
    interests: '',
    areasCovered: '',
    availability: '',
    livedExperience: [],
    userId: '',
    supervisorUserId: '',
    nextStep: '',
    nextStepTargetOn: '',
    caseloadCap: '',
    maxComplexity: '',
    avoidCaseKinds: [],
    knownAssociateCaseIds: [],
  };
}

export function personValuesOf(person: WorkforceDetail): PersonFormValues {
  return {
    displayName: person.displayName,
    siteId: person.siteId,
    siteIds: person.siteIds,
    role: person.role,
    status: person.status === 'in_training' || person.status === 'applicant' ? person.status : 'active',
    startedOn: person.roleHistory[0]?.startedOn ?? '',
    gender: person.gender ?? '',
    languages: joinList(person.languages),
    interests: joinList(person.interests),
    areasCovered: joinList(person.areasCovered),
    availability: person.availability ?? '',
    livedExperience: person.livedExperience ?? [],
    userId: person.userId ?? '',
    supervisorUserId: person.supervisor?.userId ?? '',
    nextStep: person.nextStep ?? '',
    nextStepTargetOn: person.nextStepTargetOn ?? '',
    caseloadCap: person.caseloadCap === null ? '' : String(person.caseloadCap),
    maxComplexity: person.maxComplexity ?? '',
    avoidCaseKinds: [...person.avoidCaseKinds],
    knownAssociateCaseIds: [...person.knownAssociateCaseIds],
  };
}

/** A typed cap as the API wants it: blank is null (the role's default); anything not a whole number is NaN. */
export function caseloadCapOf(text: string): number | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  return /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Kinds to avoid in a fixed order, so ticking boxes in another order is not a change. */
const kindsInOrder = (kinds: readonly CaseCaution[]) => caseCautions.filter((kind) => kinds.includes(kind));

/** The home site is always one of the sites they work at, and comes first. */
function sitesOf(values: PersonFormValues): string[] {
  return [...new Set([values.siteId, ...values.siteIds].filter(Boolean))];
}

function profileOf(values: PersonFormValues, canRecordLivedExperience: boolean) {
  return {
    displayName: values.displayName.trim(),
    siteIds: sitesOf(values),
    gender: values.gender || null,
    languages: splitList(values.languages),
    interests: splitList(values.interests),
    areasCovered: splitList(values.areasCovered),
    availability: orNull(values.availability),
    ...(canRecordLivedExperience ? { livedExperience: values.livedExperience } : {}),
    userId: values.userId || null,
    supervisorUserId: values.supervisorUserId || null,
    nextStep: orNull(values.nextStep),
    nextStepTargetOn: values.nextStepTargetOn || null,
    caseloadCap: caseloadCapOf(values.caseloadCap),
    maxComplexity: values.maxComplexity || null,
    avoidCaseKinds: kindsInOrder(values.avoidCaseKinds),
    knownAssociateCaseIds: [...new Set(values.knownAssociateCaseIds)],
  };
}

/**
 * The body for POST /api/workforce. Lived experience is self-declared and only coordinators may
 * record it, so it is left out entirely for anyone else.
 */
export function createPersonBody(
  values: PersonFormValues,
  { canRecordLivedExperience }: { canRecordLivedExperience: boolean },
): CreateWorkforceBody {
  return {
    ...profileOf(values, canRecordLivedExperience),
    livedExperience: canRecordLivedExperience ? values.livedExperience : [],
    siteId: values.siteId,
    role: values.role,
    status: values.status,
    startedOn: values.startedOn,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item, i) => item === b[i]);
/** Known associates are a set: removing one and adding it back is no change. */
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item) => b.includes(item));

/**
 * The body for PATCH /api/workforce/:id: only the fields that changed, or null when nothing did.
 * Lived experience is sent only when the reader may see it (the API returns null otherwise).
 */
export function updatePersonBody(
  values: PersonFormValues,
  person: WorkforceDetail,
): UpdateWorkforceBody | null {
  const next = profileOf(values, person.livedExperience !== null);
  const before = profileOf(personValuesOf(person), person.livedExperience !== null);
  const changed: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(next)) {
    const old = before[field as keyof typeof before];
    const compare = field === 'knownAssociateCaseIds' ? sameSet : sameList;
    const isSame =
      Array.isArray(value) && Array.isArray(old) ? compare(value, old as string[]) : value === old;
    if (!isSame) changed[field] = value;
  }
  return Object.keys(changed).length === 0 ? null : (changed as UpdateWorkforceBody);
}

/** Checks made before sending, with messages that name the field and the fix. */
export function personFormProblems(
  values: PersonFormValues,
  { today, isNew }: { today: string; isNew: boolean },
): Partial<Record<keyof PersonFormValues, string>> {
  const problems: Partial<Record<keyof PersonFormValues, string>> = {};
  const name = values.displayName.trim();
  if (!name) problems.displayName = 'Enter the name they go by.';
  else if (name.length > 120) problems.displayName = 'Enter a name of 120 characters or fewer.';
  if (isNew && !values.siteId) problems.siteId = 'Choose their home site.';
  if (sitesOf(values).length === 0) problems.siteIds = 'Choose at least one site they work at.';
  if (isNew && !values.startedOn) problems.startedOn = 'Enter the date they started.';
  else if (isNew && values.startedOn > today)
    problems.startedOn = 'Enter a start date that is not in the future.';
  for (const field of ['languages', 'interests', 'areasCovered'] as const) {
    const items = splitList(values[field]);
    if (items.length > listLimits[field])
      problems[field] = `Enter up to ${listLimits[field]}, separated by commas.`;
    else if (items.some((item) => item.length > itemMaxLength))
      problems[field] = `Keep each one to ${itemMaxLength} characters, separated by commas.`;
  }
  if (values.availability.trim().length > 500)
    problems.availability = 'Describe their availability in 500 characters or fewer.';
  if (values.nextStep.trim().length > 300)
    problems.nextStep = 'Describe the next step in 300 characters or fewer.';
  if (values.nextStepTargetOn && !values.nextStep.trim())
    problems.nextStep = 'Say what the next step is, or clear the target date.';
  const cap = caseloadCapOf(values.caseloadCap);
  if (cap !== null && !(cap >= 0 && cap <= caseloadCapMax))
    problems.caseloadCap = `Enter a caseload cap as a whole number from 0 to ${caseloadCapMax}, or leave it blank for their role’s default.`;
  if (new Set(values.knownAssociateCaseIds).size > knownAssociatesMax)
    problems.knownAssociateCaseIds = `Record up to ${knownAssociatesMax} known associates: remove some to save.`;
  return problems;
}
