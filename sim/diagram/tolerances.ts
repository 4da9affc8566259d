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

/**
 * A stack of cards (the same shape copied and offset a little, drawn as
 * "many of these") is one node: two shapes of one type whose widths and
 * heights differ by at most STACK_SIZE_SLACK and whose top-left corners
 * are at most STACK_MAX_OFFSET apart on each axis, and at most a third of
 * the card's width (height) apart: 129 x 106 cards offset 13-26 units in
 * diagram 001 stack; boxes side by side in a row or grid do not.
 */
export const STACK_SIZE_SLACK = 2;
export const STACK_MAX_OFFSET = 40;
export const STACK_MAX_OFFSET_SHARE = 1 / 3;
