import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  amberAlertTiming,
  checkInText,
  decideAnswer,
  defaultSiteRules,
  dueSlots,
  isWithinMonitoredHours,
  monitoredHoursText,
  nextMonitoredStart,
  nextWorkingDay,
  noReplyAlertTiming,
  noReplyStep,
  type PastAnswer,
  parseSmsReply,
  phoneKey,
  recentSlots,
  redAlertTiming,
  replyText,
  responseTimeSummary,
  ukTime,
} from '../../src/server/modules/check-ins/check-in.rules.ts';

const rules = defaultSiteRules;
const at = (iso: string) => new Date(iso);
// 20 November 2026 is a Friday (GMT); 5 June 2026 is a Friday (BST, UTC+1).

describe('monitored hours', () => {
  it('counts Monday to Friday 9am to 5pm UK time as monitored, in winter and in summer', () => {
    expect(isWithinMonitoredHours(rules, at('2026-11-20T09:00:00Z'))).toBe(true);
    expect(isWithinMonitoredHours(rules, at('2026-11-20T16:59:00Z'))).toBe(true);
    expect(isWithinMonitoredHours(rules, at('2026-11-20T17:00:00Z'))).toBe(false);
    expect(isWithinMonitoredHours(rules, at('2026-11-21T12:00:00Z'))).toBe(false);
    // 08:30 UTC in June is 09:30 in London.
    expect(isWithinMonitoredHours(rules, at('2026-06-05T08:30:00Z'))).toBe(true);
    expect(isWithinMonitoredHours(rules, at('2026-06-05T16:30:00Z'))).toBe(false);
  });

  it('finds the next monitored start after a Friday evening on Monday morning', () => {
    expect(nextMonitoredStart(rules, at('2026-11-20T18:00:00Z')).toISOString()).toBe(
      '2026-11-23T09:00:00.000Z',
    );
    expect(nextMonitoredStart(rules, at('2026-11-23T07:00:00Z')).toISOString()).toBe(
      '2026-11-23T09:00:00.000Z',
    );
    expect(nextMonitoredStart(rules, at('2026-06-05T18:00:00Z')).toISOString()).toBe(
      '2026-06-08T08:00:00.000Z',
    );
  });

  it('describes monitored hours in UK words', () => {
    expect(monitoredHoursText(rules)).toBe('Monday to Friday, 9am to 5pm');
    expect(monitoredHoursText({ ...rules, monitoredDays: [6, 7], monitoredTo: '17:30' })).toBe(
      'Saturday and Sunday, 9am to 5.30pm',
    );
    expect(ukTime('12:00')).toBe('12 noon');
    expect(ukTime('00:15')).toBe('12.15am');
  });

  it('tells the person the monitored hours and where to go in a crisis in every check-in text', () => {
    const text = checkInText('https://peerpath.example/c#abc', rules);
    expect(text).toContain('Monday to Friday, 9am to 5pm');
    expect(text).toContain('NHS 111');
    expect(text).toContain('option 2');
    expect(text).toContain('999');
    expect(text).toContain('116 123');
    expect(text).toContain('STOP');
  });
});

describe('green', () => {
  it('answers a green with the encouragement message the person wrote with their worker', () => {
    const decision = decideAnswer('green', []);
    expect(decision).toEqual({ effective: 'green', countsAsRed: false, reason: 'green' });
    expect(
      replyText(decision, {
        encouragement: 'You did it yesterday too.',
        rules,
        now: at('2026-11-20T10:00:00Z'),
      }),
    ).toBe('You did it yesterday too.');
  });
});

