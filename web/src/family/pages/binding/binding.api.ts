import type { BindingMine, BindingMyRequest, BindingRedeem } from '@shared/family-binding-api-types';
import { api, ApiError } from '../../../api/client';

/** The signed-in parent's children (labelled) and binding requests. */
export function myBindings(signal?: AbortSignal): Promise<BindingMine> {
  return api.get<BindingMine>('/api/family/binding/mine', { signal });
}

/** Redeems a class's invitation code: a request the class's teacher confirms. */
export function redeemCode(body: BindingRedeem): Promise<BindingMyRequest> {
  return api.post<BindingMyRequest>('/api/family/binding/redeem', body);
}

/** Ends the parent's own guardianship of a child. */
export function unbindChild(studentId: number): Promise<{ ok: boolean }> {
  return api.delete(`/api/family/binding/mine/${studentId}`);
}

/** The server's own sentence (Chinese, saying what to fix), or a network message. */
export function failureText(error: unknown, network: string): string {
  return error instanceof ApiError && error.status !== 0 ? error.message : network;
}
