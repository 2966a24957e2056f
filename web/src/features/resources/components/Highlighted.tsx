import type { HighlightSegment } from '@shared/resource-search-types';

/** A highlighted text from the server's segments: each piece is text (React escapes it), hits in <mark>. */
export function Highlighted({ segments }: { segments: readonly HighlightSegment[] }) {
  return (
    <>
      {segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </>
  );
}
