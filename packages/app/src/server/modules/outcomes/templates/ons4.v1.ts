import type { SurveyTemplate } from './template.ts';

/**
 * ONS4 personal well-being questions, in the Office for National Statistics' wording (Annual
 * Population Survey). Source: ONS, "Personal well-being user guidance" and "Surveys using our four
 * personal well-being questions". Crown copyright, reproduced under the Open Government Licence v3.0.
 * A new wording is a new file (ons4.v2.ts), never an edit of this one.
 */
export const ons4V1: SurveyTemplate = {
  key: 'ons4',
  templateVersion: 1,
  licence: 'Open Government Licence v3.0 (Crown copyright)',
  content: {
    name: 'ONS4 personal well-being',
    introduction:
      'Next I would like to ask you four questions about your feelings on aspects of your life. There are no right or wrong answers. For each of these questions I’d like you to give an answer on a scale of 0 to 10, where 0 is “not at all” and 10 is “completely”.',
    citation:
      'Office for National Statistics, personal well-being questions (ONS4), Annual Population Survey. Crown copyright; Open Government Licence v3.0.',
    items: [
      {
        type: 'scale',
        key: 'life_satisfaction',
        text: 'Overall, how satisfied are you with your life nowadays?',
        help: '',
        isRequired: false,
        isRetrospective: false,
        beforeText: '',
        min: 0,
        max: 10,
        minLabel: 'Not at all',
        maxLabel: 'Completely',
        isReverseKeyed: false,
        outcomeArea: 'Personal wellbeing – life satisfaction',
      },
      {
        type: 'scale',
        key: 'worthwhile',
        text: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
        help: '',
        isRequired: false,
        isRetrospective: false,
        beforeText: '',
        min: 0,
        max: 10,
        minLabel: 'Not at all',
        maxLabel: 'Completely',
        isReverseKeyed: false,
        outcomeArea: 'Personal wellbeing – worthwhile',
      },
      {
        type: 'scale',
        key: 'happiness',
        text: 'Overall, how happy did you feel yesterday?',
        help: '',
        isRequired: false,
        isRetrospective: false,
        beforeText: '',
        min: 0,
        max: 10,
        minLabel: 'Not at all',
        maxLabel: 'Completely',
        isReverseKeyed: false,
        outcomeArea: 'Personal wellbeing – happiness',
      },
      {
        type: 'scale',
        key: 'anxiety',
        text: 'On a scale where 0 is “not at all anxious” and 10 is “completely anxious”, overall, how anxious did you feel yesterday?',
        help: '',
        isRequired: false,
        isRetrospective: false,
        beforeText: '',
        min: 0,
        max: 10,
        minLabel: 'Not at all anxious',
        maxLabel: 'Completely anxious',
        // Lower anxiety is better, so the analysis reverses it.
        isReverseKeyed: true,
        outcomeArea: 'Personal wellbeing – anxiety',
      },
    ],
  },
};
