/** The one source of "now", passed to code whose rules depend on time, so tests can move it. */
export type Clock = { now: () => Date };

export const systemClock: Clock = { now: () => new Date() };
