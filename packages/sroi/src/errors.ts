import type { Issue } from './model.ts';

/**
 * Thrown when a model that cannot be calculated is given to `calculate` (or a scenario makes it so).
 * Carries the located issues, so callers can show them the same way `validateModel` does.
 *
 * @example
 * try {
 *   calculate(model);
 * } catch (error) {
 *   if (error instanceof InvalidModelError) for (const i of error.issues) console.error(i.path, i.message);
 * }
 */
export class InvalidModelError extends Error {
  readonly code = 'invalid_model';
  readonly issues: Issue[];

  constructor(issues: Issue[], context = 'the model') {
    const first = issues[0];
    const summary = first ? `${first.path || '(model)'}: ${first.message}` : 'no details';
    super(
      `${context} is invalid (${issues.length} error${issues.length === 1 ? '' : 's'}; first: ${summary})`,
    );
    this.name = 'InvalidModelError';
    this.issues = issues;
  }
}
