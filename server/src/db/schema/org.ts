import type { Generated, Insertable, Selectable } from 'kysely';

/** The organisation tree: regions (city, county), their departments, schools, grades and classes. Conventions: see ../schema.ts. */

export interface RegionTable {
  id: Generated<number>;
  /** GB/T 2260 code, six digits. */
  code: string;
  name: string;
  level: 'city' | 'county';
  parent_id: number | null;
  /** The city bureau's or county bureau's own name (聊城市教育局). */
  bureau_name: string;
}

export interface DepartmentTable {
  id: Generated<number>;
  region_id: number;
  kind: 'research' | 'edtech' | 'preschool';
  name: string;
}

export interface SchoolTable {
  id: Generated<number>;
  /** 10-digit school identification code (学校标识码). */
  code: string;
  name: string;
  kind: 'kindergarten' | 'primary' | 'junior' | 'nine_year' | 'senior';
  /** The county the school belongs to. */
  county_id: number;
  /** Denormalised from the county so that city-scoped filters need no join. */
  city_id: number;
  township: string;
  locality: 'urban' | 'rural';
  poor_village: number;
  student_count: number;
  staff_count: number;
  address: string;
  contact_name: string;
  contact_phone: string;
  /** Rollout batch of the programme (`2018-08`, `2019-02`), null when not in the programme. */
  batch: string | null;
  created_at: string;
  updated_at: string;
}

export interface GradeTable {
  id: Generated<number>;
  school_id: number;
  name: string;
  /** 1–12 for primary to senior, -3..-1 for kindergarten 小班/中班/大班. */
  level: number;
}

export interface ClassTable {
  id: Generated<number>;
  school_id: number;
  grade_id: number;
  name: string;
}

export type School = Selectable<SchoolTable>;

export type NewSchool = Insertable<SchoolTable>;

export type Region = Selectable<RegionTable>;
