/** The product's mark: a sun. Drawn inline so the login page needs no image request. */
export function SunMark({ size = 40 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <circle cx="32" cy="32" r="13" fill="#f7a400" />
      <g stroke="#f7a400" strokeWidth="5" strokeLinecap="round">
        <path d="M32 4v8M32 52v8M4 32h8M52 32h8M12.2 12.2l5.7 5.7M46.1 46.1l5.7 5.7M12.2 51.8l5.7-5.7M46.1 17.9l5.7-5.7" />
      </g>
    </svg>
  );
}
