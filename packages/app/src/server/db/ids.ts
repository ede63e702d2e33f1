import { uuidv7 } from 'uuidv7';

/** Time-ordered UUIDs, generated in code so PGlite and PostgreSQL behave the same. */
export const newId = (): string => uuidv7();
