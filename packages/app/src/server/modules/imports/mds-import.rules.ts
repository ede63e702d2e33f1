import {
  type CaseStatus,
  type ContactType,
  contactTypes,
  type Engagement,
  engagements,
  type ReferralSource,
  referralSources,
} from '../../../contract/case-codes.ts';
import {
  contactColumns,
  type ImportProblem,
  type MdsFile,
  referralColumns,
} from '../../../contract/imports.ts';
import { contactDateProblem, dischargeDateProblem, ukLongDate } from '../cases/case.rules.ts';

/**
 * The rules of an MDS import, as pure functions over rows already split into cells: the header, each
 * cell, each row against the rest of its file, and the contacts against the referrals and the site's
 * existing cases. Nothing here reads or writes the database; the service feeds it rows as it parses.
 * Messages name the column and say what to change, and never quote a cell.
 */

/** A referral row that passed every check, as it will be written. */
export type ImportedReferral = {
  line: number;
  localCaseId: string;
  referralSource: ReferralSource;
  referredOn: string;
  engagement: Engagement;
  firstContactOn: string | null;
  dischargedOn: string | null;
  status: CaseStatus;
};

/**
 * The contacts that passed, column by column (a million objects would cost far more memory).
 * `caseKeys[i]` is the local case id of contact i, `occurrences[i]` its number among the contacts of
 * the same case, day and type in the file (1 for the first).
 */
export type ImportedContacts = {
  caseKeys: string[];
  dates: string[];
  types: ContactType[];
  occurrences: number[];
};

/** What the site already holds about a case, for the checks that span both files and the database. */
export type ExistingCase = {
  referredOn: string;
  dischargedOn: string | null;
  firstContactOn: string | null;
  lastContactOn: string | null;
};

export type MdsValidationContext = {
  siteName: string;
  /** The UK calendar date today (yyyy-mm-dd): nothing imported may be later. */
  today: string;
  /** The site's cases by local case id. */
  existing: ReadonlyMap<string, ExistingCase>;
  /** Keep at most this many problems (all are counted). */
  maxErrors?: number;
};

export type MdsValidationResult =
  | {
      ok: true;
      referrals: ImportedReferral[];
      contacts: ImportedContacts;
      skipped: { referrals: number; contacts: number };
    }
  | { ok: false; errors: ImportProblem[]; errorCount: number };

export const maxLocalCaseIdLength = 100;

/** Status on import: a discharge date closes the case; otherwise engagement decides. */
export function importedStatus(engagement: Engagement, dischargedOn: string | null): CaseStatus {
  if (dischargedOn) return 'discharged';
  if (engagement === 'engaged') return 'active';
  if (engagement === 'declined') return 'declined';
  return 'referred';
}

/**
 * The key that makes re-importing a contact change nothing: the same case, day and type, and which
 * of that day's contacts of that type it is (two calls on one day are two contacts).
 */
