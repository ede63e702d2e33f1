import { type ReactNode, useState } from 'react';
import { ApiError } from './api-client.ts';

/** Field name in the form → id of its input, in the order the fields appear on the page. */
export type FieldIds = Record<string, string>;
export type ErrorSummaryItem = { message: ReactNode; fieldId?: string };
/** The part of a @mantine/form form that error handling needs. */
type FormLike = {
  errors: Record<string, ReactNode>;
  setErrors: (errors: Record<string, ReactNode>) => void;
  clearErrors: () => void;
};
export type FormProblems = {
  /** Pass to <ErrorSummary />: it takes focus each time `attempt` goes up. */
  summary: { items: ErrorSummaryItem[]; attempt: number };
  onValidationFailure: () => void;
  onApiError: (error: unknown) => void;
  showGeneralError: (message: string) => void;
  showFieldErrors: (errors: Record<string, string>) => void;
  clear: () => void;
};

/** The error summary lists the field errors in page order, then any message not tied to a field. */
export function errorSummaryItems(
  errors: Record<string, ReactNode>,
  fieldIds: FieldIds,
  generalError?: string | null,
): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = [];
  for (const [field, id] of Object.entries(fieldIds)) {
    const message = errors[field];
    if (message) items.push({ message, fieldId: id });
  }
  if (generalError) items.push({ message: generalError });
  return items;
}

/**
 * Spreads an API error over a form: `details[].field` lands on the form field with the longest
 * matching path ("outcomes.2.name" on that outcome's name if the form has it, "siteIds.0" on
 * "siteIds"); when nothing matches a field, the error's message is the general message.
 */
export function fieldErrorsFromApi(
  error: unknown,
  fieldIds: FieldIds,
): { fieldErrors: Record<string, string>; generalError: string | null } {
  if (!(error instanceof ApiError)) {
    return { fieldErrors: {}, generalError: 'Something went wrong. Try again.' };
  }
  const fieldErrors: Record<string, string> = {};
  for (const detail of error.details) {
    const field = formFieldFor(detail.field, fieldIds);
    if (field !== null && !fieldErrors[field]) fieldErrors[field] = detail.message;
  }
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  return { fieldErrors, generalError: hasFieldErrors ? null : error.message };
}

/** The form field a problem's path names: the longest leading part of it that is a field. */
function formFieldFor(path: string, fieldIds: FieldIds): string | null {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const field = parts.slice(0, n).join('.');
    if (Object.hasOwn(fieldIds, field)) return field;
  }
  return null;
}

/** Error summary state for one form (GOV.UK pattern: summary at the top, message at each field). */
export function useFormProblems(form: FormLike, fieldIds: FieldIds): FormProblems {
  const [attempt, setAttempt] = useState(0);
  const [generalError, setGeneralError] = useState<string | null>(null);
  return {
    summary: { items: errorSummaryItems(form.errors, fieldIds, generalError), attempt },
    onValidationFailure: () => {
      setGeneralError(null);
      setAttempt((n) => n + 1);
    },
    onApiError: (error) => {
      const result = fieldErrorsFromApi(error, fieldIds);
      form.setErrors(result.fieldErrors);
      setGeneralError(result.generalError);
      setAttempt((n) => n + 1);
    },
    showGeneralError: (message) => {
      form.clearErrors();
      setGeneralError(message);
      setAttempt((n) => n + 1);
    },
    showFieldErrors: (errors) => {
      form.setErrors(errors);
      setGeneralError(null);
      setAttempt((n) => n + 1);
    },
    clear: () => {
      form.clearErrors();
      setGeneralError(null);
    },
  };
}
