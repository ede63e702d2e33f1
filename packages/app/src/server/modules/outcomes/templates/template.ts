import type { z } from 'zod';
import { type InstrumentContent, instrumentContent } from '../../../../contract/outcomes.ts';
import { ons4V1 } from './ons4.v1.ts';
import { peerSupporterSurveyV1 } from './peer-supporter-survey.v1.ts';
import { serviceUserSurveyV1 } from './service-user-survey.v1.ts';

/** A shipped instrument an organisation copies into its own. Versioned files: never edited once shipped. */
export type SurveyTemplate = {
  key: string;
  templateVersion: number;
  licence: string;
  /** As written (defaults may be left out); `templateContent` gives it parsed. */
  content: z.input<typeof instrumentContent>;
};

export const surveyTemplates: readonly SurveyTemplate[] = [
  serviceUserSurveyV1,
  peerSupporterSurveyV1,
  ons4V1,
];

/** `ons4@1`: the key an instrument copied from a template keeps. */
export const templateId = (t: SurveyTemplate) => `${t.key}@${t.templateVersion}`;

export function findTemplate(id: string): SurveyTemplate | undefined {
  return surveyTemplates.find((t) => templateId(t) === id || t.key === id);
}

/** The template's content, checked by the same contract as an organisation's own instrument. */
export const templateContent = (t: SurveyTemplate): InstrumentContent => instrumentContent.parse(t.content);
