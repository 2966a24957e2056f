import { describe, expect, it } from 'vitest';
import { shanghaiInstant } from '../../../../shared/dates.js';
import { inQuietHours, pushTime } from './notices.rules.js';

describe('quiet hours (21:30–07:00 Asia/Shanghai)', () => {
  it('holds a push asked for at night until 07:00, the same morning or the next', () => {
    expect(inQuietHours(shanghaiInstant('2026-12-07', '21:29'))).toBe(false);
    expect(inQuietHours(shanghaiInstant('2026-12-07', '21:30'))).toBe(true);
    expect(inQuietHours(shanghaiInstant('2026-12-07', '06:59'))).toBe(true);
    expect(inQuietHours(shanghaiInstant('2026-12-07', '07:00'))).toBe(false);
    expect(pushTime(shanghaiInstant('2026-12-07', '23:10'), false)).toEqual(shanghaiInstant('2026-12-08', '07:00'));
    expect(pushTime(shanghaiInstant('2026-12-31', '22:00'), false)).toEqual(shanghaiInstant('2027-01-01', '07:00'));
    expect(pushTime(shanghaiInstant('2026-12-08', '05:00'), false)).toEqual(shanghaiInstant('2026-12-08', '07:00'));
    const noon = shanghaiInstant('2026-12-08', '12:00');
    expect(pushTime(noon, false)).toEqual(noon);
  });

  it('sends an urgent push at once, night or day', () => {
    const night = shanghaiInstant('2026-12-07', '23:10');
    expect(pushTime(night, true)).toEqual(night);
  });
});
