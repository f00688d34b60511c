import { describe, expect, it } from 'vitest';
import { shiftedEnd } from './duplicate-event.js';
import { periodOf } from './events.queries.js';
import { attendanceBody } from './events.schemas.js';

describe('attendance of an event', () => {
  const issues = (value: unknown) => {
    const result = attendanceBody.safeParse(value);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it('accepts age groups that leave some visitors uncounted, and counts missing groups as none', () => {
    expect(attendanceBody.parse({ total: 30, children: 20 })).toEqual({ total: 30, children: 20, youth: 0, adults: 0, disabled: 0 });
    expect(issues({ total: 30, children: 10, youth: 10, adults: 10, disabled: 30 })).toEqual([]);
  });

  it('refuses age groups adding up to more than the total, and more people with disabilities than came', () => {
    expect(issues({ total: 30, children: 10, youth: 10, adults: 11 })).toEqual(['total']);
    expect(issues({ total: 5, disabled: 6 })).toEqual(['disabled']);
  });
});

describe('copies of a recurring event', () => {
  it('keeps the number of days a span runs, across months and leap days', () => {
    expect(shiftedEnd({ startsOn: '2023-01-20', endsOn: '2023-02-10' }, '2024-02-20')).toBe('2024-03-12');
    expect(shiftedEnd({ startsOn: '2023-03-01', endsOn: '2023-03-01' }, '2023-12-31')).toBe('2023-12-31');
    expect(shiftedEnd({ startsOn: '2023-03-01', endsOn: null }, '2023-04-01')).toBeNull();
  });
});

describe('periods of a year', () => {
  it('gives the first and last day of a year and of a month, February of a leap year included', () => {
    expect(periodOf(2023)).toEqual({ from: '2023-01-01', to: '2023-12-31' });
    expect(periodOf(2024, 2)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodOf(2023, 11)).toEqual({ from: '2023-11-01', to: '2023-11-30' });
  });
});
