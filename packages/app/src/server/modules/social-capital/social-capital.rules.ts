/**
 * Succession (issue 6 §9; the review's warning that a service rests on a few people's networks): a
 * relationship held by one worker is at risk; coverage is the share held by two or more.
 */
export type HolderCount = { activeHolders: number };

export const isSuccessionRisk = (c: HolderCount) => c.activeHolders === 1;
export const isLost = (c: HolderCount) => c.activeHolders === 0;

export function successionCoverage(contacts: readonly HolderCount[]) {
  const heldByTwoOrMore = contacts.filter((c) => c.activeHolders >= 2).length;
  const heldByOne = contacts.filter(isSuccessionRisk).length;
  const lost = contacts.filter(isLost).length;
  return {
    contacts: contacts.length,
    heldByTwoOrMore,
    heldByOne,
    lost,
    coverage: contacts.length === 0 ? null : Math.round((heldByTwoOrMore / contacts.length) * 1000) / 1000,
  };
}

export type HandoverItem = { holderId: string } & (
  | { action: 'pass_on'; toMemberId: string }
  | { action: 'lost'; note: string }
);

/** A handover must say what happens to every relationship the person holds, once each. */
export function handoverProblems(
  heldIds: readonly string[],
  items: readonly HandoverItem[],
  leaverId: string,
) {
  const problems: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!heldIds.includes(item.holderId))
      problems.push({
        field: `items.${i}.holderId`,
        message: 'Choose a relationship this person holds now.',
      });
    else if (seen.has(item.holderId))
      problems.push({ field: `items.${i}.holderId`, message: 'Say once what happens to each relationship.' });
    if (item.action === 'pass_on' && item.toMemberId === leaverId)
      problems.push({
        field: `items.${i}.toMemberId`,
        message: 'Pass it on to someone other than the person leaving.',
      });
    seen.add(item.holderId);
  });
  const missing = heldIds.filter((id) => !seen.has(id)).length;
  if (missing > 0)
    problems.push({
      field: 'items',
      message: `Say what happens to every relationship: ${missing} ${missing === 1 ? 'is' : 'are'} not covered.`,
    });
  return problems;
}
