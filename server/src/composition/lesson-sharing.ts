import type { SharedLesson } from '../modules/recordings/recordings.service.js';

/**
 * Recordings takes one `sharedLesson` port: a lesson outside the actor's scope plays when any
 * module sharing lessons says so (research activities, the resource library).
 */
export function eitherShares(...ports: SharedLesson[]): SharedLesson {
  return async (actor, lesson) => {
    for (const shares of ports) if (await shares(actor, lesson)) return true;
    return false;
  };
}
