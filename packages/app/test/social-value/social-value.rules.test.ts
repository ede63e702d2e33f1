import { describe, expect, it } from 'vitest';
import type { FinancialProxy, ImpactMap } from '../../src/contract/social-value.ts';
import { gdpDeflators } from '../../src/server/modules/social-value/data/deflators.v1.ts';
import { nationalLivingWage } from '../../src/server/modules/social-value/data/national-living-wage.v1.ts';
import { libraryProxies, notShipped } from '../../src/server/modules/social-value/data/proxies.v1.ts';
import {
  buildReport,
  checkPublishedFigure,
  livingWageOn,
  type ReportInput,
  rolloutCost,
  uprate,
} from '../../src/server/modules/social-value/social-value.rules.ts';
import { ldExpected, ldExpectedVerdicts, ldWorkedExample } from './ld-worked-example.fixture.ts';

const noLiveData = {
  counts: {
    engaged_cases: 0,
    cases_discharged_goals_met: 0,
    cases_referred: 0,
    fund_applications_approved: 0,
  },
  fundApprovedPence: 0,
};

function ldReport(overrides: Partial<ReportInput> = {}) {
  const { map, proxies } = ldWorkedExample();
  return buildReport({
    map,
    proxies,
    live: noLiveData,
    dataAsOf: new Date('2026-11-23T21:00:00Z'),
    deflators: gdpDeflators,
    livingWage: nationalLivingWage,
    iterations: 2_000,
    ...overrides,
  });
}

describe('the L&D review worked example', () => {
  const report = ldReport();

  it('recomputes every scenario of Tables 2–7 from the published totals', () => {
    expect(report.isComplete).toBe(true);
    expect(report.scenarios.map((s) => s.key)).toEqual(Object.keys(ldExpected));
    for (const scenario of report.scenarios) {
      const expected = ldExpected[scenario.key];
      expect(scenario.inputsValue, scenario.key).toBeCloseTo(expected.inputs, 6);
      expect(scenario.presentValue, scenario.key).toBeCloseTo(expected.value, 6);
      expect(Number(scenario.ratio.toFixed(2)), scenario.key).toBe(expected.ratio);
    }
  });

  it('gives the review’s headline range, £1.04 to £3.58 for every £1', () => {
    expect(report.headline?.text).toBe('For every £1 invested, £1.04 to £3.58 of social value');
    expect(report.headline?.centralRatio).toBeCloseTo(1_252_334 / 546_803, 10);
  });

  it('flags the published ratios that do not follow from their own cost and value', () => {
    const verdicts = Object.fromEntries(report.publishedChecks.map((c) => [c.label, c.verdict]));
    expect(verdicts).toEqual(ldExpectedVerdicts);
    const table3 = report.publishedChecks.find((c) => c.label.startsWith('Table 3'));
    expect(table3?.ownRatio).toBeCloseTo(949_785 / 600_480, 10);
    expect(table3?.message).toContain('contradicts its own inputs');
    expect(table3?.message).toContain('£1 : £1.58');
    // The published 2.08 follows from the central value instead, which the recomputation shows.
    expect(Number(table3?.recomputedRatio?.toFixed(2))).toBe(2.09);
  });

  it('values the six volunteers’ time at the National Living Wage of April 2017', () => {
    expect(report.costs.volunteerTime).toBeCloseTo(53_677.5, 6);
    expect(report.costs.withoutVolunteerTime).toBe(546_803);
    expect(report.costs.withVolunteerTime).toBeCloseTo(600_480.5, 6);
    expect(report.costs.livingWage).toEqual({ from: '2017-04-01', ratePence: 750 });
    const line = report.costs.lines.find((l) => l.isVolunteerTime);
    expect(line?.detail).toBe('7,157 hours × £7.50 (the National Living Wage from 1 April 2017)');
  });

  it('costs a roll-out from the cost per person served and a population range', () => {
    // 546,803 / 479 = £1,141.55 a person; × 3,500 and × 6,150 people.
    expect(report.rollout?.costPerPerson).toBeCloseTo(546_803 / 479, 8);
    expect(report.rollout?.annualCostLow).toBeCloseTo((546_803 / 479) * 3_500, 6);
    expect(report.rollout?.annualCostHigh).toBeCloseTo((546_803 / 479) * 6_150, 6);
    expect(Math.round((report.rollout?.annualCostLow ?? 0) / 1e5) / 10).toBe(4);
    expect(Math.round((report.rollout?.annualCostHigh ?? 0) / 1e5) / 10).toBe(7);
  });

  it('warns about the small sample the review itself cautions against', () => {
    expect(report.warnings.map((w) => w.code)).toContain('small_sample');
    expect(report.methodNotes.sampleSizes[0]).toContain('sample of 28');
  });
});

