import { Selector } from 'antd-mobile';
import type { RoutineChild } from '@shared/routine-api-types';

/** Which child the page is about, shown only to a guardian of several. */
export function ChildPicker({ kids, value, onChange }: { kids: RoutineChild[]; value: number | null; onChange: (id: number) => void }) {
  if (kids.length < 2) return null;
  return (
    <Selector
      style={{ padding: '8px 12px' }}
      options={kids.map((c) => ({ label: c.label, value: c.id }))}
      value={value === null ? [] : [value]}
      onChange={(v) => { if (v[0] !== undefined) onChange(v[0]); }}
    />
  );
}
