/**
 * The ways people ask for lessons, which carry no topic of their own:
 * "what have reviews said about …?", "show me lessons on …", "I need learning about …".
 * They are removed from the start of a question (and politeness from its end) so that
 * what remains is the topic. Stop-words are removed later, word by word; these patterns
 * catch the content words of a request ("lessons", "reviews", "say") that stop-words don't.
 */

const LEADING: readonly RegExp[] = [
  /^(?:hi|hello|hey|ok|okay|please|pls|thanks)\b[\s,!.:;-]*/i,
  // Lower-case only: "SO" in capitals is a supervision order.
  /^(?:so|and|but|also|now|then|right|well)[\s,]+(?=\S)/,
  /^(?:can|could|would|will)\s+(?:you|we|i)\b\s*(?:please\s+)?/i,
  /^(?:i|we)\s*(?:'d|would)\s+like\s+(?:to\s+(?:see|know|read|find|learn|look\s+at)\s+)?/i,
  /^(?:i|we)\s+(?:need|want|wish)\s+(?:to\s+(?:see|know|read|find|learn|look\s+at|understand)\s+)?/i,
  /^(?:i\s*'?m|i\s+am|we\s*'?re|we\s+are)?\s*(?:looking|searching)\s+(?:for|at)\b\s*/i,
  /^(?:show|give|find|get|send|tell|bring|fetch)\s+(?:me|us)\b\s*(?:more\s+)?/i,
  /^(?:show|find|search(?:\s+for)?|list|look\s+up|lookup|get|give|fetch|explain|summari[sz]e)\b\s*/i,
  /^(?:do|does)\s+(?:you|we|the\s+bot)\s+(?:have|know)\b\s*/i,
  /^(?:is|are)\s+there\b\s*/i,
  /^what\s+(?:do|does|did|have|has|can|could|should|would|might)\s+(?:the\s+|our\s+)?(?:(?:serious|safeguarding|local)\s+)?(?:case\s+|practice\s+)?(?:reviews?|scrs?|lcsprs?|cspr|learning|lessons|research|evidence|they|we|you|i)\s+(?:ever\s+)?(?:say|said|says|find|found|tell|told|teach|taught|learn|learned|learnt|show|shown|showed|recommend|recommended|conclude|concluded|know|have|need)(?:\s+(?:us|me))?\b\s*/i,
  /^what\s+(?:is|are|was|were|'s)\s+(?:(?:the|some|any)\s+)?(?:key\s+|main\s+|important\s+)?(?:lessons?|learning(?:\s+points?)?|learnings|findings|messages|themes|issues|points|recommendations)\b\s*/i,
  /^what\s+(?:is|are|was|were|has\s+been|have\s+been|'s)\s+(?:been\s+)?(?:learned|learnt|said|found)\b\s*/i,
  /^(?:what|which)\s+(?:lessons?|learning|reviews?)\b\s*/i,
  /^(?:tell|teach)\s+(?:me|us)\b\s*(?:more\s+)?/i,
  /^(?:what|how)\s+about\b\s*/i,
  /^(?:any|some|all|the|more)\b\s*/i,
  /^(?:lessons?|learnings|findings|key\s+messages|anything|something|everything|briefings?)\b\s*/i,
  // "learning" is filler in "learning on …" but a topic in "learning disabilities".
  /^learning(?:\s+points?)?(?:\s+(?=(?:on|about|for|from|around|regarding|re|in|into|of)\b)|\s*$)/i,
  /^(?:from|in)\s+(?:the\s+)?(?:(?:serious|safeguarding)\s+)?(?:case\s+|practice\s+)?reviews?\b\s*/i,
  /^(?:the\s+)?(?:(?:serious|safeguarding)\s+)?(?:case\s+|practice\s+)?reviews?\s+(?:of|into|about|on)\b\s*/i,
  /^(?:learned|learnt|found|said)\b\s*/i,
  /^(?:on|about|for|around|regarding|re|concerning|into|of|to\s+do\s+with|related\s+to|relating\s+to|in\s+relation\s+to|with\s+regard\s+to|with)\b[\s:]*/i,
];

const TRAILING =
  /[\s,]*(?:\b(?:please|pls|thanks|thank\s+you|cheers|lessons?|learning|in\s+reviews|from\s+reviews)\b|[?!.,;:…\s])+$/i;

/** Removes the request around the topic: "what have reviews said about escalation?" → "escalation". */
export function stripFiller(text: string): string {
  let rest = text.trim();
  for (let guard = 0; guard < 20; guard++) {
    const before = rest;
    for (const pattern of LEADING) rest = rest.replace(pattern, '');
    rest = rest.replace(TRAILING, '').trim();
    if (rest === before) break;
  }
  return rest;
}
