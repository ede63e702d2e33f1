import { assertValidModel, calculate } from './calculate.ts';
import type { ImpactModel, Outcome, OutcomeChanges, Scenario } from './model.ts';

/**
 * One row of the side-by-side scenario table.
 *
 * @example
 * const rows: ScenarioRow[] = runScenarios(model);
 */
export interface ScenarioRow {
  name: string;
  description: string | null;
  presentValue: number;
  inputsValue: number;
  netPresentValue: number;
  ratio: number;
}

function applyChanges(outcome: Outcome, changes: OutcomeChanges): Outcome {
  const next: Outcome = { ...outcome, ...changes };
  // The two attribution conventions are exclusive: a change in one replaces the other.
  if (changes.attribution !== undefined) delete next.serviceContribution;
  if (changes.serviceContribution !== undefined) delete next.attribution;
  return next;
}

/**
 * Apply a scenario to a model and return the varied model (the original is not changed).
 * Order: `allOutcomes`, then `outcomeChanges`, then `proxyScale`, then `proxyValues` (taken as written),
 * then `removeInputs`, then `addInputs`. The varied model carries no scenarios of its own.
 *
 * @example
 * const conservative = applyScenario(model, { name: 'Conservative', proxyScale: 0.5 });
 */
export function applyScenario(model: ImpactModel, scenario: Scenario): ImpactModel {
  const scale = scenario.proxyScale ?? 1;
  const outcomes = model.outcomes.map((original) => {
    let outcome = original;
    if (scenario.allOutcomes) outcome = applyChanges(outcome, scenario.allOutcomes);
    const own = scenario.outcomeChanges?.[outcome.id];
    if (own) outcome = applyChanges(outcome, own);
    const replaced = scenario.proxyValues?.[outcome.id];
    const value = replaced ?? outcome.proxy.value * scale;
    return { ...outcome, proxy: { ...outcome.proxy, value } };
  });
  const removed = new Set(scenario.removeInputs ?? []);
  const inputs = [...model.inputs.filter((input) => !removed.has(input.id)), ...(scenario.addInputs ?? [])];
  const { scenarios: _ignored, ...rest } = model;
  return { ...rest, outcomes, inputs };
}

/**
 * Calculate the model as it stands ("Base case") and under each scenario, one row each.
 * Scenarios default to those in the model's `scenarios` key.
 *
 * @throws {InvalidModelError} when the model, or the model under a scenario, is invalid.
 * @example
 * const rows = runScenarios(model, [{ name: 'Proxies halved', proxyScale: 0.5 }]);
 * for (const row of rows) console.log(row.name, row.ratio.toFixed(2));
 */
export function runScenarios(model: ImpactModel, scenarios?: readonly Scenario[]): ScenarioRow[] {
  const checked = assertValidModel(model);
  const list = scenarios ?? checked.scenarios ?? [];
  const rows: ScenarioRow[] = [row('Base case', null, checked)];
  list.forEach((scenario, index) => {
    const varied = assertValidModel(
      applyScenario(checked, scenario),
      `scenario ${index + 1} ("${scenario.name}")`,
    );
    rows.push(row(scenario.name, scenario.description ?? null, varied));
  });
  return rows;
}

function row(name: string, description: string | null, model: ImpactModel): ScenarioRow {
  const result = calculate(model);
  return {
    name,
    description,
    presentValue: result.presentValue,
    inputsValue: result.inputsValue,
    netPresentValue: result.netPresentValue,
    ratio: result.ratio,
  };
}
