import { describe, expect, it } from 'vitest';
import {
  blankChoice,
  handoverProblems,
  handoverRequestBody,
} from '../../src/web/features/social-capital/handover-form.ts';

describe('the relationship handover form', () => {
  it('asks what happens to every relationship, and for who takes it on or why it is lost', () => {
    expect(
      handoverProblems([
        blankChoice('h1'),
        { ...blankChoice('h2'), action: 'pass_on' },
        { ...blankChoice('h3'), action: 'lost', note: '  ' },
      ]),
    ).toEqual({
      'items.0.action': 'Choose whether to pass it on or record it as lost.',
      'items.1.toMemberId': 'Choose who takes this relationship on.',
      'items.2.note': 'Say why it could not be passed on.',
    });
  });

  it('sends each relationship with only the field its action needs', () => {
    expect(
      handoverRequestBody([
        { holderId: 'h1', action: 'pass_on', toMemberId: 'm2', note: 'left over' },
        { holderId: 'h2', action: 'lost', toMemberId: 'm3', note: ' Contact retired ' },
      ]),
    ).toEqual({
      items: [
        { holderId: 'h1', action: 'pass_on', toMemberId: 'm2' },
        { holderId: 'h2', action: 'lost', note: 'Contact retired' },
      ],
    });
  });
});
