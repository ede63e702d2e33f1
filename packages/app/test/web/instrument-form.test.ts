import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { instrumentContent, type SurveyItemInput, surveyItem } from '../../src/contract/outcomes.ts';
import {
  contentOf,
  draftOf,
  draftProblems,
  formFieldOf,
  type ItemDraft,
  instrumentDraftOf,
  itemOf,
  itemTypes,
  moveItem,
  newItem,
  problemsFromDetails,
  saveProblemOf,
  unusedKey,
  withType,
} from '../../src/web/features/outcomes/instrument-form.ts';
import { ApiError } from '../../src/web/lib/api-client.ts';

const saved: SurveyItemInput[] = [
  {
    type: 'scale',
    key: 'resilience',
    text: 'When things go wrong, it takes me a long time to get back to normal',
    minLabel: 'Strongly disagree',
    maxLabel: 'Strongly agree',
    isReverseKeyed: true,
    isRetrospective: true,
    beforeText: 'Before the service, when things went wrong…',
    outcomeArea: 'Resilience',
  },
  {
    type: 'ordered',
    key: 'housing',
    text: 'Where are you living?',
    ranks: ['Rough sleeping', 'Sofa surfing', 'Own place'],
    unranked: ['I would prefer not to say'],
  },
  { type: 'single_choice', key: 'contact', text: 'How do we reach you?', options: ['Phone', 'Text'] },
  { type: 'multiple_choice', key: 'help', text: 'What helped?', options: ['Talking', 'Walking'] },
  { type: 'yes_no', key: 'again', text: 'Would you come again?', isRequired: true },
  { type: 'number', key: 'nights', text: 'Nights outside', min: 0, max: 365, isWhole: true },
  { type: 'free_text', key: 'story', text: 'Anything else?', maxLength: 800 },
  { type: 'attribution', key: 'due', text: 'How much is due to us?', indicatorKeys: ['resilience'] },
  {
    type: 'counterfactual',
    key: 'without',
    text: 'Without us, things would have…',
    indicatorKeys: [],
    deadweightMapping: {
      worsened_significantly: 0,
      worsened_slightly: 0,
      stayed_the_same: 0.1,
      improved_slightly: 0.35,
      improved_significantly: 0.8,
    },
  },
];
const content = instrumentContent.parse({ name: 'Our wellbeing survey', items: saved });

