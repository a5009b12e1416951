// The few words the Slack adapter says itself; everything else comes from the Conversation in the reader's language.
// The adapter speaks before it knows who is asking (within Slack's 3 seconds), so these are bilingual.
export const SLACK_TEXTS = {
  workingOnIt: 'Working on it… · 处理中…',
  failed: 'Something went wrong; please try again. · 出了点问题，请重试。',
} as const;
