import { addDays, addMonths, format, parseISO } from 'date-fns';
import { type DbsLevel, dbsLevels } from '../../../../contract/workforce-codes.ts';

export type DbsCheck = {
  level: DbsLevel;
  certificateOn: string;
  isOnUpdateService: boolean;
  updateServiceCheckedOn: string | null;
};

export type DbsState = 'missing' | 'level_too_low' | 'overdue' | 'due_soon' | 'current';

/** Days before a recheck is due when the alert starts. */
export const dbsDueSoonDays = 30;

const iso = (d: Date) => format(d, 'yyyy-MM-dd');

/**
 * When a check must be renewed: the recheck interval counts from the certificate, or from the last
 * online status check for someone on the update service (that check confirms nothing has changed).
 */
export function dbsRecheckDueOn(check: DbsCheck, recheckMonths: number): string {
  const from =
    check.isOnUpdateService &&
    check.updateServiceCheckedOn &&
    check.updateServiceCheckedOn > check.certificateOn
      ? check.updateServiceCheckedOn
      : check.certificateOn;
  return iso(addMonths(parseISO(from), recheckMonths));
}

export function dbsLevelAtLeast(level: DbsLevel, required: DbsLevel): boolean {
  return dbsLevels.indexOf(level) >= dbsLevels.indexOf(required);
}

/** The state of a person's latest check on a day; only `current` and `due_soon` allow allocation. */
export function dbsState(
  check: DbsCheck | null,
  today: string,
  rules: { recheckMonths: number; requiredLevel: DbsLevel },
): { state: DbsState; dueOn: string | null } {
  if (!check) return { state: 'missing', dueOn: null };
  const dueOn = dbsRecheckDueOn(check, rules.recheckMonths);
  if (!dbsLevelAtLeast(check.level, rules.requiredLevel)) return { state: 'level_too_low', dueOn };
  if (dueOn <= today) return { state: 'overdue', dueOn };
  if (dueOn <= iso(addDays(parseISO(today), dbsDueSoonDays))) return { state: 'due_soon', dueOn };
  return { state: 'current', dueOn };
}
