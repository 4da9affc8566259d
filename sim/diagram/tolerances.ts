/**
 * Every distance the importer uses, in Excalidraw scene units (1 unit = 1
 * px at 100% zoom). The seeds draw boxes about 100-130 units wide.
 */

/** An unbound arrow end attaches to the nearest node whose box is at most this far (0 inside). */
export const ARROW_ATTACH_DISTANCE = 50;

/** An arrow end this close to another arrow or line joins it (a branch or a connector line). */
export const WIRE_TOUCH_DISTANCE = 12;

/**
 * Free text labels a node when its center is inside the node's box, or
 * when it sits just below/above the box (at most this gap, overlapping the
 * box horizontally by at least half the text's width) or just beside it
 * (at most this gap, overlapping vertically by at least half its height).
 */
export const TEXT_ATTACH_GAP = 30;

/** Minimum share of the text's width (or height) that must face the box. */
export const TEXT_ATTACH_OVERLAP = 0.5;

/** Free text not labelling a node labels the nearest arrow this close to it. */
export const EDGE_TEXT_DISTANCE = 30;

/** A plain line lying inside a node's box (with this slack) is part of the node (a slot, a divider). */
export const SLOT_SLACK = 2;

/** Nodes whose centers differ by at most this much vertically share a row when numbering ids. */
export const ROW_TOLERANCE = 40;

/** Vertical gap between clusters of elements at which a canvas may hold separate designs. */
export const DESIGN_GAP = 200;
