import type { Locality, SchoolKind } from '../../../shared/domain.js';
import type { PeopleMaker } from './people-maker.js';
import type { SeededRandom } from './seeded-random.js';

export type KindCounts = Record<SchoolKind, number>;
/** seat: in the county seat; central: a township's central school; village: a village school. */
export type Tier = 'seat' | 'central' | 'village';

export interface PlannedSchool {
  code: string;
  name: string;
  kind: SchoolKind;
  tier: Tier;
  township: string;
  locality: Locality;
  poorVillage: boolean;
  batch: string | null;
  studentCount: number;
  staffCount: number;
  address: string;
}

export interface PlanContext {
  rng: SeededRandom;
  people: PeopleMaker;
  cityName: string;
  /** School names already used in the city: names are unique within a city. */
  takenNames: Set<string>;
}

export interface CountyToPlan {
  code: string;
  name: string;
  townships: readonly string[];
}

// The county seat's primary schools come first, so that 冠县实验小学 is 1371525001 in every scale.
const KIND_ORDER: readonly SchoolKind[] = ['primary', 'junior', 'nine_year', 'senior', 'kindergarten'];

const SIZE: Record<SchoolKind, Record<Tier, readonly [number, number]>> = {
  kindergarten: { seat: [280, 520], central: [150, 320], village: [40, 150] },
  primary: { seat: [1500, 3000], central: [450, 1100], village: [80, 400] },
  junior: { seat: [1200, 2600], central: [500, 1300], village: [250, 600] },
  nine_year: { seat: [1200, 2200], central: [500, 1200], village: [200, 700] },
  senior: { seat: [1500, 3500], central: [900, 2000], village: [600, 1200] },
};
const PUPILS_PER_STAFF: Record<SchoolKind, number> = { kindergarten: 7, primary: 18, junior: 12, nine_year: 14, senior: 12 };

