import { describe, expect, test } from 'vitest';
import { mergeHire } from '@eligo/shared/filing';
import { aHire } from '../filing/fixtures.ts';
import { toHireBody, toHireForm, withUsDates } from './hire-form.ts';

const fromLever = aHire({
  offeredOn: '2026-03-03',
  hiredOn: '2026-03-05',
  anticipatedStartOn: '2026-03-09',
  position: 'Dock worker',
});

describe('hire form', () => {
  test('shows dates as MM/DD/YYYY and the wage in dollars; the start stays empty until confirmed', () => {
    expect(toHireForm(fromLever)).toEqual({
      offeredOn: '03/03/2026',
      hiredOn: '03/05/2026',
      startedOn: '',
      position: 'Dock worker',
      startingWage: '',
      employedInState: '',
      reason: '',
    });
    expect(toHireForm(aHire({ startingWage: 17.5 })).startingWage).toBe('17.50');
  });

  test('US dates as people type them become the body; blanks are null', () => {
    const form = {
      ...toHireForm(fromLever),
      startedOn: '3/9/2026',
      startingWage: '$1,017.25',
      employedInState: 'TX',
    };
    expect(toHireBody(form, fromLever)).toEqual({
      ok: true,
      overwritesConfirmed: [],
      body: {
        offeredOn: '2026-03-03',
        hiredOn: '2026-03-05',
        startedOn: '2026-03-09',
        position: 'Dock worker',
        startingWage: 1017.25,
        employedInState: 'TX',
      },
    });
    const cleared = toHireBody({ ...toHireForm(null), startedOn: '03092026' }, null);
    expect(cleared).toMatchObject({
      ok: true,
      body: { offeredOn: null, startedOn: '2026-03-09', startingWage: null },
    });
  });

  test('impossible dates, dates out of order and odd wages are said in words, with US dates', () => {
    const check = toHireBody(
      {
        ...toHireForm(fromLever),
        offeredOn: '02/30/2026',
        startedOn: '03/04/2026',
        startingWage: '17.255',
      },
      fromLever,
    );
    expect(check).toMatchObject({
      ok: false,
      problems: {
        offeredOn: 'Enter a real date as MM/DD/YYYY.',
        startedOn: 'The start date (03/04/2026) is before the hire date (03/05/2026).',
        startingWage: 'The starting wage is an amount in dollars and cents, e.g. 17.25.',
      },
    });
    expect(toHireBody({ ...toHireForm(null), startingWage: 'about 17' }, null)).toMatchObject({
      ok: false,
      problems: { startingWage: 'Enter the wage in dollars and cents, e.g. 17.25.' },
    });
  });

  test("changing Lever's value needs no reason; changing a person's value does", () => {
    const corrected = toHireBody({ ...toHireForm(fromLever), offeredOn: '03/02/2026' }, fromLever);
    expect(corrected).toMatchObject({ ok: true, overwritesConfirmed: [] });
    expect(corrected.ok && 'reason' in corrected.body).toBe(false);

    const confirmed = mergeHire(fromLever, { startedOn: '2026-03-09' }, 'admin').hire;
    const moved = { ...toHireForm(confirmed), startedOn: '03/10/2026' };
    expect(toHireBody(moved, confirmed)).toMatchObject({
      ok: false,
      overwritesConfirmed: ['startedOn'],
      problems: {
        reason:
          'You are changing start date, which a person confirmed: say why (at least 3 characters).',
      },
    });
    expect(toHireBody({ ...moved, reason: ' Started a day late ' }, confirmed)).toMatchObject({
      ok: true,
      body: { startedOn: '2026-03-10', reason: 'Started a day late' },
    });
  });

  test('ISO dates in a sentence read as US dates', () => {
    expect(withUsDates('from 2026-03-09 to 2026-04-06')).toBe('from 03/09/2026 to 04/06/2026');
  });
});
