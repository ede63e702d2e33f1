import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/web/lib/api-client.ts';
import { fieldErrorsFromApi } from '../../src/web/lib/form-problems.ts';

const refused = (details: { field: string; message: string }[]) =>
  new ApiError({ status: 400, code: 'validation_failed', message: 'Check the form.', details });

describe('spreading a refusal over a form', () => {
  it('puts a problem inside a list on that entry’s own field when the form has one', () => {
    const ids = { name: 'n', 'outcomes.2.name': 'o2n', 'outcomes.2.quantity': 'o2q' };
    const result = fieldErrorsFromApi(
      refused([{ field: 'outcomes.2.quantity', message: 'Enter a number.' }]),
      ids,
    );
    expect(result).toEqual({ fieldErrors: { 'outcomes.2.quantity': 'Enter a number.' }, generalError: null });
  });

  it('puts a problem with one item of a multi-choice on the field as a whole', () => {
    const result = fieldErrorsFromApi(refused([{ field: 'siteIds.0', message: 'Choose your site.' }]), {
      siteIds: 's',
    });
    expect(result.fieldErrors).toEqual({ siteIds: 'Choose your site.' });
  });

  it('keeps the first problem per field and falls back to the message when no field matches', () => {
    const ids = { name: 'n' };
    expect(
      fieldErrorsFromApi(
        refused([
          { field: 'name', message: 'Enter a name.' },
          { field: 'name', message: 'Shorten the name.' },
        ]),
        ids,
      ).fieldErrors,
    ).toEqual({ name: 'Enter a name.' });
    expect(fieldErrorsFromApi(refused([{ field: 'other.1', message: 'No.' }]), ids)).toEqual({
      fieldErrors: {},
      generalError: 'Check the form.',
    });
  });
});
