// The bot's token goes only where Teams keeps pasted images: the service that sent the activity, or its media store.
import { describe, expect, it } from 'vitest';
import { receivedFileOf, trustsBotToken } from '../../../src/bots/teams/teams-files.js';

const SERVICE = 'https://smba.trafficmanager.net/amer/';

describe('trustsBotToken', () => {
  it('trusts the activity service and the Teams media store over https', () => {
    expect(
      trustsBotToken('https://smba.trafficmanager.net/amer/v3/attachments/a/views/original', SERVICE),
    ).toBe(true);
    expect(trustsBotToken('https://us-api.asm.skype.com/v1/objects/0-eus-d3/views/imgo', SERVICE)).toBe(true);
  });

  it('refuses any other host, plain http to the media store, and garbage', () => {
    expect(trustsBotToken('https://example.com/v3/attachments/a/views/original', SERVICE)).toBe(false);
    expect(trustsBotToken('https://smba.trafficmanager.net.evil.example/amer/x', SERVICE)).toBe(false);
    expect(trustsBotToken('http://us-api.asm.skype.com/v1/objects/x', SERVICE)).toBe(false);
    expect(trustsBotToken('not a url', SERVICE)).toBe(false);
    expect(trustsBotToken('https://evilasm.skype.com.example/x', undefined)).toBe(false);
  });
});

describe('receivedFileOf', () => {
  const activity = (attachments: unknown[]) =>
    ({ attachments }) as unknown as Parameters<typeof receivedFileOf>[0];

  it('takes a pasted image (needs the bot token) and skips the html copy of the message', () => {
    expect(
      receivedFileOf(
        activity([
          { contentType: 'text/html', content: '<img>' },
          { contentType: 'image/*', contentUrl: `${SERVICE}v3/attachments/a/views/original` },
        ]),
      ),
    ).toEqual({ url: `${SERVICE}v3/attachments/a/views/original`, needsBotToken: true });
    expect(
      receivedFileOf(activity([{ contentType: 'image/png', contentUrl: 'https://x/y', name: 'r.png' }])),
    ).toEqual({ url: 'https://x/y', name: 'r.png', declaredType: 'image/png', needsBotToken: true });
  });

  it('takes a shared file by its download URL, and nothing from an image without a URL', () => {
    expect(
      receivedFileOf(
        activity([
          {
            contentType: 'application/vnd.microsoft.teams.file.download.info',
            name: 'bill.pdf',
            content: { downloadUrl: 'https://sp/x', fileType: 'PDF' },
          },
        ]),
      ),
    ).toEqual({
      url: 'https://sp/x',
      name: 'bill.pdf',
      declaredType: 'application/pdf',
      needsBotToken: false,
    });
    expect(receivedFileOf(activity([{ contentType: 'image/png' }]))).toBeUndefined();
  });
});
