// Reading driver errors, which Drizzle wraps (the driver's error is the `cause`).

/** The error and its causes, outermost first. */
function* causeChain(error: unknown): Generator<{ code?: unknown; message?: unknown; constraint?: unknown }> {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const e = current as { code?: unknown; message?: unknown; constraint?: unknown; cause?: unknown };
    yield e;
    current = e.cause;
  }
}

// Errors that mean "the database is not reachable right now", as opposed to a bug.
const unavailableSqlStates = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const unavailableNodeCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
const unavailableMessages = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
];

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of causeChain(error)) {
    if (typeof e.code === 'string' && (unavailableSqlStates.has(e.code) || unavailableNodeCodes.has(e.code)))
      return true;
    const message = e.message;
    if (typeof message === 'string' && unavailableMessages.some((re) => re.test(message))) return true;
  }
  return false;
}

/** The SQLSTATE of an error or its cause. */
export function sqlState(error: unknown): string | undefined {
  for (const e of causeChain(error)) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

/** The constraint a violation names (node-postgres and PGlite both report it). */
export function constraintOf(error: unknown): string | undefined {
  for (const e of causeChain(error)) {
    if (typeof e.constraint === 'string') return e.constraint;
  }
  return undefined;
}
