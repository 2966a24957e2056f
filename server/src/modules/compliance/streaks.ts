/**
 * Runs of met school days. Days without school do not break a run; an unmet school day does,
 * except `today` while it is still under way (the school may yet record its lessons).
 */
export interface StreakDay {
  day: string;
  schoolDay: boolean;
  met: boolean;
}

export interface Streaks {
  /** Met school days in a row up to the end of the range. */
  current: number;
  longest: number;
}

/** Streaks over days in date order. */
export function streaksOf(days: readonly StreakDay[], today: string): Streaks {
  let run = 0;
  let longest = 0;
  for (const d of days) {
    if (!d.schoolDay) continue;
    if (d.met) {
      run += 1;
      longest = Math.max(longest, run);
    } else if (d.day < today) {
      run = 0;
    }
  }
  return { current: run, longest };
}
