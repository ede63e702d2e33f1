import type { AlertKind, CheckInColour } from '../../../contract/check-ins.ts';
import { formatDateTime } from '../../lib/dates.ts';

/** Colour names always travel with words (WCAG 1.4.1 use of colour). */
export const colourBadges: Record<CheckInColour, { label: string; color: string; textColor: string }> = {
  green: { label: '1 Green: doing well', color: 'green.2', textColor: 'dark.9' },
  amber: { label: '2 Amber: not so good', color: 'yellow.3', textColor: 'dark.9' },
  red: { label: '3 Red: needs help', color: 'red.2', textColor: 'dark.9' },
};

export const alertKindText: Record<AlertKind, string> = {
  red: 'Red',
  amber: 'Amber',
  no_reply: 'No reply',
};

export const alertReasonText = (reason: string) =>
  reason === 'three_ambers'
    ? 'Three ambers in a row'
    : reason === 'no_reply'
      ? 'No reply after a reminder'
      : '';

export const when = (iso: string | null) => (iso ? formatDateTime(iso) : '—');