/** A plausible staff headcount for a school of this kind and size. */
export function staffFor(kind: SchoolKind, students: number): number {
  return Math.ceil(students / PUPILS_PER_STAFF[kind]) + 3;
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..99 in Chinese numerals (第十二实验小学). */
export function chineseNumber(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) throw new Error(`chineseNumber: ${n} is out of 1..99`);
  if (n < 10) return DIGITS[n] as string;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

function seatName(kind: SchoolKind, seat: string, i: number): string {
  const nth = chineseNumber(i + 1);
  switch (kind) {
    case 'primary':
      return i === 0 ? `${seat}实验小学` : `${seat}第${nth}实验小学`;
    case 'junior':
      return i === 0 ? `${seat}实验中学` : `${seat}第${nth}实验中学`;
    case 'nine_year':
      return i === 0 ? `${seat}育才学校` : `${seat}第${nth}实验学校`;
    case 'senior':
      return `${seat}第${nth}中学`;
    case 'kindergarten':
      return `${seat}第${nth}幼儿园`;
  }
}

const CENTRAL_SUFFIX: Record<SchoolKind, string> = {
  primary: '中心小学', junior: '中学', nine_year: '中心学校', senior: '高级中学', kindergarten: '中心幼儿园',
};
const VILLAGE_SUFFIX: Record<SchoolKind, string> = {
  primary: '小学', junior: '中学', nine_year: '学校', senior: '高级中学', kindergarten: '幼儿园',
};

function defaultSeatCount(kind: SchoolKind, n: number): number {
  switch (kind) {
    case 'primary':
      return Math.max(2, Math.round(n * 0.12));
    case 'junior':
      return Math.max(1, Math.round(n * 0.2));
    case 'nine_year':
      return 1;
    case 'senior':
      return n;
    case 'kindergarten':
      return Math.max(1, Math.round(n * 0.15));
  }
}

const isSubdistrict = (township: string) => township.endsWith('街道');

/**
 * Plans a county's schools: names, kinds, townships, sizes and addresses, numbered from 001 in the
 * county with the county seat's schools first. `seatCounts` overrides how many of a kind sit in
 * the county seat (the test scale wants a rural school or two).
 */
export function planCountySchools(
  ctx: PlanContext,
  county: CountyToPlan,
  counts: Partial<KindCounts>,
  seatCounts: Partial<KindCounts> = {},
): PlannedSchool[] {
  const { rng, people } = ctx;
  const urban = county.townships.filter(isSubdistrict);
  const seatTownships = urban.length > 0 ? urban : county.townships.slice(0, 1);
  // A township's central school sits in a town (镇/乡) first; subdistricts get one only when needed.
  const centralOrder = [...county.townships.filter((t) => !isSubdistrict(t)), ...urban];
  const schools: PlannedSchool[] = [];

  const add = (kind: SchoolKind, tier: Tier, name: string, township: string, village: string | null) => {
    if (ctx.takenNames.has(name)) throw new Error(`seed: school name ${name} planned twice in ${ctx.cityName}`);
    ctx.takenNames.add(name);
    const [min, max] = SIZE[kind][tier];
    const studentCount = rng.int(min, max);
    const place = `${ctx.cityName}${county.name}${township}`;
    schools.push({
      code: `1${county.code}${String(schools.length + 1).padStart(3, '0')}`,
      name,
      kind,
      tier,
      township,
      locality: tier === 'seat' || isSubdistrict(township) ? 'urban' : 'rural',
      poorVillage: false,
      batch: null,
      studentCount,
      staffCount: staffFor(kind, studentCount),
      address: village ? `${place}${village}` : `${place}${people.street()}`,
    });
  };

  for (const kind of KIND_ORDER) {
    const n = counts[kind] ?? 0;
    const seat = Math.min(n, seatCounts[kind] ?? defaultSeatCount(kind, n));
    for (let i = 0; i < seat; i++) {
      add(kind, 'seat', seatName(kind, county.name, i), seatTownships[i % seatTownships.length] as string, null);
    }
    const central = Math.min(n - seat, centralOrder.length);
    for (let i = 0; i < central; i++) {
      const township = centralOrder[i] as string;
      add(kind, 'central', township + CENTRAL_SUFFIX[kind], township, null);
    }
    for (let i = seat + central; i < n; i++) {
      const township = rng.pick(county.townships);
      let village = people.village();
      // Two schools may draw the same village; draw again rather than number them.
      for (let tries = 0; ctx.takenNames.has(township + village + VILLAGE_SUFFIX[kind]); tries++) {
        if (tries > 50) throw new Error(`seed: no free village school name left in ${township}`);
        village = people.village();
      }
      add(kind, 'village', township + village + VILLAGE_SUFFIX[kind], township, village);
    }
  }
  if (schools.length > 999) throw new Error(`seed: ${county.name} has ${schools.length} schools; codes allow 999`);
  return schools;
}

/** Marks about `share` of a city's schools as poor-village schools, drawn only from rural ones. */
export function markPoorVillages(rng: SeededRandom, schools: PlannedSchool[], share: number): void {
  const rural = schools.filter((s) => s.locality === 'rural');
  const count = Math.min(rural.length, Math.round(schools.length * share));
  for (const school of rng.shuffle(rural).slice(0, count)) school.poorVillage = true;
}

export const BATCH_FIRST = '2018-08';
export const BATCH_SECOND = '2019-02';

/**
 * Kindergartens join the first batch; of the primary and junior schools the county seat's and
 * the townships' central schools go first, `early` of them in the first batch and the rest in
 * the second. Senior schools are not in the programme.
 */
export function assignBatches(schools: PlannedSchool[], early: number): void {
  const rank: Record<Tier, number> = { seat: 0, central: 1, village: 2 };
  const compulsory = schools
    .filter((s) => s.kind === 'primary' || s.kind === 'junior' || s.kind === 'nine_year')
    .sort((a, b) => rank[a.tier] - rank[b.tier] || a.code.localeCompare(b.code));
  compulsory.forEach((s, i) => (s.batch = i < early ? BATCH_FIRST : BATCH_SECOND));
  for (const s of schools) if (s.kind === 'kindergarten') s.batch = BATCH_FIRST;
}

/** How many of a county's schools are primary, junior or nine-year (the programme's 中小学). */
export function compulsoryCount(schools: readonly PlannedSchool[]): number {
  return schools.filter((s) => s.kind === 'primary' || s.kind === 'junior' || s.kind === 'nine_year').length;
}
