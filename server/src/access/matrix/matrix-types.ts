import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../test-support/test-app.js';

/** The actors of the access matrix: one account per role, all of them in 冠县 where a role has a place. */
export const MATRIX_ACTORS = {
  anonymous: null,
  sysadmin: 'sysadmin',
  secadmin: 'secadmin',
  auditor: 'auditor',
  city_admin: 'city.admin',
  county_admin: 'guanxian.admin',
  dept_staff: 'guanxian.research',
  researcher: 'guanxian.researcher',
  inspector: 'guanxian.inspector',
  principal: 'gxsy.principal',
  teacher: 'gxsy.teacher',
  parent: 'gxsy.parent',
} as const;
export type MatrixActor = keyof typeof MATRIX_ACTORS;

/**
 * The three targets every scoped route is tried on, seen from the actors above:
 * `own` — the actor's own node (冠县实验小学, its staff, gxsy.parent's child);
 * `sibling` — a neighbour in the same county (冠县第二实验小学, its staff, a child of another class);
 * `foreign` — another county (莘县实验小学, its staff and pupils).
 */
export const TARGETS = ['own', 'sibling', 'foreign'] as const;
export type Target = (typeof TARGETS)[number];

/** Ids of the target records, prepared once per run. */
export interface MatrixFixture {
  school: Record<Target, number>;
  county: Record<'own' | 'foreign', number>;
  /** Staff accounts made for the matrix (not actors, so writes on them disturb nobody). */
  person: Record<Target, number>;
  assignment: Record<Target, number>;
  /** A spare teacher assignment of each target person for each actor, so every actor may try to remove one. */
  spareAssignment: Record<MatrixActor, Record<Target, number>>;
  student: Record<Target, number>;
  /** Text that appears in a response when the target's record is in it. */
  marker: Record<'school' | 'person' | 'student' | 'county', Record<Target, string>>;
}

export interface MatrixRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  url: string;
  payload?: unknown;
  /** Multipart or other raw bodies. */
  headers?: Record<string, string>;
  body?: Buffer;
}

/** Expected status for each target, or one status for all three. */
export type ItemOutcome = number | readonly [number, number, number];

/**
 * A list (or count, or export) route: the status, and for a 200 which targets' records the
 * answer contains — e.g. `'os-'` = own and sibling are in it, foreign is not.
 */
export type ListOutcome = number | `${'o' | '-'}${'s' | '-'}${'f' | '-'}`;

export type MatrixEntry =
  | {
      route: string;
      kind: 'item';
      request: (f: MatrixFixture, target: Target, actor: MatrixActor) => MatrixRequest;
      expect: Record<MatrixActor, ItemOutcome>;
    }
  | {
      route: string;
      kind: 'list';
      request: (f: MatrixFixture) => MatrixRequest;
      /** Which records' markers to look for in the answer. */
      of: 'school' | 'person' | 'student' | 'county';
      /** Reads the answer into searchable text (JSON body by default; exports parse the file). */
      read?: (res: LightMyRequestResponse) => Promise<string>;
      expect: Record<MatrixActor, ListOutcome>;
    }
  | {
      route: string;
      kind: 'plain';
      request: (f: MatrixFixture) => MatrixRequest;
      expect: Record<MatrixActor, number>;
      /** Run after every other entry (logout ends the actor's session). */
      last?: boolean;
    };

export type MatrixContext = { t: TestApp; f: MatrixFixture };

/** Same outcome for every actor except those named. */
export function allExcept<T>(base: T, except: Partial<Record<MatrixActor, T>>): Record<MatrixActor, T> {
  const out = {} as Record<MatrixActor, T>;
  for (const a of Object.keys(MATRIX_ACTORS) as MatrixActor[]) out[a] = except[a] ?? base;
  return out;
}
