/** What the coordinator chose for one relationship the leaver holds. */
export type HandoverChoice = {
  holderId: string;
  action: 'pass_on' | 'lost' | '';
  toMemberId: string;
  note: string;
};

export type HandoverRequestItem =
  | { holderId: string; action: 'pass_on'; toMemberId: string }
  | { holderId: string; action: 'lost'; note: string };

export const blankChoice = (holderId: string): HandoverChoice => ({
  holderId,
  action: '',
  toMemberId: '',
  note: '',
});

/** Problems keyed like the server's details (`items.0.toMemberId`): every relationship needs a decision. */
export function handoverProblems(choices: readonly HandoverChoice[]): Record<string, string> {
  const problems: Record<string, string> = {};
  choices.forEach((c, i) => {
    if (c.action === '') problems[`items.${i}.action`] = 'Choose whether to pass it on or record it as lost.';
    if (c.action === 'pass_on' && !c.toMemberId)
      problems[`items.${i}.toMemberId`] = 'Choose who takes this relationship on.';
    if (c.action === 'lost' && !c.note.trim())
      problems[`items.${i}.note`] = 'Say why it could not be passed on.';
  });
  return problems;
}

/** One item per relationship, with only the field its action needs. */
export function handoverRequestBody(choices: readonly HandoverChoice[]): { items: HandoverRequestItem[] } {
  return {
    items: choices.flatMap((c): HandoverRequestItem[] =>
      c.action === 'pass_on'
        ? [{ holderId: c.holderId, action: 'pass_on', toMemberId: c.toMemberId }]
        : c.action === 'lost'
          ? [{ holderId: c.holderId, action: 'lost', note: c.note.trim() }]
          : [],
    ),
  };
}
