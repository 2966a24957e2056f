import type { CSSProperties } from 'react';

/** The notices pages' few styles: phone-sized cards without a component library (the family app's first load stays small). */
export const s = {
  page: { padding: 12, display: 'flex', flexDirection: 'column', gap: 10, maxWidth: 480, margin: '0 auto' } satisfies CSSProperties,
  card: { background: '#fff', borderRadius: 10, padding: 14, boxShadow: '0 1px 3px rgba(0,0,0,0.08)', color: '#222', textDecoration: 'none', display: 'block' } satisfies CSSProperties,
  unread: { borderLeft: '4px solid #fa8c16' } satisfies CSSProperties,
  title: { fontSize: 16, fontWeight: 600, margin: 0 } satisfies CSSProperties,
  meta: { fontSize: 13, color: '#888', marginTop: 4 } satisfies CSSProperties,
  tag: { display: 'inline-block', fontSize: 12, padding: '1px 6px', borderRadius: 4, background: '#e6f4ff', color: '#0958d9', marginRight: 6, marginTop: 6 } satisfies CSSProperties,
  urgentTag: { display: 'inline-block', fontSize: 12, padding: '1px 6px', borderRadius: 4, background: '#fff1f0', color: '#cf1322', marginRight: 6 } satisfies CSSProperties,
  body: { fontSize: 15, lineHeight: 1.7, whiteSpace: 'pre-wrap', marginTop: 12 } satisfies CSSProperties,
  button: { width: '100%', height: 44, border: 'none', borderRadius: 8, background: '#fa8c16', color: '#fff', fontSize: 16 } satisfies CSSProperties,
  done: { textAlign: 'center', color: '#389e0d', fontSize: 15, padding: 10 } satisfies CSSProperties,
  empty: { textAlign: 'center', color: '#999', padding: 40 } satisfies CSSProperties,
  error: { color: '#cf1322', padding: 12 } satisfies CSSProperties,
  filter: { display: 'flex', gap: 8, overflowX: 'auto' } satisfies CSSProperties,
  chip: { border: '1px solid #ddd', borderRadius: 16, padding: '4px 12px', background: '#fff', fontSize: 13, whiteSpace: 'nowrap' } satisfies CSSProperties,
  chipOn: { border: '1px solid #fa8c16', color: '#fa8c16' } satisfies CSSProperties,
};
