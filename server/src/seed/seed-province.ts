import { type SchoolDetail, type SeedContext, writeCity } from './org-writer.js';
import {
  assignBatches, compulsoryCount, markPoorVillages, type PlannedSchool, planCountySchools,
} from './school-plan.js';
import { apportion } from './seeded-random.js';

/** Schools of the whole province scale, Liaocheng's 630 included. */
export const PROVINCE_SCHOOLS = 15_000;
const LIAOCHENG_SCHOOLS = 630;

// The other Shandong cities of 2018 (莱芜 was still a city then and is left out), with their
// counties as GB/T 2260 suffix + name, and a rough population share in ten thousands used to spread
// schools.
const CITIES: readonly { code: string; name: string; weight: number; counties: string }[] = [
  { code: '370100', name: '济南市', weight: 730, counties: '02历下区 03市中区 04槐荫区 05天桥区 12历城区 13长清区 14章丘区 24平阴县 25济阳县 26商河县' },
  { code: '370200', name: '青岛市', weight: 940, counties: '02市南区 03市北区 11黄岛区 12崂山区 13李沧区 14城阳区 15即墨区 81胶州市 83平度市 85莱西市' },
  { code: '370300', name: '淄博市', weight: 470, counties: '02淄川区 03张店区 04博山区 05临淄区 06周村区 21桓台县 22高青县 23沂源县' },
  { code: '370400', name: '枣庄市', weight: 390, counties: '02市中区 03薛城区 04峄城区 05台儿庄区 06山亭区 81滕州市' },
  { code: '370500', name: '东营市', weight: 220, counties: '02东营区 03河口区 05垦利区 22利津县 23广饶县' },
  { code: '370600', name: '烟台市', weight: 710, counties: '02芝罘区 11福山区 12牟平区 13莱山区 34长岛县 81龙口市 82莱阳市 83莱州市 84蓬莱市 85招远市 86栖霞市 87海阳市' },
  { code: '370700', name: '潍坊市', weight: 930, counties: '02潍城区 03寒亭区 04坊子区 05奎文区 24临朐县 25昌乐县 81青州市 82诸城市 83寿光市 84安丘市 85高密市 86昌邑市' },
  { code: '370800', name: '济宁市', weight: 830, counties: '11任城区 12兖州区 26微山县 27鱼台县 28金乡县 29嘉祥县 30汶上县 31泗水县 32梁山县 81曲阜市 83邹城市' },
  { code: '370900', name: '泰安市', weight: 560, counties: '02泰山区 11岱岳区 21宁阳县 23东平县 82新泰市 83肥城市' },
  { code: '371000', name: '威海市', weight: 280, counties: '02环翠区 03文登区 82荣成市 83乳山市' },
  { code: '371100', name: '日照市', weight: 290, counties: '02东港区 03岚山区 21五莲县 22莒县' },
  { code: '371300', name: '临沂市', weight: 1060, counties: '02兰山区 11罗庄区 12河东区 21沂南县 22郯城县 23沂水县 24兰陵县 25费县 26平邑县 27莒南县 28蒙阴县 29临沭县' },
  { code: '371400', name: '德州市', weight: 580, counties: '02德城区 03陵城区 22宁津县 23庆云县 24临邑县 25齐河县 26平原县 27夏津县 28武城县 81乐陵市 82禹城市' },
  { code: '371600', name: '滨州市', weight: 390, counties: '02滨城区 03沾化区 21惠民县 22阳信县 23无棣县 25博兴县 81邹平市' },
  { code: '371700', name: '菏泽市', weight: 870, counties: '02牡丹区 03定陶区 21曹县 22单县 23成武县 24巨野县 25郓城县 26鄄城县 28东明县' },
];

const SUBDISTRICT_STEMS = [
  '城关', '东城', '西城', '南城', '北城', '新华', '文化', '建设', '人民', '胜利', '和平', '光明', '振华', '兴华',
  '府前', '城南', '城北', '东关', '西关', '南关', '北关', '滨河', '龙山', '凤凰', '湖滨', '站前', '开元', '育才',
];

// About 20 accounts a school (principal + 19 teachers) gives the ~300,000 staff of the province scale.
const TEACHERS_PER_SCHOOL = 19;

