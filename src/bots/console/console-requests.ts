// The shapes the console page sends, checked before anything else runs. Names follow the console identities
// `OUTLAY_ADMINS` accepts (`console:<name>`); channels are `console:#<name>`, direct messages `console:@<name>`.
import { z } from 'zod';

export const CONSOLE_NAME = /^[A-Za-z0-9_.@-]{1,64}$/;
/** Channel names may be Chinese; whitespace and the address markers are what they may not hold. */
export const CONSOLE_CHANNEL_ADDRESS = /^console:#[^\s#@:]{1,80}$/u;

const personName = z.string().regex(CONSOLE_NAME);
const address = z.string().min(1).max(200);
/** Client-generated, so a double click or a network retry sends the same one. */
const requestId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

export const messageBody = z.object({
  as: personName,
  address,
  text: z.string().trim().min(1).max(4000),
  requestId: requestId.optional(),
});
export type MessageBody = z.infer<typeof messageBody>;

export const actionBody = z.object({
  as: personName,
  address,
  actionId: z.string().min(1).max(255),
  input: z
    .object({
      reason: z.string().trim().min(1).max(2000).optional(),
      amount: z.string().trim().min(1).max(40).optional(),
    })
    .optional(),
  requestId: requestId.optional(),
});
export type ActionBody = z.infer<typeof actionBody>;

/** The text fields of a receipt upload (multipart: every field arrives as a string). */
export const fileFields = z.object({
  as: personName,
  address,
  text: z.string().trim().max(4000).optional(),
  requestId: requestId.optional(),
});
export type FileFields = z.infer<typeof fileFields>;

export const feedQuery = z.object({
  as: personName,
  since: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type FeedQuery = z.infer<typeof feedQuery>;

/** The first field a failed parse names, for a message that says which part was wrong. */
export const firstBadField = (error: z.ZodError): string | undefined => {
  const path = error.issues[0]?.path;
  return path === undefined || path.length === 0 ? undefined : path.map(String).join('.');
};
