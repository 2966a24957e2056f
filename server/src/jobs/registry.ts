import type { AnyJobDefinition, JobDefinition } from './job-definition.js';

/** The job kinds a process knows, by kind. `D` (a union of definitions) types `enqueue`. */
export interface JobRegistry<D extends AnyJobDefinition = AnyJobDefinition> {
  get(kind: string): AnyJobDefinition | undefined;
  kinds(): string[];
  /** The definitions, in the order given (typed as a union, for the queue's payload types). */
  readonly definitions: readonly D[];
}

/** The payload type of kind `K` among definitions `D` (any, when `D` does not name its kinds). */
export type PayloadOf<D extends AnyJobDefinition, K extends string> = string extends D['kind']
  ? D extends JobDefinition<string, infer P> ? P : never
  : D extends JobDefinition<K, infer P> ? P : never;

/**
 * Builds a registry from job definitions; a kind defined twice is refused. The platform's own
 * list is in composition/app-jobs.ts; tests build small ones.
 */
export function buildJobRegistry<D extends AnyJobDefinition>(definitions: readonly D[]): JobRegistry<D> {
  const byKind = new Map<string, AnyJobDefinition>();
  for (const def of definitions) {
    if (byKind.has(def.kind)) throw new Error(`job kind ${def.kind} is defined twice`);
    byKind.set(def.kind, def);
  }
  return {
    get: (kind) => byKind.get(kind),
    kinds: () => [...byKind.keys()],
    definitions,
  };
}
