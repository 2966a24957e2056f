/**
 * Liaocheng as it was in 2018 (see the project's shared seed/liaocheng-2018.json): the city, its
 * eight counties with GB/T 2260 codes of that year (茌平 was still the county 371523), the share
 * used to spread demo schools, and township / subdistrict names written from public gazetteers of
 * the time as far as we know them. A name ending in 街道 is a subdistrict of the county seat.
 */
export interface CountyPlace {
  /** Ascii handle used in demo account names (guanxian.admin). */
  slug: string;
  code: string;
  name: string;
  populationWeight: number;
  townships: readonly string[];
}

export interface CityPlace {
  code: string;
  name: string;
  bureau: string;
  counties: readonly CountyPlace[];
}

export const LIAOCHENG: CityPlace = {
  code: '371500',
  name: '聊城市',
  bureau: '聊城市教育局',
  counties: [
    {
      slug: 'dongchangfu', code: '371502', name: '东昌府区', populationWeight: 118,
      townships: [
        '古楼街道', '柳园街道', '新区街道', '湖西街道', '道口铺街道', '闫寺街道', '凤凰街道', '侯营镇', '沙镇镇',
        '堂邑镇', '梁水镇镇', '斗虎屯镇', '郑家镇', '张炉集镇', '于集镇', '许营镇', '朱老庄镇', '顾官屯镇',
      ],
    },
    {
      slug: 'linqing', code: '371581', name: '临清市', populationWeight: 76,
      townships: [
        '青年路街道', '新华路街道', '先锋路街道', '大辛庄街道', '松林镇', '老赵庄镇', '康庄镇', '魏湾镇',
        '刘垓子镇', '八岔路镇', '潘庄镇', '烟店镇', '唐园镇', '金郝庄镇', '戴湾镇', '尚店镇',
      ],
    },
    {
      slug: 'yanggu', code: '371521', name: '阳谷县', populationWeight: 76,
      townships: [
        '博济桥街道', '侨润街道', '狮子楼街道', '阎楼镇', '阿城镇', '七级镇', '安乐镇', '定水镇', '石佛镇',
        '李台镇', '寿张镇', '十五里园镇', '张秋镇', '郭屯镇', '西湖镇', '高庙王镇', '金斗营镇', '大布乡',
      ],
    },
    {
      slug: 'shenxian', code: '371522', name: '莘县', populationWeight: 98,
      townships: [
        '莘州街道', '燕塔街道', '莘亭街道', '东鲁街道', '张鲁回族镇', '朝城镇', '观城镇', '古城镇', '大张家镇',
        '古云镇', '十八里铺镇', '燕店镇', '董杜庄镇', '王奉镇', '樱桃园镇', '河店镇', '妹冢镇', '魏庄镇',
        '张寨镇', '大王寨镇',
      ],
    },
    {
      slug: 'chiping', code: '371523', name: '茌平县', populationWeight: 55,
      townships: [
        '振兴街道', '信发街道', '温陈街道', '乐平铺镇', '冯官屯镇', '菜屯镇', '博平镇', '杜郎口镇', '韩屯镇',
        '胡屯镇', '肖家庄镇', '贾寨镇', '洪官屯镇', '杨官屯乡', '广平乡',
      ],
    },
    {
      slug: 'donge', code: '371524', name: '东阿县', populationWeight: 40,
      townships: ['铜城街道', '新城街道', '刘集镇', '牛角店镇', '大桥镇', '高集镇', '姜楼镇', '姚寨镇', '鱼山镇', '陈集镇', '油坊镇'],
    },
    {
      slug: 'guanxian', code: '371525', name: '冠县', populationWeight: 80,
      townships: [
        '清泉街道', '崇文街道', '烟庄街道', '贾镇', '桑阿镇', '柳林镇', '清水镇', '东古城镇', '北馆陶镇', '店子镇',
        '定远寨镇', '辛集镇', '梁堂镇', '范寨镇', '甘官屯镇', '兰沃乡', '斜店乡', '万善乡',
      ],
    },
    {
      slug: 'gaotang', code: '371526', name: '高唐县', populationWeight: 48,
      townships: [
        '鱼丘湖街道', '汇鑫街道', '人和街道', '梁村镇', '尹集镇', '清平镇', '固河镇', '三十里铺镇', '琉璃寺镇',
        '赵寨子镇', '姜店镇', '杨屯镇',
      ],
    },
  ],
};

/** The programme's two rollout batches (2018-04-04 meeting): 200 kindergartens and 150 primary and
 * junior schools by August 2018, 280 more primary and junior schools by February 2019. */
export const BATCHES = {
  first: { id: '2018-08', kindergarten: 200, primaryAndJunior: 150 },
  second: { id: '2019-02', primaryAndJunior: 280 },
} as const;

/** Returns the Liaocheng county with this slug; throws for a slug that is not one of the eight. */
export function liaochengCounty(slug: string): CountyPlace {
  const county = LIAOCHENG.counties.find((c) => c.slug === slug);
  if (!county) throw new Error(`no Liaocheng county with slug ${slug}`);
  return county;
}