describe('amber', () => {
  it('flags an amber for the worker’s next working day, a Friday’s for Monday', () => {
    expect(nextWorkingDay(rules, at('2026-11-18T10:00:00Z'))).toBe('2026-11-19');
    expect(nextWorkingDay(rules, at('2026-11-20T10:00:00Z'))).toBe('2026-11-23');
    expect(nextWorkingDay(rules, at('2026-11-21T10:00:00Z'))).toBe('2026-11-23');
    const timing = amberAlertTiming(rules, at('2026-11-20T10:00:00Z'));
    expect(timing.dueOn).toBe('2026-11-23');
    expect(timing.notifyAt.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(timing.dueBy.toISOString()).toBe('2026-11-23T17:00:00.000Z');
  });

  it('tells the person on which day their worker will be in touch after an amber', () => {
    const text = replyText(decideAnswer('amber', []), {
      encouragement: 'x',
      rules,
      now: at('2026-11-20T10:00:00Z'),
    });
    expect(text).toContain('Monday 23 November');
    expect(text).toContain('116 123');
  });

  it('counts three ambers in a row as a red, then starts counting again', () => {
    const amber: PastAnswer = { answer: 'amber', countsAsRed: false };
    expect(decideAnswer('amber', [amber]).effective).toBe('amber');
    expect(decideAnswer('amber', [amber, amber])).toEqual({
      effective: 'red',
      countsAsRed: true,
      reason: 'three_ambers',
    });
    // The fourth amber after a counted red starts a new run.
    expect(decideAnswer('amber', [{ answer: 'amber', countsAsRed: true }, amber, amber]).effective).toBe(
      'amber',
    );
    // A green breaks the run.
    expect(decideAnswer('amber', [amber, { answer: 'green', countsAsRed: false }, amber]).effective).toBe(
      'amber',
    );
  });

  test.prop([
    fc.array(fc.constantFrom('green', 'amber', 'red') as fc.Arbitrary<'green' | 'amber' | 'red'>, {
      maxLength: 30,
    }),
  ])('never lets a person give three ambers in a row without one of them counting as red', (answers) => {
    const history: PastAnswer[] = [];
    let run = 0;
    for (const answer of answers) {
      const decision = decideAnswer(answer, history);
      run = answer === 'amber' && !decision.countsAsRed ? run + 1 : 0;
      expect(run).toBeLessThan(3);
      history.unshift({ answer, countsAsRed: decision.countsAsRed });
    }
  });
});

describe('red', () => {
  it('gives a red within monitored hours a response target of 15 minutes from now', () => {
    const timing = redAlertTiming(rules, at('2026-11-20T10:00:00Z'));
    expect(timing.notifyAt.toISOString()).toBe('2026-11-20T10:00:00.000Z');
    expect(timing.dueBy.toISOString()).toBe('2026-11-20T10:15:00.000Z');
  });

  it('holds a red outside monitored hours until the next monitored start, and tells the person so', () => {
    const timing = redAlertTiming(rules, at('2026-11-20T22:00:00Z'));
    expect(timing.notifyAt.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(timing.dueBy.toISOString()).toBe('2026-11-23T09:15:00.000Z');
    const text = replyText(decideAnswer('red', []), {
      encouragement: 'x',
      rules,
      now: at('2026-11-20T22:00:00Z'),
    });
    expect(text).toContain('when we are next open');
    expect(text).toContain('NHS 111');
    expect(text).toContain('999');
  });

  it('uses the site’s own response target', () => {
    const timing = redAlertTiming({ ...rules, responseTargetMinutes: 30 }, at('2026-11-20T10:00:00Z'));
    expect(timing.dueBy.toISOString()).toBe('2026-11-20T10:30:00.000Z');
  });
});

describe('no reply', () => {
  const sentAt = at('2026-11-20T09:00:00Z');
  const open = { sentAt, nudgedAt: null, answeredAt: null, unansweredAt: null };

  it('sends one reminder after N hours without a reply, then flags N hours after that', () => {
    expect(noReplyStep(open, 4, at('2026-11-20T12:59:00Z'))).toBe('none');
    expect(noReplyStep(open, 4, at('2026-11-20T13:00:00Z'))).toBe('nudge');
    const nudged = { ...open, nudgedAt: at('2026-11-20T13:00:00Z') };
    expect(noReplyStep(nudged, 4, at('2026-11-20T16:59:00Z'))).toBe('none');
    expect(noReplyStep(nudged, 4, at('2026-11-20T17:00:00Z'))).toBe('flag');
    expect(
      noReplyStep({ ...nudged, unansweredAt: at('2026-11-20T17:00:00Z') }, 4, at('2026-11-21T09:00:00Z')),
    ).toBe('none');
    expect(
      noReplyStep({ ...open, answeredAt: at('2026-11-20T09:05:00Z') }, 4, at('2026-11-20T20:00:00Z')),
    ).toBe('none');
  });

  it('tells the worker of no reply at once within monitored hours, otherwise at the next start', () => {
    expect(noReplyAlertTiming(rules, at('2026-11-20T13:00:00Z')).notifyAt.toISOString()).toBe(
      '2026-11-20T13:00:00.000Z',
    );
    expect(noReplyAlertTiming(rules, at('2026-11-20T21:00:00Z')).notifyAt.toISOString()).toBe(
      '2026-11-23T09:00:00.000Z',
    );
  });
});

describe('due slots', () => {
  const since = at('2026-01-01T00:00:00Z');

  it('makes a chosen time due from that minute for an hour, in UK time', () => {
    expect(dueSlots(['09:00'], at('2026-11-20T08:59:00Z'), since)).toEqual([]);
    expect(dueSlots(['09:00'], at('2026-11-20T09:00:00Z'), since)).toEqual([at('2026-11-20T09:00:00Z')]);
    expect(dueSlots(['09:00'], at('2026-11-20T09:59:00Z'), since)).toEqual([at('2026-11-20T09:00:00Z')]);
    expect(dueSlots(['09:00'], at('2026-11-20T10:00:00Z'), since)).toEqual([]);
    expect(dueSlots(['09:00'], at('2026-06-05T08:10:00Z'), since)).toEqual([at('2026-06-05T08:00:00Z')]);
  });

  it('sends nothing for a slot before the person enrolled', () => {
    expect(dueSlots(['09:00'], at('2026-11-20T09:10:00Z'), at('2026-11-20T09:05:00Z'))).toEqual([]);
  });

  test.prop([
    fc.date({
      min: new Date('2026-01-01T00:00:00Z'),
      max: new Date('2027-01-01T00:00:00Z'),
      noInvalidDate: true,
    }),
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
  ])('finds in the last hour’s slots exactly the slots due for any chosen time', (now, h, m) => {
    const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    const fromSlots = recentSlots(now)
      .filter((s) => s.time === time)
      .map((s) => s.slot.getTime());
    const due = dueSlots([time], now, new Date('2025-01-01T00:00:00Z')).map((d) => d.getTime());
    expect(fromSlots).toEqual(due.slice(-1));
  });

  it('catches a late-evening slot just after midnight', () => {
    expect(dueSlots(['23:30'], at('2026-11-21T00:10:00Z'), since)).toEqual([at('2026-11-20T23:30:00Z')]);
  });
});

describe('text replies', () => {
  it('reads 1, 2, 3 and STOP however they are typed, and nothing else', () => {
    expect(parseSmsReply(' 1 ')).toBe('green');
    expect(parseSmsReply('2.')).toBe('amber');
    expect(parseSmsReply('3')).toBe('red');
    expect(parseSmsReply('Stop')).toBe('stop');
    expect(parseSmsReply('STOP')).toBe('stop');
    expect(parseSmsReply('4')).toBeNull();
    expect(parseSmsReply('11')).toBeNull();
    expect(parseSmsReply('I am fine')).toBeNull();
  });

  test.prop([fc.string({ maxLength: 20 })])(
    'never reads an arbitrary text as an answer unless it is one',
    (text) => {
      const parsed = parseSmsReply(text);
      if (parsed !== null)
        expect(
          text
            .trim()
            .replace(/[.!]+$/, '')
            .trim()
            .toLowerCase(),
        ).toMatch(/^(1|2|3|stop|stop all|unsubscribe)$/);
    },
  );

  it('matches a number typed as 07… or +44 7… to the same person', () => {
    expect(phoneKey('07700 900123')).toBe('447700900123');
    expect(phoneKey('+44 7700 900123')).toBe('447700900123');
  });
});

describe('response times', () => {
  it('summarises response times as the median and 90th percentile', () => {
    expect(responseTimeSummary([])).toEqual({ count: 0, median: null, p90: null });
    expect(responseTimeSummary([10, 2, 4, 8, 6, 12, 14, 16, 18, 20])).toEqual({
      count: 10,
      median: 11,
      p90: 18,
    });
    expect(responseTimeSummary([5])).toEqual({ count: 1, median: 5, p90: 5 });
  });
});
