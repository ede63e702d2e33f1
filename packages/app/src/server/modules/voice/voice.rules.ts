import type { VoiceStatus } from '../../../contract/voice.ts';

export type Refusal = { field: string; message: string };

/**
 * Peer and service-user voice (issue 6 §10): the statuses an item may move between, and what each
 * decision must say. A decided item can be reopened for review, never silently rewritten.
 */
const allowed: Record<VoiceStatus, readonly VoiceStatus[]> = {
  open: ['under_review', 'acted_upon', 'not_taken_forward'],
  under_review: ['open', 'acted_upon', 'not_taken_forward'],
  acted_upon: ['under_review'],
  not_taken_forward: ['under_review'],
};

export function voiceStatusProblem(
  from: VoiceStatus,
  to: VoiceStatus,
  outcome: string | undefined,
): Refusal | null {
  if (!allowed[from].includes(to))
    return {
      field: 'status',
      message: `An item that is ${from.replaceAll('_', ' ')} cannot become ${to.replaceAll('_', ' ')}.`,
    };
  if (to === 'acted_upon' && !outcome) return { field: 'outcome', message: 'Say what changed as a result.' };
  if (to === 'not_taken_forward' && !outcome)
    return { field: 'outcome', message: 'Say why it was not taken forward.' };
  return null;
}
