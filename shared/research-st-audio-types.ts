/**
 * The API shapes of the automatic S-T draft from a lesson's audio, derived from the server's
 * TypeBox schemas like api-types.ts. Type-only imports: nothing of the server reaches the browser.
 */
import type { Static } from 'typebox';
import type { StAudioAgreementSchema, StAudioDraftSchema, StAudioRequestBody } from '../server/src/modules/research/st-audio.schema.js';

export type StAudioDraft = Static<typeof StAudioDraftSchema>;
export type StAudioState = StAudioDraft['state'];
export type StAudioAgreement = Static<typeof StAudioAgreementSchema>;
export type StAudioRequest = Static<typeof StAudioRequestBody>;
