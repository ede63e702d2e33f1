/**
 * The rows of a raw `db.execute(sql…)` result. Both drivers (node-postgres and PGlite) answer
 * `{ rows }`, but Drizzle types the result by the driver, which repositories written for both cannot
 * name; this is the one place that unpacks it.
 */
export const rowsOf = <T>(result: unknown): T[] => (result as { rows?: T[] }).rows ?? [];
