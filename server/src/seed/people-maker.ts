// The locale entry point loads only zh_CN (about 25 ms), not every locale as the package root does,
// which matters for test files that seed a database each.
import { faker } from '@faker-js/faker/locale/zh_CN';
import { SeededRandom, WeightedPicker } from './seeded-random.js';

// Surnames by rough share in Shandong. faker's zh_CN list draws 司徒 and 尉迟 as often as 王.
const SURNAMES = new WeightedPicker<string>([
  ['王', 95], ['张', 85], ['李', 85], ['刘', 75], ['赵', 25], ['孙', 25], ['陈', 20], ['杨', 20],
  ['马', 15], ['高', 15], ['徐', 12], ['于', 12], ['郭', 10], ['朱', 10], ['周', 8], ['吴', 8],
  ['崔', 8], ['田', 8], ['宋', 8], ['韩', 8], ['孟', 7], ['曹', 6], ['魏', 6], ['许', 6], ['董', 6],
  ['冯', 6], ['吕', 5], ['贾', 5], ['胡', 5], ['郑', 5], ['姜', 4], ['石', 4], ['任', 4], ['邢', 4],
  ['谢', 4], ['袁', 4], ['耿', 4], ['侯', 4], ['付', 4], ['范', 4], ['路', 3], ['段', 3], ['苏', 3],
  ['程', 3], ['薛', 3], ['尹', 3], ['岳', 3], ['蒋', 3], ['房', 2], ['仝', 2], ['井', 2], ['聂', 2],
]);

const definitions = faker.rawDefinitions.person?.first_name;
const FEMALE_GIVEN = definitions?.female ?? [];
const MALE_GIVEN = definitions?.male ?? [];
if (FEMALE_GIVEN.length === 0 || MALE_GIVEN.length === 0) {
  throw new Error('@faker-js/faker zh_CN has no gendered first names; the seed cannot make person names');
}

// Mobile prefixes of the three Chinese carriers in use in 2018.
const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155',
  '156', '157', '158', '159', '166', '176', '177', '178', '180', '181', '182', '183', '185', '186',
  '187', '188', '189',
];

const VILLAGE_SUFFIXES = ['庄', '楼', '屯', '集', '寨', '营', '店', '村', '洼', '堂', '庙', '桥', '园', '口', '坊', '堤'];
const VILLAGE_PREFIXES = ['前', '后', '东', '西', '南', '北', '大', '小'];

const ROADS = [
  '人民路', '建设路', '振兴路', '文化路', '育才路', '红旗路', '光明路', '解放路', '中华路', '新华路',
  '花园路', '东环路', '西环路', '南环路', '北环路', '兴华路', '府前街', '政通路', '利民路', '民生路',
  '幸福路', '团结路', '和平路', '学苑路',
];

export type Sex = 'm' | 'f';

/** Person names, phone numbers and place names, all drawn from one seeded stream. */
export class PeopleMaker {
  constructor(private readonly rng: SeededRandom) {}

  /** A full name such as 王丽娟; `femaleShare` is the chance of a woman (teachers are mostly women). */
  person(femaleShare = 0.5): { name: string; sex: Sex } {
    const sex: Sex = this.rng.chance(femaleShare) ? 'f' : 'm';
    return { name: this.name(sex), sex };
  }

  name(sex: Sex): string {
    return SURNAMES.pick(this.rng) + this.rng.pick(sex === 'f' ? FEMALE_GIVEN : MALE_GIVEN);
  }

  mobile(): string {
    return this.rng.pick(MOBILE_PREFIXES) + String(this.rng.int(0, 99_999_999)).padStart(8, '0');
  }

  /** A village name such as 王庄 or 东李楼. */
  village(): string {
    const prefix = this.rng.chance(0.2) ? this.rng.pick(VILLAGE_PREFIXES) : '';
    return prefix + SURNAMES.pick(this.rng) + this.rng.pick(VILLAGE_SUFFIXES);
  }

  /** A street address in a town, such as 振兴路88号. */
  street(): string {
    return `${this.rng.pick(ROADS)}${this.rng.int(1, 300)}号`;
  }

  /** A birth date `YYYY-MM-DD` uniformly within the year that starts on `from` (a UTC date). */
  birthDate(from: Date): string {
    const day = 24 * 60 * 60 * 1000;
    return new Date(from.getTime() + this.rng.int(0, 364) * day).toISOString().slice(0, 10);
  }
}
