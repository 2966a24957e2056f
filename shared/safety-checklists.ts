/**
 * 平安校园 (issue 11): the safety check's default checklist, one per area, and the words the
 * hazards and drills use. The server checks a check against these lists and the web draws the
 * check form from them, so both read this one file.
 */
export const SAFETY_AREAS = ['gate', 'fire', 'canteen', 'dormitory', 'bus'] as const;
export type SafetyArea = (typeof SAFETY_AREAS)[number];

export interface ChecklistItem {
  /** Stable key, stored with a check's answer. */
  key: string;
  label: string;
}

export interface SafetyAreaChecklist {
  area: SafetyArea;
  label: string;
  items: readonly ChecklistItem[];
}

/** The default checklist of each area (门卫/校门, 消防设施, 食堂, 宿舍, 校车). */
export const SAFETY_CHECKLISTS: readonly SafetyAreaChecklist[] = [
  {
    area: 'gate', label: '门卫/校门',
    items: [
      { key: 'guard_on_duty', label: '门卫在岗在位，值班记录完整' },
      { key: 'visitor_log', label: '外来人员登记、核实后进校' },
      { key: 'anti_riot_kit', label: '防暴器材（钢叉、盾牌、警棍）齐全可用' },
      { key: 'gate_closed', label: '上课期间校门关闭，上下学时段有人值守' },
      { key: 'cctv', label: '校门监控正常录像' },
    ],
  },
  {
    area: 'fire', label: '消防设施',
    items: [
      { key: 'extinguishers', label: '灭火器在有效期内、压力正常、摆放到位' },
      { key: 'hydrants', label: '消火栓完好，水带水枪齐全' },
      { key: 'exits_clear', label: '安全出口、疏散通道畅通无堵塞' },
      { key: 'emergency_lights', label: '应急照明和疏散指示标志完好' },
      { key: 'wiring', label: '无私拉乱接电线，配电箱上锁' },
    ],
  },
  {
    area: 'canteen', label: '食堂',
    items: [
      { key: 'licence', label: '食品经营许可证、从业人员健康证有效' },
      { key: 'samples', label: '每餐留样 125 克以上、冷藏 48 小时并记录' },
      { key: 'purchase_records', label: '食材进货查验和索证索票记录完整' },
      { key: 'gas_safety', label: '燃气管道、阀门无泄漏，报警器正常' },
      { key: 'disinfection', label: '餐具清洗消毒到位，有消毒记录' },
    ],
  },
  {
    area: 'dormitory', label: '宿舍',
    items: [
      { key: 'night_duty', label: '宿管员夜间值班、按时查寝' },
      { key: 'no_appliances', label: '无违规电器，无私拉电线' },
      { key: 'exits_open', label: '宿舍安全出口未上锁、畅通' },
      { key: 'beds', label: '床铺护栏牢固，门窗完好' },
    ],
  },
  {
    area: 'bus', label: '校车',
    items: [
      { key: 'inspection', label: '校车年检合格、保险有效' },
      { key: 'driver', label: '驾驶人有校车驾驶资格，无酒驾疲劳驾驶' },
      { key: 'escort', label: '随车照管员在岗，上下车清点人数' },
      { key: 'no_overload', label: '不超员，学生系好安全带' },
      { key: 'equipment', label: '车内灭火器、安全锤、急救箱齐全' },
    ],
  },
];

/** The checklist of one area. */
export function checklistOf(area: SafetyArea): SafetyAreaChecklist {
  return SAFETY_CHECKLISTS.find((c) => c.area === area)!;
}

/** 隐患等级: 一般 / 较大 / 重大. */
export const HAZARD_LEVELS = ['general', 'major', 'severe'] as const;
export type HazardLevel = (typeof HAZARD_LEVELS)[number];

/**
 * A hazard's states: reported (open) → being rectified → rectified (with a note and photos) →
 * verified by the principal. A hazard past its deadline and not yet rectified is escalated to the
 * county; the school still rectifies it from there.
 */
export const HAZARD_STATUSES = ['open', 'rectifying', 'rectified', 'verified', 'escalated'] as const;
export type HazardStatus = (typeof HAZARD_STATUSES)[number];

/** States in which the school still owes a rectification (the deadline counts). */
export const HAZARD_OPEN_STATUSES: readonly HazardStatus[] = ['open', 'rectifying', 'escalated'];

/** 演练: fire, earthquake, evacuation, other. */
export const DRILL_KINDS = ['fire', 'earthquake', 'evacuation', 'other'] as const;
export type DrillKind = (typeof DRILL_KINDS)[number];

/** Days a problem found on a check has for its rectification when the checker sets no deadline. */
export const DEFAULT_RECTIFY_DAYS = 7;