describe('volunteer time', () => {
  it('is shown without and with volunteer time side by side, and not at all when there is none', () => {
    const { map, proxies } = ldWorkedExample();
    const withVolunteers = buildReport({
      map,
      proxies,
      live: noLiveData,
      dataAsOf: new Date(),
      deflators: gdpDeflators,
      livingWage: nationalLivingWage,
      iterations: 500,
    });
    const central = withVolunteers.scenarios.find((s) => s.key === 'central');
    const withTime = withVolunteers.scenarios.find((s) => s.key === 'central_volunteers');
    expect((withTime?.inputsValue ?? 0) - (central?.inputsValue ?? 0)).toBeCloseTo(53_677.5, 6);
    expect(withTime?.presentValue).toBe(central?.presentValue);

    const noVolunteers: ImpactMap = {
      ...map,
      costs: map.costs.filter((c) => c.category !== 'volunteer_time'),
    };
    const without = buildReport({
      map: noVolunteers,
      proxies,
      live: noLiveData,
      dataAsOf: new Date(),
      deflators: gdpDeflators,
      livingWage: nationalLivingWage,
      iterations: 500,
    });
    expect(without.scenarios.map((s) => s.key)).toEqual(['central', 'conservative', 'optimistic']);
    expect(without.costs.volunteerTime).toBe(0);
  });

  it('uses a line’s own rate when it gives one', () => {
    const { map, proxies } = ldWorkedExample();
    const own: ImpactMap = {
      ...map,
      costs: map.costs.map((c) =>
        c.category === 'volunteer_time' ? { ...c, volunteerRatePence: 1_000 } : c,
      ),
    };
    const report = buildReport({
      map: own,
      proxies,
      live: noLiveData,
      dataAsOf: new Date(),
      deflators: gdpDeflators,
      livingWage: nationalLivingWage,
      iterations: 500,
    });
    expect(report.costs.volunteerTime).toBeCloseTo(71_570, 6);
  });
});

describe('reference data', () => {
  it('uprates a proxy to the report’s price year with the GDP deflator', () => {
    // The WELLBY: £13,000 in 2019 prices; 2024 = 100, 2019 = 81.1085.
    const wellby = uprate(13_000, 2019, 2024, gdpDeflators);
    expect(wellby.isUprated).toBe(true);
    expect(wellby.factor).toBeCloseTo(100 / 81.1085, 12);
    expect(wellby.value).toBeCloseTo(16_027.91, 2);
    expect(uprate(1_000, 2018, 2018, gdpDeflators)).toEqual({
      value: 1_000,
      factor: 1,
      isUprated: false,
      problem: null,
    });
    // Back in time too: 2024 prices to 2018 prices.
    expect(uprate(100, 2024, 2018, gdpDeflators).value).toBeCloseTo(79.1606, 8);
  });

  it('leaves a value as it is, and says so, when a year is outside the series', () => {
    const result = uprate(1_000, 2019, 2026, gdpDeflators);
    expect(result).toMatchObject({ value: 1_000, isUprated: false });
    expect(result.problem).toContain('2026 is outside the deflator series (1990–2024)');
  });

  it('finds the National Living Wage in force on a date (from 1 April)', () => {
    expect(livingWageOn('2025-04-01', nationalLivingWage)?.ratePence).toBe(1_221);
    expect(livingWageOn('2026-03-31', nationalLivingWage)?.ratePence).toBe(1_221);
    expect(livingWageOn('2026-04-01', nationalLivingWage)?.ratePence).toBe(1_271);
    expect(livingWageOn('2024-12-25', nationalLivingWage)?.ratePence).toBe(1_144);
    expect(livingWageOn('2015-01-01', nationalLivingWage)).toBeUndefined();
  });
});

