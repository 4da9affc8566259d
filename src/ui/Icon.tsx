/** Small inline SVG icons (no icon font, no emoji: they render the same everywhere). */
const PATHS = {
  play: "M4 2.5v11l9-5.5z",
  pause: "M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z",
  stepBack: "M3 2.5h2v11H3zM13 2.5v11L5.5 8z",
  stepForward: "M11 2.5h2v11h-2zM3 2.5v11L10.5 8z",
  dice: "M3 2h10a1 1 0 0 1 1 1v10a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V3a1 1 0 0 1 1-1zm2 2.2a1.2 1.2 0 1 0 0 2.4 1.2 1.2 0 0 0 0-2.4zm6 0a1.2 1.2 0 1 0 0 2.4 1.2 1.2 0 0 0 0-2.4zM8 6.8a1.2 1.2 0 1 0 0 2.4 1.2 1.2 0 0 0 0-2.4zm-3 2.6a1.2 1.2 0 1 0 0 2.4 1.2 1.2 0 0 0 0-2.4zm6 0a1.2 1.2 0 1 0 0 2.4 1.2 1.2 0 0 0 0-2.4z",
  link: "M6.5 9.5l3-3M7 4.5l1.2-1.2a2.5 2.5 0 0 1 3.5 3.5L10.5 8M9 11.5l-1.2 1.2a2.5 2.5 0 0 1-3.5-3.5L5.5 8",
  fit: "M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4",
  undo: "M5 3L2 6l3 3M2 6h7a4 4 0 0 1 0 8H6",
  sidebar: "M2 3h12v10H2zM10 3v10",
  present: "M2 3h12v8H2zM8 11v3M5 14h6",
  prev: "M10 3L5 8l5 5",
  next: "M6 3l5 5-5 5",
} as const;

const STROKED = new Set(["link", "fit", "undo", "sidebar", "present", "prev", "next"]);

export function Icon(props: { name: keyof typeof PATHS }) {
  const stroked = STROKED.has(props.name);
  return (
    <svg className="icon" viewBox="0 0 16 16" aria-hidden="true">
      <path d={PATHS[props.name]} fill={stroked ? "none" : "currentColor"} stroke={stroked ? "currentColor" : "none"} strokeWidth={stroked ? 1.6 : 0} strokeLinecap="round" />
    </svg>
  );
}
