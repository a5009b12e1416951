// Readers for configuration values typed in commands: time zones, URLs and cron expressions.

// IANA names only (`Asia/Shanghai`, `UTC`, `Etc/GMT-8`): offsets like `+08:00` have no daylight-saving rules.
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/u;

/** An IANA time zone in its canonical spelling (`asia/shanghai` → `Asia/Shanghai`), or undefined. */
export const readTimeZone = (text: string): string | undefined => {
  const name = text.normalize('NFKC').trim();
  if (!ZONE_NAME.test(name)) return undefined;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
};

/** An http(s) URL; Slack's `<https://…>` and `<https://…|label>` wrappings are removed. */
export const readUrl = (text: string): string | undefined => {
  const unwrapped = /^<([^|>]+)(?:\|[^>]*)?>$/u.exec(text)?.[1] ?? text;
  try {
    const url = new URL(unwrapped);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
};

const CRON_FIELD = /^[0-9A-Za-z*/,?#LW-]+$/u;

/** Five cron fields (minute hour day month weekday), spaces normalised; ranges are the domain's to check. */
export const readCron = (text: string): string | undefined => {
  const fields = text.trim().split(/\s+/u);
  if (fields.length !== 5) return undefined;
  return fields.every((field) => CRON_FIELD.test(field)) ? fields.join(' ') : undefined;
};
