// What the console API says when it refuses a request, in both languages. The page sends its chosen language
// as Accept-Language, so the refusal reads like the rest of the page.
export type ConsoleLocale = 'en' | 'zh-CN';

export type ConsoleErrorCode =
  | 'UNAUTHORISED'
  | 'CROSS_SITE'
  | 'INVALID_REQUEST'
  | 'UNKNOWN_PERSON'
  | 'NOT_YOUR_CONVERSATION'
  | 'NO_FILE'
  | 'FILE_TOO_LARGE'
  | 'NOT_MULTIPART'
  | 'INTERNAL';

type Texts = {
  readonly [K in ConsoleErrorCode]: (details: { readonly field?: string; readonly value?: string }) => string;
};

const EN: Texts = {
  UNAUTHORISED: () =>
    'This console needs its token: open /console?token=<CONSOLE_TOKEN> or send "Authorization: Bearer <CONSOLE_TOKEN>".',
  CROSS_SITE: () => 'Requests from another site are not accepted.',
  INVALID_REQUEST: ({ field }) =>
    field === undefined ? 'The request was not understood.' : `"${field}" is missing or not valid.`,
  UNKNOWN_PERSON: ({ value }) =>
    `Nobody called "${value ?? ''}" can use the console here — pick someone from the list.`,
  NOT_YOUR_CONVERSATION: ({ value }) =>
    `You cannot write to ${value ?? 'that address'}: use your own direct messages or a channel (console:#name).`,
  NO_FILE: () => 'Choose a file to upload.',
  FILE_TOO_LARGE: ({ value }) => `That file is too large: at most ${value ?? '10 MB'}.`,
  NOT_MULTIPART: () => 'Send the file as multipart/form-data.',
  INTERNAL: () => 'Something went wrong on our side; nothing was changed. Try again in a moment.',
};

const ZH: Texts = {
  UNAUTHORISED: () =>
    '此控制台需要令牌：请打开 /console?token=<CONSOLE_TOKEN>，或发送 "Authorization: Bearer <CONSOLE_TOKEN>"。',
  CROSS_SITE: () => '不接受来自其他网站的请求。',
  INVALID_REQUEST: ({ field }) => (field === undefined ? '无法理解该请求。' : `"${field}" 缺失或无效。`),
  UNKNOWN_PERSON: ({ value }) => `此处没有名为 "${value ?? ''}" 的控制台用户——请从列表中选择。`,
  NOT_YOUR_CONVERSATION: ({ value }) =>
    `不能向 ${value ?? '该地址'} 发送消息：请使用您自己的私信或某个频道（console:#名称）。`,
  NO_FILE: () => '请选择要上传的文件。',
  FILE_TOO_LARGE: ({ value }) => `文件过大：最多 ${value ?? '10 MB'}。`,
  NOT_MULTIPART: () => '请以 multipart/form-data 格式发送文件。',
  INTERNAL: () => '服务器出错，未做任何更改。请稍后重试。',
};

/** The page's language from Accept-Language: any Chinese preference first gets Chinese. */
export const pickConsoleLocale = (acceptLanguage: string | undefined): ConsoleLocale => {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('zh') ? 'zh-CN' : 'en';
};

export const consoleErrorText = (
  locale: ConsoleLocale,
  code: ConsoleErrorCode,
  details: { readonly field?: string; readonly value?: string } = {},
): string => (locale === 'zh-CN' ? ZH : EN)[code](details);

export const formatMegabytes = (bytes: number): string =>
  `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
