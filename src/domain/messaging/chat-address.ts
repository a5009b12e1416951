// Where a message goes or came from, as one opaque text prefixed by its platform (vercel/chat's thread ids):
//   slack:<team>:<channel>[:<thread ts>]     a channel, a DM (channel = a user id) or a thread in one
//   teams:<conversation id>                  a chat, a channel or a channel thread (`…;messageid=…`)
//   wecom:<corp>:<user id>                   a 1:1 with an app user (the same text as their identity)
//   wecom:<corp>:chat:<chat id>              a group chat the app created (appchat)
//   wecom-robot:<binding id>                 a client group reached through its robot webhook
//   console:<channel> | console:@<person>    the local web console
//   member:<member id>                       a member, wherever the notifier finds them
// Escaping: every part is a non-empty string in which `%`, `:`, whitespace and control characters are written
// as UTF-8 percent escapes in upper-case hex (`19:abc@thread.v2` → `19%3Aabc@thread.v2`); a console channel
// whose name starts with `@` writes it `%40`. Each address has exactly one text form, so texts can be compared
// and stored as keys: `decodeAddress` refuses anything `encodeAddress` would not have written.

export type ChatAddress = string & { readonly __brand: 'ChatAddress' };

export const ADDRESS_PLATFORMS = ['slack', 'teams', 'wecom', 'wecom-robot', 'console', 'member'] as const;
export type AddressPlatform = (typeof ADDRESS_PLATFORMS)[number];

export type SlackAddress = {
  readonly platform: 'slack';
  readonly teamId: string;
  readonly channelId: string;
  readonly threadTs?: string;
};
export type TeamsAddress = { readonly platform: 'teams'; readonly conversationId: string };
export type WecomAddress = {
  readonly platform: 'wecom';
  readonly corpId: string;
  readonly target: 'user' | 'chat';
  readonly id: string;
};
export type WecomRobotAddress = { readonly platform: 'wecom-robot'; readonly bindingId: string };
export type ConsoleAddress = {
  readonly platform: 'console';
  readonly target: 'channel' | 'person';
  readonly name: string;
};
export type MemberAddress = { readonly platform: 'member'; readonly memberId: string };

export type ChatAddressParts =
  | SlackAddress
  | TeamsAddress
  | WecomAddress
  | WecomRobotAddress
  | ConsoleAddress
  | MemberAddress;

const NEEDS_ESCAPE = /[%:\s\p{Cc}]/gu;

const escapePart = (part: string): string => {
  if (part === '') throw new RangeError('An address part cannot be empty');
  return part.replace(NEEDS_ESCAPE, (ch) => encodeURIComponent(ch));
};

const unescapePart = (part: string): string | undefined => {
  if (part === '' || /%(?![0-9A-F]{2})/.test(part)) return undefined;
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
};

const join = (platform: AddressPlatform, parts: readonly string[]): ChatAddress =>
  [platform, ...parts.map(escapePart)].join(':') as ChatAddress;

/** The text form. Throws on an empty part: an address without a channel or user is a bug upstream. */
export const encodeAddress = (address: ChatAddressParts): ChatAddress => {
  switch (address.platform) {
    case 'slack':
      return join('slack', [
        address.teamId,
        address.channelId,
        ...(address.threadTs === undefined ? [] : [address.threadTs]),
      ]);
    case 'teams':
      return join('teams', [address.conversationId]);
    case 'wecom':
      return join(
        'wecom',
        address.target === 'chat' ? [address.corpId, 'chat', address.id] : [address.corpId, address.id],
      );
    case 'wecom-robot':
      return join('wecom-robot', [address.bindingId]);
    case 'console': {
      if (address.target === 'person') return `console:@${escapePart(address.name)}` as ChatAddress;
      const escaped = escapePart(address.name);
      return `console:${escaped.startsWith('@') ? `%40${escaped.slice(1)}` : escaped}` as ChatAddress;
    }
    case 'member':
      return join('member', [address.memberId]);
  }
};

const isAddressPlatform = (text: string): text is AddressPlatform =>
  (ADDRESS_PLATFORMS as readonly string[]).includes(text);

const partsOf = (platform: AddressPlatform, raw: readonly string[]): ChatAddressParts | undefined => {
  const parts = raw.map(unescapePart);
  if (parts.some((part) => part === undefined)) return undefined;
  const [a, b, c] = parts as string[];
  switch (platform) {
    case 'slack':
      if (a === undefined || b === undefined || parts.length > 3) return undefined;
      return { platform, teamId: a, channelId: b, ...(c === undefined ? {} : { threadTs: c }) };
    case 'teams':
      return a === undefined || parts.length !== 1 ? undefined : { platform, conversationId: a };
    case 'wecom':
      if (a === undefined || b === undefined) return undefined;
      if (parts.length === 2) return { platform, corpId: a, target: 'user', id: b };
      return parts.length === 3 && b === 'chat' && c !== undefined
        ? { platform, corpId: a, target: 'chat', id: c }
        : undefined;
    case 'wecom-robot':
      return a === undefined || parts.length !== 1 ? undefined : { platform, bindingId: a };
    case 'console': {
      const first = raw[0];
      if (a === undefined || first === undefined || parts.length !== 1) return undefined;
      if (first.startsWith('@')) {
        const name = a.slice(1);
        return name === '' ? undefined : { platform, target: 'person', name };
      }
      return { platform, target: 'channel', name: a };
    }
    case 'member':
      return a === undefined || parts.length !== 1 ? undefined : { platform, memberId: a };
  }
};

/** The parts of an address text, or undefined for anything `encodeAddress` would not have written. Never throws. */
export const decodeAddress = (text: unknown): ChatAddressParts | undefined => {
  if (typeof text !== 'string') return undefined;
  const [platform = '', ...raw] = text.split(':');
  if (!isAddressPlatform(platform) || raw.length === 0) return undefined;
  const parts = partsOf(platform, raw);
  if (parts === undefined) return undefined;
  try {
    return encodeAddress(parts) === text ? parts : undefined;
  } catch {
    return undefined;
  }
};

/** Brands a stored or received text as an address after checking it. */
export const asChatAddress = (text: unknown): ChatAddress | undefined =>
  decodeAddress(text) === undefined ? undefined : (text as ChatAddress);

/** The platform an address belongs to, read from its prefix. Throws on text that is not an address. */
export const platformOf = (address: ChatAddress): AddressPlatform => {
  const platform = address.slice(0, Math.max(0, address.indexOf(':')));
  if (!isAddressPlatform(platform)) throw new RangeError(`Not a chat address: ${JSON.stringify(address)}`);
  return platform;
};