describe('the instrument editor’s form', () => {
  it('gives back every saved question of every type unchanged when turned into the form and back', () => {
    expect(instrumentContent.parse(contentOf(instrumentDraftOf(content)))).toEqual(content);
  });

  it('offers a new question of every type that the contract accepts once its wording is typed in', () => {
    for (const type of itemTypes) {
      const draft = { ...newItem(type, [{ key: 'resilience' }]), text: 'A question', options: 'Yes\nNo' };
      const ranked = type === 'ordered' ? { ...draft, ranks: 'Worse\nBetter' } : draft;
      const linked = type === 'attribution' ? { ...ranked, indicatorKeys: ['resilience'] } : ranked;
      expect(surveyItem.safeParse(itemOf(linked)).success, type).toBe(true);
    }
  });

  it('gives a new scale labelled ends and a new ordered question a “prefer not to say” answer outside the ranks', () => {
    expect(newItem('scale')).toMatchObject({ minLabel: 'Not at all', maxLabel: 'Completely' });
    expect(itemOf({ ...newItem('ordered'), ranks: 'Worse\n\n  Better  ' })).toMatchObject({
      ranks: ['Worse', 'Better'],
      unranked: ['I would prefer not to say'],
    });
  });

  it('sends only the fields of the question’s type, keeping what was typed when the type changes', () => {
    const choice = { ...newItem('single_choice'), text: 'Pick one', options: 'A\nB', minLabel: 'typed' };
    expect(Object.keys(itemOf(choice)).sort()).toEqual([
      'help',
      'isRequired',
      'key',
      'options',
      'text',
      'type',
    ]);
    const scale = withType(choice, 'scale');
    expect(scale).toMatchObject({
      text: 'Pick one',
      options: 'A\nB',
      minLabel: 'typed',
      maxLabel: 'Completely',
    });
  });

  it('holds the counterfactual’s deadweight as percentages and sends shares', () => {
    const counterfactual = draftOf(surveyItem.parse(saved[8]));
    expect(counterfactual.deadweightMapping.improved_slightly).toBe(35);
    expect(
      itemOf({
        ...counterfactual,
        deadweightMapping: { ...counterfactual.deadweightMapping, stayed_the_same: 12.5 },
      }),
    ).toMatchObject({ deadweightMapping: { stayed_the_same: 0.125, improved_significantly: 0.8 } });
  });

  it('names a key no other question uses', () => {
    expect(unusedKey([{ key: 'question_2' }, { key: 'question_3' }])).toBe('question_4');
    expect(unusedKey([])).toBe('question_1');
  });

  it('moves a question up or down one place, and not past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  test.prop([
    fc.array(fc.integer(), { maxLength: 30 }),
    fc.nat(40),
    fc.constantFrom(-1 as const, 1 as const),
  ])('keeps every question when moving one, and moving it back restores the order', (items, index, by) => {
    const moved = moveItem(items, index, by);
    expect([...moved].sort()).toEqual([...items].sort());
    const to = index + by;
    if (index < items.length && to >= 0 && to < items.length)
      expect(moveItem(moved, to, by === 1 ? -1 : 1)).toEqual(items);
    else expect(moved).toEqual(items);
  });

  it('puts the contract’s problems on the field that is wrong, in words that say how to fix it', () => {
    const draft = instrumentDraftOf(content);
    draft.name = ' ';
    const at = (index: number) => draft.items[index] as ItemDraft;
    draft.items[0] = { ...at(0), minLabel: '' };
    draft.items[1] = { ...at(1), ranks: 'Only one' };
    draft.items[7] = { ...at(7), indicatorKeys: [] };
    draft.items[8] = { ...at(8), deadweightMapping: { ...at(8).deadweightMapping, improved_slightly: 120 } };
    expect(draftProblems(draft)).toEqual({
      name: 'Name the instrument',
      'items.0.minLabel': 'Label the 0 end of the scale',
      'items.1.ranks': 'List at least 2 ranked answers, one per line.',
      'items.7.indicatorKeys': 'Choose at least one 0 to 10 or ordered question it is about.',
      'items.8.deadweightMapping.improved_slightly': 'Enter a percentage from 0 to 100.',
    });
    expect(draftProblems(instrumentDraftOf(content))).toEqual({});
  });

  it('puts the server’s problems on the matching field, a whole question’s on its answers, the rest in the summary', () => {
    const items = instrumentDraftOf(content).items;
    expect(formFieldOf('content.items.7.indicatorKeys.0', items)).toBe('items.7.indicatorKeys');
    expect(formFieldOf('content.items.1', items)).toBe('items.1.ranks');
    expect(formFieldOf('content.items.2', items)).toBe('items.2.options');
    expect(formFieldOf('content.items.4', items)).toBe('items.4.text');
    expect(
      problemsFromDetails(
        [
          { field: 'content.items.0.key', message: 'Give each question its own key.' },
          { field: 'basedOnVersion', message: 'Edit version 3, the newest.' },
        ],
        items,
      ),
    ).toEqual({
      fieldErrors: { 'items.0.key': 'Give each question its own key.' },
      unmatched: ['Edit version 3, the newest.'],
    });
  });
});

describe('what a refused save means for the editor', () => {
  const items = instrumentDraftOf(content).items;
  const refusal = (
    code: 'conflict' | 'validation_failed' | 'forbidden',
    details: { field: string; message: string }[],
  ) =>
    new ApiError({
      status: code === 'conflict' ? 409 : code === 'forbidden' ? 403 : 400,
      code,
      message: 'Refused.',
      details,
    });

  it('asks to reload when someone else saved a newer version first', () => {
    expect(
      saveProblemOf(refusal('conflict', [{ field: 'basedOnVersion', message: 'Edit version 2.' }]), items),
    ).toEqual({
      kind: 'stale',
    });
  });

  it('shows a conflict that is not about the version (nothing to publish) as one message', () => {
    expect(saveProblemOf(refusal('conflict', []), items)).toEqual({ kind: 'general', message: 'Refused.' });
  });

  it('puts field problems on their fields and anything else in the summary', () => {
    expect(
      saveProblemOf(
        refusal('validation_failed', [
          { field: 'content.items.1.ranks.0', message: 'Enter each answer' },
          { field: '(root)', message: 'Send JSON.' },
        ]),
        items,
      ),
    ).toEqual({
      kind: 'fields',
      fieldErrors: { 'items.1.ranks': 'Enter each answer' },
      general: 'Send JSON.',
    });
    expect(saveProblemOf(new Error('Offline'), items)).toEqual({ kind: 'general', message: 'Offline' });
  });
});