describe('the proxy library’s licence rule', () => {
  const forbidden = /hact|social value bank|national toms|\btoms\b|social value portal/i;

  it('ships no HACT UK Social Value Bank or National TOMs value, by name, source or note', () => {
    expect(libraryProxies.length).toBeGreaterThan(0);
    for (const proxy of libraryProxies) {
      for (const text of [proxy.name, proxy.sourceTitle, proxy.sourceUrl, proxy.notes, proxy.licence])
        expect(text, proxy.key).not.toMatch(forbidden);
    }
  });

  it('ships only openly licensed values, each with its source, price year and licence', () => {
    for (const proxy of libraryProxies) {
      expect(proxy.isShippable, proxy.key).toBe(true);
      expect(proxy.licence, proxy.key).toMatch(/^(Open Government Licence v3\.0|CC BY 4\.0)$/);
      expect(proxy.sourceUrl, proxy.key).toMatch(/^https:\/\//);
      expect(proxy.sourceTitle.length, proxy.key).toBeGreaterThan(10);
      expect(Number.isInteger(proxy.valuePence), proxy.key).toBe(true);
      expect(proxy.priceYear, proxy.key).toBeGreaterThanOrEqual(1990);
    }
    expect(new Set(libraryProxies.map((p) => p.key)).size).toBe(libraryProxies.length);
  });

  it('says which values it does not ship, and why', () => {
    const names = notShipped.map((n) => n.name).join(' ');
    expect(names).toMatch(/HACT/);
    expect(names).toMatch(/National TOMs/);
  });
});

describe('published figures', () => {
  it('accepts a ratio rounded from its own cost and value, and names a truncated one', () => {
    const figure = {
      scenario: 'central' as const,
      label: 'Table X',
      totalCostPence: 100_000,
      valueCreatedPence: 114_510,
      ratio: 1.15,
    };
    expect(checkPublishedFigure(figure, null).verdict).toBe('consistent');
    expect(checkPublishedFigure({ ...figure, ratio: 1.14 }, null).verdict).toBe('truncated');
    expect(checkPublishedFigure({ ...figure, ratio: 1.5 }, null).verdict).toBe('inconsistent');
  });
});

describe('roll-out costing', () => {
  it('needs people served and both ends of the population range', () => {
    const base = { cost: 100_000, costWithVolunteerTime: 120_000, populationLow: 10, populationHigh: 20 };
    expect(rolloutCost({ ...base, peopleServed: 0 })).toBeNull();
    expect(rolloutCost({ ...base, peopleServed: 50, populationLow: null })).toBeNull();
    expect(rolloutCost({ ...base, peopleServed: 50 })).toMatchObject({
      costPerPerson: 2_000,
      costPerPersonWithVolunteerTime: 2_400,
      annualCostLow: 20_000,
      annualCostHigh: 40_000,
      annualCostHighWithVolunteerTime: 48_000,
    });
  });
});

describe('an unfinished map', () => {
  it('says what is missing instead of a ratio', () => {
    const { map, proxies } = ldWorkedExample();
    const empty: ImpactMap = { ...map, outcomes: [], costs: [] };
    const report = ldReport({ map: empty, proxies });
    expect(report.isComplete).toBe(false);
    expect(report.headline).toBeNull();
    expect(report.problems.map((p) => p.message).join(' ')).toMatch(/Add the costs of the service/);
  });

  it('reports a proxy that no longer exists', () => {
    const { map } = ldWorkedExample();
    const report = ldReport({ map, proxies: new Map<string, FinancialProxy>() });
    expect(report.isComplete).toBe(false);
    expect(report.problems[0]?.message).toContain('its financial proxy no longer exists');
  });
});
