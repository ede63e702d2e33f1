import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ImpactModel, validateModel } from '../src/index.ts';
import { buildModel } from './load-fixture.ts';

function errorsOf(model: unknown) {
  return validateModel(model).errors.map((e) => ({ path: e.path, code: e.code }));
}

function codes(model: unknown, kind: 'errors' | 'warnings' = 'warnings') {
  return validateModel(model)[kind].map((w) => `${w.path} ${w.code}`);
}

function withOutcome(changes: Record<string, unknown>): ImpactModel {
  const model = buildModel();
  Object.assign(model.outcomes[0] as object, changes);
  return model;
}

describe('validation errors say which field is wrong and how', () => {
  it('accepts a well-formed model with no errors', () => {
    const result = validateModel(buildModel());
    expect(result.valid).toBe(true);
    expect(result.errors).toEqual([]);
    expect(result.model).not.toBeNull();
  });

  it('locates a rate outside 0..1 and says what it got', () => {
    const [error] = validateModel(withOutcome({ deadweight: 1.2 })).errors;
    expect(error).toEqual({
      path: 'outcomes[0].deadweight',
      code: 'out_of_range',
      message: 'deadweight must be between 0 and 1; got 1.2',
    });
  });

  it('rejects a negative quantity and explains how to record harm instead', () => {
    const [error] = validateModel(withOutcome({ quantity: -3 })).errors;
    expect(error).toMatchObject({ path: 'outcomes[0].quantity', code: 'negative_quantity' });
    expect(error?.message).toMatch(/negative proxy/);
  });

  it('requires a financial proxy', () => {
    const model = withOutcome({});
    delete (model.outcomes[0] as { proxy?: unknown }).proxy;
    expect(errorsOf(model)).toContainEqual({ path: 'outcomes[0].proxy', code: 'required' });
  });

  it('rejects a duration below one year', () => {
    expect(errorsOf(withOutcome({ duration: 0 }))).toContainEqual({
      path: 'outcomes[0].duration',
      code: 'out_of_range',
    });
  });

  it('rejects attribution and service contribution given together', () => {
    expect(errorsOf(withOutcome({ serviceContribution: 0.7 }))).toContainEqual({
      path: 'outcomes[0].serviceContribution',
      code: 'conflicting_fields',
    });
  });

  it('rejects unknown keys at every level', () => {
    const model = { ...buildModel(), extra: 1 } as unknown as ImpactModel;
    Object.assign(model.outcomes[0] as object, { deadWeight: 0.1 });
    Object.assign(model.outcomes[0]?.proxy as object, { currency: 'GBP' });
    expect(errorsOf(model)).toEqual([
      { path: 'extra', code: 'unknown_key' },
      { path: 'outcomes[0].deadWeight', code: 'unknown_key' },
      { path: 'outcomes[0].proxy.currency', code: 'unknown_key' },
    ]);
  });

  it('rejects an outcome for a stakeholder that does not exist', () => {
    expect(errorsOf(withOutcome({ stakeholder: 'nobody' }))).toContainEqual({
      path: 'outcomes[0].stakeholder',
      code: 'unknown_reference',
    });
  });

  it('rejects duplicate ids and points at the second one', () => {
    const model = buildModel();
    model.outcomes.push({ ...(model.outcomes[0] as ImpactModel['outcomes'][number]) });
    expect(errorsOf(model)).toContainEqual({ path: 'outcomes[1].id', code: 'duplicate_id' });
  });

  it('rejects a model with no inputs, or inputs worth nothing', () => {
    expect(errorsOf(buildModel({ inputs: [] }))).toContainEqual({ path: 'inputs', code: 'no_inputs' });
    expect(errorsOf(buildModel({ inputs: [{ id: 'a', name: 'Nothing', amount: 0 }] }))).toContainEqual({
      path: 'inputs',
      code: 'zero_inputs',
    });
  });

  it('rejects a scenario or distribution that names an outcome that does not exist', () => {
    const model = buildModel({
      scenarios: [{ name: 'Bad', proxyValues: { nowhere: 1 } }],
      uncertainty: { 'outcomes.nowhere.quantity': { type: 'uniform', min: 0, max: 1 } },
    });
    expect(errorsOf(model)).toEqual([
      { path: 'scenarios[0].proxyValues.nowhere', code: 'unknown_reference' },
      { path: 'uncertainty["outcomes.nowhere.quantity"]', code: 'unknown_estimate' },
    ]);
  });

  it('rejects a distribution whose mode lies outside its range', () => {
    const model = buildModel({
      uncertainty: {
        'outcomes.housing.proxy.value': { type: 'triangular', min: 500, mode: 2000, max: 1500 },
      },
    });
    expect(errorsOf(model)).toEqual([
      { path: 'uncertainty["outcomes.housing.proxy.value"].mode', code: 'out_of_range' },
    ]);
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const result = validateModel(value);
        expect(result.valid).toBe(result.errors.length === 0);
      }),
      { numRuns: 300 },
    );
    for (const value of [null, 42, 'model', [], { outcomes: 'x', inputs: {}, stakeholders: [null] }]) {
      expect(validateModel(value).valid).toBe(false);
    }
  });
});

describe('validation warnings flag practitioner pitfalls', () => {
  it('warns when no deadweight or attribution is stated', () => {
    const model = withOutcome({});
    delete (model.outcomes[0] as { deadweight?: number }).deadweight;
    delete (model.outcomes[0] as { attribution?: number }).attribution;
    expect(codes(model)).toEqual(
      expect.arrayContaining([
        'outcomes[0].deadweight no_deadweight',
        'outcomes[0].attribution no_attribution',
      ]),
    );
  });

  it('warns about a multi-year outcome with no drop-off, and a duration over 5 years', () => {
    expect(codes(withOutcome({ dropOff: 0, duration: 6 }))).toEqual([
      'outcomes[0].dropOff no_drop_off',
      'outcomes[0].duration long_duration',
    ]);
  });

  it('warns about a financial proxy without a source', () => {
    expect(codes(withOutcome({ proxy: { value: 1000 } }))).toEqual([
      'outcomes[0].proxy.source proxy_without_source',
    ]);
  });

  it('warns when the same indicator is valued under two stakeholders', () => {
    const model = buildModel({
      stakeholders: [
        { id: 'service-users', name: 'Service users' },
        { id: 'state', name: 'The State' },
      ],
    });
    Object.assign(model.outcomes[0] as object, { indicator: 'Living situation' });
    model.outcomes.push({
      ...(model.outcomes[0] as ImpactModel['outcomes'][number]),
      id: 'housing-costs',
      stakeholder: 'state',
      name: 'Reduced housing costs',
    });
    expect(codes(model)).toContain('outcomes[1].indicator double_counting');
  });

  it('warns about a ratio far outside the published range of 1.04 to 9.36', () => {
    const warnings = validateModel(withOutcome({ proxy: { value: 100000, source: 's' } })).warnings;
    const warning = warnings.find((w) => w.code === 'ratio_outside_practice');
    expect(warning?.message).toMatch(/1\.04 to 9\.36/);
    expect(codes(buildModel())).toEqual([]);
  });
});