export function contactImportKey(localCaseId: string, date: string, type: ContactType, occurrence: number) {
  return `${localCaseId}|${date}|${type}|${occurrence}`;
}

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** yyyy-mm-dd, and a day the calendar has (no 30 February). */
export function isRealDate(value: string): boolean {
  if (value.length !== 10 || value[4] !== '-' || value[7] !== '-') return false;
  for (const i of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && isLeap ? 29 : (daysInMonth[month - 1] as number));
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
const controlCharacters = /[\u0000-\u001f\u007f]/;

/** Which columns a header names, by position, or what is wrong with it. */
export function readHeader<C extends string>(
  columns: readonly C[],
  cells: string[],
): { indexes: Record<C, number> } | { message: string } {
  const names = cells.map((cell) => cell.trim().toLowerCase());
  const indexes = {} as Record<C, number>;
  const missing = columns.filter((column) => {
    const at = names.indexOf(column);
    indexes[column] = at;
    return at === -1;
  });
  const unexpected = names.filter((name) => !(columns as readonly string[]).includes(name));
  const repeated = names.filter((name, at) => names.indexOf(name) !== at);
  if (missing.length === 0 && unexpected.length === 0 && repeated.length === 0) return { indexes };
  const problems = [
    missing.length ? `missing: ${missing.join(', ')}` : '',
    unexpected.length ? `not expected: ${unexpected.map((n) => n || '(an empty name)').join(', ')}` : '',
    repeated.length ? `named twice: ${[...new Set(repeated)].join(', ')}` : '',
  ].filter(Boolean);
  return {
    message: `The first line must name exactly these columns: ${columns.join(', ')} (${problems.join('; ')}).`,
  };
}

const oneOf = (codes: readonly string[]) => `Use one of: ${codes.join(', ')}.`;
const dateFormat = 'Write the date as yyyy-mm-dd (like 2024-03-31), and make it a real date.';

/** A case the referrals file describes: what the contacts are checked against. */
type FileCase = {
  line: number;
  /** Null when the row's date of referral was itself invalid (its contacts' dates are then not checked). */
  referredOn: string | null;
  dischargedOn: string | null;
  referral: ImportedReferral | null;
};

/**
 * Checks an import a row at a time. Call the referral functions for the whole referrals file first,
 * then the contact functions, then `finish`.
 */
export function createMdsValidation(context: MdsValidationContext) {
  const { siteName, today, existing } = context;
  const maxErrors = context.maxErrors ?? Number.POSITIVE_INFINITY;
  const errors: ImportProblem[] = [];
  let errorCount = 0;
  const problem = (file: MdsFile, line: number, message: string, field?: string) => {
    errorCount++;
    if (errors.length < maxErrors) errors.push({ file, line, ...(field ? { field } : {}), message });
  };

  let referralIndexes: Record<(typeof referralColumns)[number], number> | null = null;
  let contactIndexes: Record<(typeof contactColumns)[number], number> | null = null;
  let isReferralsFileReadable = true;
  const seen = { referrals: false, contacts: false };

  const fileCases = new Map<string, FileCase>();
  const otherSiteCaseIds = new Set<string>();
  const referrals: ImportedReferral[] = [];
  let skippedReferrals = 0;

  const contacts: ImportedContacts = { caseKeys: [], dates: [], types: [], occurrences: [] };
  let skippedContacts = 0;
  // Occurrence counting: dates and cases as small numbers, so the key is a number, not a string.
  // Each distinct date and case id is kept once and shared by its contacts.
  const dateNumbers = new Map<string, number>();
  const dates: string[] = [];
  const caseNumbers = new Map<string, number>();
  const caseKeys: string[] = [];
  const occurrenceCounts = new Map<number, number>();

  const header = (file: MdsFile, cells: string[], line: number): void => {
    seen[file] = true;
    if (file === 'referrals') {
      const result = readHeader(referralColumns, cells);
      if ('indexes' in result) referralIndexes = result.indexes;
      else {
        isReferralsFileReadable = false;
        problem(file, line, result.message);
      }
    } else {
      const result = readHeader(contactColumns, cells);
      if ('indexes' in result) contactIndexes = result.indexes;
      else problem(file, line, result.message);
    }
  };

  const wrongLength = (file: MdsFile, columns: readonly string[], cells: string[], line: number) => {
    if (cells.length === columns.length) return false;
    problem(
      file,
      line,
      `This line has ${cells.length} ${cells.length === 1 ? 'value' : 'values'}; it should have ${columns.length} (${columns.join(', ')}).`,
    );
    return true;
  };

  /** The local case id cell: present, not too long, no control characters. */
  const localCaseIdOf = (file: MdsFile, raw: string, line: number): string | null => {
    const value = raw.trim();
    if (!value) problem(file, line, 'Give every row its local case id.', 'local_case_id');
    else if (value.length > maxLocalCaseIdLength)
      problem(
        file,
        line,
        `Use a local case id of at most ${maxLocalCaseIdLength} characters.`,
        'local_case_id',
      );
    else if (controlCharacters.test(value))
      problem(
        file,
        line,
        'Remove the control characters (such as tabs) from the local case id.',
        'local_case_id',
      );
    else return value;
    return null;
  };

  const dateOf = (
    file: MdsFile,
    raw: string,
    line: number,
    field: string,
    what: string,
    isRequired: boolean,
  ) => {
    const value = raw.trim();
    if (!value) {
      if (isRequired) problem(file, line, `Give the ${what}, written yyyy-mm-dd.`, field);
      return { value: null, isValid: !isRequired };
    }
    if (!isRealDate(value)) {
      problem(file, line, dateFormat, field);
      return { value: null, isValid: false };
    }
    return { value, isValid: true };
  };

  const codeOf = <T extends string>(
    file: MdsFile,
    raw: string,
    line: number,
    field: string,
    codes: readonly T[],
  ): T | null => {
    const value = raw.trim();
    if ((codes as readonly string[]).includes(value)) return value as T;
    problem(
      file,
      line,
      value ? oneOf(codes) : `Give the ${field.replace(/_/g, ' ')}. ${oneOf(codes)}`,
      field,
    );
    return null;
  };

  const referralRow = (cells: string[], line: number): void => {
    if (!referralIndexes) return;
    if (wrongLength('referrals', referralColumns, cells, line)) return;
    const cell = (column: (typeof referralColumns)[number]) => cells[referralIndexes?.[column] ?? -1] ?? '';
    const site = cell('site').trim();
    if (site && site !== siteName) {
      skippedReferrals++;
      const id = cell('local_case_id').trim();
      if (id) otherSiteCaseIds.add(id);
      return;
    }
    const before = errorCount;
    if (!site)
      problem('referrals', line, `Give the site of every referral (this import is for ${siteName}).`, 'site');
    const localCaseId = localCaseIdOf('referrals', cell('local_case_id'), line);
    const referralSource = codeOf(
      'referrals',
      cell('referral_source'),
      line,
      'referral_source',
      referralSources,
    );
    const referred = dateOf(
      'referrals',
      cell('date_referred'),
      line,
      'date_referred',
      'date of referral',
      true,
    );
    const engagement = codeOf('referrals', cell('engagement'), line, 'engagement', engagements);
    const first = dateOf(
      'referrals',
      cell('date_first_contact'),
      line,
      'date_first_contact',
      'first contact',
      false,
    );
    const discharged = dateOf(
      'referrals',
      cell('date_discharged'),
      line,
      'date_discharged',
      'discharge',
      false,
    );
    const referredOn = referred.value;

    if (referredOn && referredOn > today)
      problem('referrals', line, 'Give a date of referral that is not in the future.', 'date_referred');
    if (referredOn && localCaseId) {
      const earliest = existing.get(localCaseId)?.firstContactOn;
      if (earliest && earliest < referredOn)
        problem(
          'referrals',
          line,
          'Peerpath already holds a contact with this case dated before this date of referral.',
          'date_referred',
        );
    }
    if (referredOn && discharged.value) {
      // Contacts after it are refused on their own lines; those Peerpath holds already, in `finish`.
      const refusal = dischargeDateProblem({ referredOn, lastContactOn: null }, discharged.value, today);
      if (refusal) problem('referrals', line, refusal.message, 'date_discharged');
    }
    if (first.value) {
      if (referredOn && first.value < referredOn)
        problem(
          'referrals',
          line,
          `Give a first contact on or after the date of referral (${ukLongDate(referredOn)}).`,
          'date_first_contact',
        );
      if (discharged.value && first.value > discharged.value)
        problem(
          'referrals',
          line,
          `Give a first contact on or before the discharge date (${ukLongDate(discharged.value)}).`,
          'date_first_contact',
        );
      if (first.value > today)
        problem('referrals', line, 'Give a first contact that is not in the future.', 'date_first_contact');
    }

    if (!localCaseId) return;
    const earlier = fileCases.get(localCaseId);
    if (earlier) {
      problem(
        'referrals',
        line,
        `This local case id is already on line ${earlier.line}: give each case one row.`,
        'local_case_id',
      );
      return;
    }
    const isValid = errorCount === before;
    const referral: ImportedReferral | null =
      isValid && referralSource && engagement && referredOn
        ? {
            line,
            localCaseId,
            referralSource,
            referredOn,
            engagement,
            firstContactOn: first.value,
            dischargedOn: discharged.value,
            status: importedStatus(engagement, discharged.value),
          }
        : null;
    if (referral) referrals.push(referral);
    fileCases.set(localCaseId, {
      line,
      referredOn,
      dischargedOn: discharged.isValid ? discharged.value : null,
      referral,
    });
  };

  const contactRow = (cells: string[], line: number): void => {
    if (!contactIndexes) return;
    if (wrongLength('contacts', contactColumns, cells, line)) return;
    const cell = (column: (typeof contactColumns)[number]) => cells[contactIndexes?.[column] ?? -1] ?? '';
    const localCaseId = localCaseIdOf('contacts', cell('local_case_id'), line);
    const date = dateOf('contacts', cell('contact_date'), line, 'contact_date', 'contact date', true).value;
    const type = codeOf('contacts', cell('contact_type'), line, 'contact_type', contactTypes);
    if (!localCaseId) return;

    const fileCase = fileCases.get(localCaseId);
    let bounds: { referredOn: string | null; dischargedOn: string | null };
    if (fileCase) {
      bounds = fileCase;
    } else if (otherSiteCaseIds.has(localCaseId)) {
      skippedContacts++;
      return;
    } else {
      const known = existing.get(localCaseId);
      if (!known) {
        // Without a readable referrals file every case would be "unknown": say it once, at the header.
        if (isReferralsFileReadable)
          problem(
            'contacts',
            line,
            'No referral has this local case id, in the referrals file or already at the site.',
            'local_case_id',
          );
        return;
      }
      bounds = known;
    }
    if (!date || !type) return;
    if (bounds.referredOn) {
      const refusal = contactDateProblem(
        { referredOn: bounds.referredOn, dischargedOn: bounds.dischargedOn },
        date,
        today,
      );
      if (refusal) {
        problem('contacts', line, refusal.message, 'contact_date');
        return;
      }
    } else if (date > today) {
      problem('contacts', line, 'Enter a contact date that is not in the future.', 'contact_date');
      return;
    }

    let dateNumber = dateNumbers.get(date);
    if (dateNumber === undefined) {
      dateNumber = dates.push(date) - 1;
      dateNumbers.set(date, dateNumber);
    }
    let caseNumber = caseNumbers.get(localCaseId);
    if (caseNumber === undefined) {
      caseNumber = caseKeys.push(localCaseId) - 1;
      caseNumbers.set(localCaseId, caseNumber);
    }
    // Fewer than 2^20 distinct days and 2^31 cases keep this exact (below 2^53).
    const key = caseNumber * 4_194_304 + dateNumber * 4 + contactTypes.indexOf(type);
    const occurrence = (occurrenceCounts.get(key) ?? 0) + 1;
    occurrenceCounts.set(key, occurrence);
    contacts.caseKeys.push(caseKeys[caseNumber] as string);
    contacts.dates.push(dates[dateNumber] as string);
    contacts.types.push(type);
    contacts.occurrences.push(occurrence);
  };

  return {
    /** The first record of a file. */
    header,
    referralRow,
    contactRow,
    /** A problem found outside the rows: a file that cannot be read as CSV past some line. */
    fileProblem: (file: MdsFile, line: number, message: string) => problem(file, line, message),
    /** Cross-file checks, then the verdict. */
    finish: (): MdsValidationResult => {
      for (const file of ['referrals', 'contacts'] as const) {
        if (!seen[file]) problem(file, 1, `The ${file} file is empty: its first line must name the columns.`);
      }
      // Contacts in the file are already held to the discharge date (above); those Peerpath holds are
      // checked here, said without their date, which comes from the database rather than the file.
      for (const fileCase of fileCases.values()) {
        const referral = fileCase.referral;
        const held = referral?.dischargedOn && existing.get(referral.localCaseId)?.lastContactOn;
        if (referral?.dischargedOn && held && held > referral.dischargedOn)
          problem(
            'referrals',
            referral.line,
            'Peerpath already holds a contact with this case after this discharge date.',
            'date_discharged',
          );
      }
      if (errorCount > 0) {
        const order = (p: ImportProblem) => (p.file === 'referrals' ? 0 : 1);
        errors.sort((a, b) => order(a) - order(b) || a.line - b.line);
        return { ok: false, errors, errorCount };
      }
      return {
        ok: true,
        referrals,
        contacts,
        skipped: { referrals: skippedReferrals, contacts: skippedContacts },
      };
    },
  };
}

export type MdsValidation = ReturnType<typeof createMdsValidation>;
