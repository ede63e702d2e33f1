import type { SurveyItemInput } from '../../../../contract/outcomes.ts';
import type { SurveyTemplate } from './template.ts';

/**
 * The service-user survey of the NHS England Liaison and Diversion peer support review (Revolving
 * Doors Agency and NEF Consulting, October 2018), appendix 3. Indicator statements and answer scales
 * are reproduced from it with this citation; the questions' order and the ranking of categories
 * (worst first) are Peerpath's, so distance travelled can be computed as in its appendix 4.
 */
const citation =
  'Revolving Doors Agency and NEF Consulting (2018), NHS England Liaison and Diversion peer support: a review of Pathfinder sites, appendix 3 (service user survey).';
const preferNotToSay = 'I would prefer not to say';

const attribution = (key: string, about: string, indicatorKeys: string[]): SurveyItemInput => ({
  type: 'attribution',
  key,
  text: `To what extent do you think the changes, if any, in ${about} are due to the support of the service?`,
  indicatorKeys,
});

export const serviceUserSurveyV1: SurveyTemplate = {
  key: 'service_user_survey',
  templateVersion: 1,
  licence: 'Statements and scales reproduced with citation of the review',
  content: {
    name: 'Service user survey (L&D peer support review)',
    introduction:
      'This survey asks how peer support has affected your life. There are no right or wrong answers. We ask how things are now, and how they were before peer support. Your answers are kept confidential.',
    citation,
    items: [
      {
        type: 'number',
        key: 'months_in_service',
        text: 'How long have you been part of the peer support service, in months?',
        min: 0,
        max: 600,
      },
      {
        type: 'number',
        key: 'meetings',
        text: 'Approximately how many times have you met with your peer supporter?',
        min: 0,
        max: 10_000,
      },
      {
        type: 'free_text',
        key: 'other_services',
        text: 'What appointments with other support services have you attended since engaging with your peer mentor, if any?',
      },
      {
        type: 'single_choice',
        key: 'would_have_engaged',
        text: 'Do you think you would have engaged with these services if you did not have a peer supporter/mentor?',
        options: ['Yes', 'No', 'I don’t know'],
      },
      {
        type: 'scale',
        key: 'self_esteem',
        text: '“In general I feel very positive about myself”',
        beforeText: '“In general I felt very positive about myself”',
        help: 'How much do you agree or disagree?',
        isRetrospective: true,
        minLabel: 'Disagree completely',
        maxLabel: 'Agree completely',
        outcomeArea: 'Personal wellbeing – self-esteem',
      },
      {
        type: 'scale',
        key: 'relationships',
        text: '“I have positive relationships with friends and / or family”',
        beforeText: '“I had positive relationships with friends and / or family”',
        help: 'How much do you agree or disagree?',
        isRetrospective: true,
        minLabel: 'Disagree completely',
        maxLabel: 'Agree completely',
        outcomeArea: 'Social wellbeing – supportive relationships',
      },
      {
        type: 'scale',
        key: 'resilience',
        text: '“When things go wrong in my life, it generally takes me a long time to get back to normal”',
        beforeText:
          '“When things went wrong in my life, it generally took me a long time to get back to normal”',
        help: 'How much do you agree or disagree?',
        isRetrospective: true,
        minLabel: 'Disagree completely',
        maxLabel: 'Agree completely',
        // Negatively worded: agreeing more is worse.
        isReverseKeyed: true,
        outcomeArea: 'Personal wellbeing – resilience',
      },
      attribution('self_esteem_contribution', 'feeling positive about yourself', ['self_esteem']),
      attribution('relationships_contribution', 'your social relationships', ['relationships']),
      attribution('resilience_contribution', 'dealing with things that go wrong in your life', [
        'resilience',
      ]),
      {
        type: 'ordered',
        key: 'substance_use',
        text: 'Thinking about now, are you using drugs and/or alcohol?',
        beforeText:
          'Thinking about just before you started peer support, were you using drugs and/or alcohol?',
        isRetrospective: true,
        ranks: ['Addicted/dependent', 'Problem use', 'Recreational use', 'Non-user'],
        outcomeArea: 'Substance misuse',
      },
      attribution('substance_use_contribution', 'your use of drugs and/or alcohol', ['substance_use']),
      {
        type: 'ordered',
        key: 'training',
        text: 'Are you currently accessing educational courses / training, or have you since joining the peer support service?',
        beforeText:
          'Thinking about just before you started peer support, were you accessing educational courses / training?',
        isRetrospective: true,
        ranks: ['No', 'Yes'],
        unranked: [preferNotToSay],
        outcomeArea: 'Education and training',
      },
      attribution('training_contribution', 'your education and training', ['training']),
      {
        type: 'ordered',
        key: 'employment',
        text: 'How would you describe your current employment situation?',
        beforeText: 'Thinking about before peer support, what was your employment situation?',
        isRetrospective: true,
        ranks: ['Unemployed', 'Volunteering', 'Part-time job', 'Self-employed', 'Full-time job'],
        unranked: [preferNotToSay],
        outcomeArea: 'Employment',
      },
      attribution('employment_contribution', 'your employment situation', ['employment']),
      {
        type: 'ordered',
        key: 'living_situation',
        text: 'How would you describe your current living situation?',
        beforeText: 'Thinking about before peer support, please describe what your living situation was.',
        isRetrospective: true,
        ranks: [
          'Rough sleeping',
          'Sofa surfing',
          'Temporary accommodation',
          'Living with family/ friends',
          'In my own place',
        ],
        unranked: [preferNotToSay],
        outcomeArea: 'Living situation',
      },
      attribution('living_situation_contribution', 'your living situation', ['living_situation']),
      {
        type: 'counterfactual',
        key: 'counterfactual',
        text: 'Thinking about all the changes since you started the peer support service, how much do you think they would have changed if the service did not exist?',
      },
    ],
  },
};
