/** Returned hours go back to the volunteer with this reason, so it must say what to change. */
export const returnReasonMaxLength = 500;

export function returnReasonProblem(reason: string): string | null {
  if (!reason.trim())
    return 'Enter the reason for returning these hours, so the volunteer knows what to change.';
  if (reason.trim().length > returnReasonMaxLength)
    return `Keep the reason for returning hours to ${returnReasonMaxLength} characters or fewer.`;
  return null;
}