const DETAIL: SchoolDetail = {
  gradeLimit: null,
  classesPerGrade: { max: 2 },
  teachers: () => TEACHERS_PER_SCHOOL,
  withStudents: () => false,
};

/**
 * Township names for a county of a city without a gazetteer of ours: a few subdistricts of the
 * county seat and towns named after villages, unique within the city because school names are.
 */
function townships(ctx: SeedContext, countyName: string, taken: Set<string>): string[] {
  const { rng, people } = ctx;
  const names: string[] = [];
  const subdistricts = rng.int(2, 4);
  while (names.length < subdistricts) {
    const stem = rng.pick(SUBDISTRICT_STEMS);
    const name = taken.has(`${stem}街道`) ? `${countyName.slice(0, 2)}${stem}街道` : `${stem}街道`;
    if (taken.has(name)) continue;
    names.push(name);
    taken.add(name);
  }
  const total = subdistricts + rng.int(8, 12);
  while (names.length < total) {
    const name = `${people.village()}${rng.chance(0.1) ? '乡' : '镇'}`;
    if (taken.has(name)) continue;
    names.push(name);
    taken.add(name);
  }
  return names;
}

/**
 * Adds 15 more Shandong cities to the demo city: 15,000 schools in all, about 20 staff accounts
 * each, few classes. Each city gets a city admin `a<citycode>` and each county a county admin
 * `a<countycode>`, so that scoped queries can be measured at every level.
 */
export async function seedProvince(ctx: SeedContext): Promise<void> {
  const started = performance.now();
  const perCity = apportion(PROVINCE_SCHOOLS - LIAOCHENG_SCHOOLS, CITIES.map((c) => c.weight));
  for (const [c, city] of CITIES.entries()) {
    const counties = city.counties.split(' ').map((entry) => ({
      code: city.code.slice(0, 4) + entry.slice(0, 2),
      name: entry.slice(2),
    }));
    const takenTownships = new Set<string>();
    const places = counties.map((county) => ({ ...county, townships: townships(ctx, county.name, takenTownships) }));
    const perCounty = apportion(perCity[c] ?? 0, places.map(() => ctx.rng.int(80, 120)));
    const planCtx = { rng: ctx.rng, people: ctx.people, cityName: city.name, takenNames: new Set<string>() };
    const plans: PlannedSchool[][] = places.map((county, i) => {
      const n = perCounty[i] ?? 0;
      const kindergarten = Math.round(n * 0.4);
      const junior = Math.round(n * 0.14);
      const nineYear = Math.round(n * 0.05);
      const senior = Math.round(n * 0.04);
      const primary = n - kindergarten - junior - nineYear - senior;
      return planCountySchools(planCtx, county, { kindergarten, primary, junior, nine_year: nineYear, senior });
    });
    markPoorVillages(ctx.rng, plans.flat(), 0.1);
    const compulsory = plans.map(compulsoryCount);
    const firstBatch = Math.round((compulsory.reduce((a, b) => a + b, 0) * 150) / 430);
    const early = apportion(firstBatch, compulsory);
    plans.forEach((schools, i) => assignBatches(schools, early[i] ?? 0));

    const bureau = `${city.name}教育局`;
    const written = await writeCity(ctx, { code: city.code, name: city.name, bureau, counties }, plans, DETAIL);
    addAdmin(ctx, `a${city.code}`, 'city_admin', written.cityId, null);
    for (const [code, countyId] of written.countyIds) addAdmin(ctx, `a${code}`, 'county_admin', written.cityId, countyId);
    await ctx.writer.flushIfFull();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    ctx.log(`${city.name}: ${written.schools.size} schools; ${ctx.writer.counts.users} users so far (${seconds} s)`);
  }
}

function addAdmin(ctx: SeedContext, username: string, role: 'city_admin' | 'county_admin', cityId: number, countyId: number | null) {
  const userId = ctx.writer.add('users', {
    username, name: ctx.people.person().name, phone: ctx.people.mobile(), password_hash: ctx.passwordHash, kind: 'staff',
    disabled: 0, failed_logins: 0, locked_until: null, created_at: ctx.createdAt, updated_at: ctx.createdAt,
  });
  ctx.writer.add('role_assignments', {
    user_id: userId, role, department: null, city_id: cityId, county_id: countyId, school_id: null, created_at: ctx.createdAt,
  });
}
