/**
 * Block Kit limits (from @slack/types and Slack's reference). A message over any of
 * them is rejected outright (invalid_blocks, msg_blocks_too_long), so the renderer
 * stays inside them for every input rather than hoping the corpus is tame.
 */
export const LIMITS = {
  messageBlocks: 50,
  homeBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  /** not documented per element; kept well under the section limit */
  contextText: 2000,
  actionsElements: 25,
  buttonText: 75,
  /** a button's accessibility_label */
  accessibilityLabel: 75,
  buttonValue: 2000,
  actionId: 255,
  /** a message's top-level `text`, used for notifications and as the fallback */
  fallbackText: 300,
  /**
   * Slack rejects a message at roughly 13,200 characters in total even when every block
   * is within its own limit (bolt-js#2509). The budget is measured on the JSON of the
   * blocks, which over-counts, so staying under it is safe.
   */
  messageJson: 11_000,
  /** not documented for views; generous, yet far from any size Slack has been seen to refuse */
  homeJson: 24_000,
} as const;

/** Results show this much of a lesson; "Full lesson" shows the rest. */
export const SUMMARY_CHARS = 500;

/** A full lesson's text is cut here, with a pointer to the review, so one lesson cannot fill a message. */
export const FULL_TEXT_CHARS = 5500;
