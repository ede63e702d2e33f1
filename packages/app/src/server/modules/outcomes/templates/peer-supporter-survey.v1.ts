import type { SurveyTemplate } from './template.ts';

/**
 * The peer-supporter survey of the NHS England Liaison and Diversion peer support review (Revolving
 * Doors Agency and NEF Consulting, October 2018), appendix 3, for the benefit to the peers themselves.
 * Indicator statements and answer scales are reproduced with this citation. The review let people pick
 * several employment situations; here the main one is asked, ranked worst first, so it can be scored.
 */
const citation =
  'Revolving Doors Agency and NEF Consulting (2018), NHS England Liaison and Diversion peer support: a review of Pathfinder sites, appendix 3 (peer supporter survey).';
const preferNotToSay = 'I would prefer not to say';

export const peerSupporterSurveyV1: SurveyTemplate = {
  key: 'peer_supporter_survey',
  templateVersion: 1,
  licence: 'Statements and scales reproduced with citation of the review',
  content: {
    name: 'Peer supporter survey (L&D peer support review)',
    introduction:
      'This survey asks how being a peer supporter has affected your life. There are no right or wrong answers. We ask how things are now, and how they were before you became a peer supporter.',
    citation,
    items: [
      {
        type: 'number',
        key: 'months_as_peer',
        text: 'How long have you been a peer supporter, in months?',
        min: 0,
        max: 600,
      },
      { type: 'free_text', key: 'why_peer', text: 'Why did you become a peer supporter?' },
      {
        type: 'ordered',
        key: 'employment',
        text: 'Thinking about now, what is your main employment situation?',
        beforeText:
          'Thinking about just before you applied to become a peer supporter, what was your main employment situation?',
        isRetrospective: true,
        ranks: [
          'Unemployed',
          'Irregular work / odd jobs',
          'Unpaid work / volunteering',
          'Part-time job',
          'Self-employed',
          'Full-time job',
        ],
        outcomeArea: 'Employment',
      },
      {
        type: 'attribution',
        key: 'employment_contribution',
        text: 'To what extent do you think the change in employment status, if any, is due to becoming a peer supporter?',
        indicatorKeys: ['employment'],
      },
      {
        type: 'ordered',
        key: 'training',
        text: 'Are you currently accessing educational courses / training, or have you since becoming a peer supporter?',
        beforeText:
          'Thinking about the period just before applying to become a peer, were you accessing educational courses / training?',
        isRetrospective: true,
        ranks: ['No', 'Yes'],
        unranked: [preferNotToSay],
        outcomeArea: 'Education and training',
      },
      {
        type: 'ordered',
        key: 'finances',
        text: 'How well would you say you are managing financially these days?',
        beforeText:
          'Thinking about the period just before you applied to become a peer supporter, how well would you say you were managing financially?',
        isRetrospective: true,
        ranks: [
          'Finding it very difficult',
          'Finding it quite difficult',
          'Just about getting by',
          'Doing alright',
          'Living comfortably',
        ],
        outcomeArea: 'Financial situation',
      },
      {
        type: 'attribution',
        key: 'finances_contribution',
        text: 'To what extent do you think the change, if any, in how you manage financially is due to becoming a peer supporter?',
        indicatorKeys: ['finances'],
      },
      {
        type: 'yes_no',
        key: 'stay_clear_substances',
        text: 'Has this job played a role in helping you stay clear of substance misuse (alcohol and drugs)?',
        help: 'It does not matter how big or small the role is.',
      },
      {
        type: 'yes_no',
        key: 'stay_out_of_cjs',
        text: 'Has this job played a role in keeping you out of the criminal justice system?',
        help: 'It does not matter how big or small the role is.',
      },
      {
        type: 'scale',
        key: 'self_esteem',
        text: '“In general I feel very positive about myself”',
        beforeText: '“In general I felt very positive about myself”',
        isRetrospective: true,
        minLabel: 'I am in a very bad place',
        maxLabel: 'I feel very positive about myself',
        outcomeArea: 'Personal wellbeing – self-esteem',
      },
      {
        type: 'attribution',
        key: 'self_esteem_contribution',
        text: 'To what extent do you think the changes, if any, in feeling positive about yourself are due to becoming a peer supporter?',
        help: 'Please take into consideration input from any other services you accessed or support you received.',
        indicatorKeys: ['self_esteem'],
      },
      {
        type: 'counterfactual',
        key: 'counterfactual',
        text: 'Thinking about all the changes since you became a peer supporter, how much do you think they would have changed if the service did not exist?',
      },
    ],
  },
};
