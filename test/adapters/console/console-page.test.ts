// The console page in a real browser (Debian's Chromium through playwright-core) against the real plugin on a
// loopback port: choosing who you are, a card with a reason form, the card resolving in place when the feed says
// so, the command box with its private replies and history, and the language switch. Skipped where no Chromium
// is installed.
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ConsoleApp,
  card,
  createMemoryTranscript,
  createRecordingConversation,
  type MemoryTranscript,
  startConsoleApp,
} from './console-harness.js';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => path !== undefined && existsSync(path),
);

const APPROVAL = card('Approve ACME-7K3Q? ¥480.00', {
  subtitle: 'Alice · Acme · meals',
  accent: 'warning',
  fields: [
    { label: 'Amount', value: '¥480.00', short: true },
    { label: 'Description', value: '<b>lunch</b>' },
  ],
  sections: [{ text: '**Over tier limit**\nsecond line' }],
  actions: [
    { id: 'exp:approve:ACME-7K3Q:v1:s1', label: 'Approve', style: 'primary' },
    {
      id: 'exp:reject:ACME-7K3Q:v1:s1',
      label: 'Reject',
      style: 'danger',
      input: { kind: 'reason', label: 'Why?', required: true },
    },
  ],
});

describe.skipIf(CHROMIUM === undefined)('the console page in Chromium', () => {
  let browser: Browser;
  let served: ConsoleApp;
  let transcript: MemoryTranscript;
  let context: BrowserContext;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM ?? 'chromium', args: ['--no-sandbox'] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    transcript = createMemoryTranscript();
    transcript.add('console:@bob', APPROVAL.title, '2026-03-10T04:00:01.000Z', APPROVAL);
    transcript.add('console:#acme-team', 'Team notice', '2026-03-10T04:00:02.000Z');
    const conversation = createRecordingConversation(
      { visibility: 'private', cards: [card('Help', { sections: [{ text: '**log** 480 @acme #meals' }] })] },
      // What Outlay does on a decision: the outbox replaces the card everyone sees.
      (action) =>
        transcript.update(
          1,
          {
            ...APPROVAL,
            actions: [],
            resolved: { text: `Rejected by Bob: ${action.input?.reason}`, at: 'x' },
          },
          '2026-03-10T04:00:05.000Z',
        ),
    );
    served = await startConsoleApp({}, { conversation, transcript });
    await served.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(served.app.server.address() as AddressInfo).port}`;
    context = await browser.newContext({ locale: 'en-GB' });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
    await served?.app.close();
  });

  const become = async (name: string) => {
    await page.goto(`${base}/console`);
    await page.locator('[data-testid="person-select"] option').first().waitFor({ state: 'attached' });
    await page.selectOption('[data-testid="person-select"]', name);
  };

  it('offers people grouped by role, and your direct messages and the bound channels', async () => {
    await become('bob');
    const groups = await page.$$eval('[data-testid="person-select"] optgroup', (nodes) =>
      nodes.map(
        (g) =>
          `${g.getAttribute('label')}: ${[...g.querySelectorAll('option')].map((o) => o.value).join(',')}`,
      ),
    );
    expect(groups).toEqual(['Approvers: bob', 'Members: alice', 'Client contacts: contact-acme']);
    await expect.poll(() => page.locator('button[data-testid^="channel-"]').count()).toBe(4);
    expect(await page.locator('[data-testid="channel-console:@bob"]').count()).toBe(1);
    expect(await page.locator('[data-testid="channel-console:#acme-team"]').count()).toBe(1);
    // The channel's card arrived, but only the open conversation is on screen.
    const team = page.locator('[data-testid="messages-console:#acme-team"]');
    await team.waitFor({ state: 'attached' });
    expect(await team.isVisible()).toBe(false);
    await page.locator('[data-testid="channel-console:#acme-team"]').click();
    expect(await team.isVisible()).toBe(true);
    expect(await team.locator('[data-testid="card-title"]').allTextContents()).toEqual(['Team notice']);
    expect(await page.locator('[data-testid="messages-console:@bob"]').isVisible()).toBe(false);
  });

  it('renders a card escaped, asks for the reason before rejecting, and shows the decision in place', async () => {
    await become('bob');
    const card = page.locator('[data-testid="messages-console:@bob"] [data-testid="card"]');
    await card.waitFor();
    expect(await card.locator('[data-testid="card-title"]').textContent()).toBe('Approve ACME-7K3Q? ¥480.00');
    expect(await card.locator('dd').allTextContents()).toEqual(['¥480.00', '<b>lunch</b>']);
    expect(await card.locator('strong').allTextContents()).toEqual(['Over tier limit']);

    await card.locator('[data-testid="action-Reject"]').click();
    await card.locator('[data-testid="reason-submit"]').click();
    expect(await card.locator('[data-testid="form-problem"]').textContent()).toBe(
      'Please give a reason before sending.',
    );
    expect(served.conversation.actions).toHaveLength(0);

    await card.locator('[data-testid="reason-input"]').fill('no receipt');
    await card.locator('[data-testid="reason-submit"]').click();
    const resolution = page.locator('[data-testid="messages-console:@bob"] [data-testid="resolution"]');
    await resolution.first().waitFor();
    // The poll replaced the card by seq: one card, no buttons left on it.
    await expect.poll(() => resolution.allTextContents()).toContain('Rejected by Bob: no receipt');
    expect(
      await page
        .locator('[data-testid="messages-console:@bob"] li[data-seq] [data-testid^="action-"]')
        .count(),
    ).toBe(0);
    expect(await page.locator('[data-testid="messages-console:@bob"] li[data-seq]').count()).toBe(1);

    expect(served.conversation.actions).toHaveLength(1);
    expect(served.conversation.actions[0]).toMatchObject({
      identity: 'console:bob',
      address: 'console:@bob',
      actionId: 'exp:reject:ACME-7K3Q:v1:s1',
      input: { reason: 'no receipt' },
      idempotencyKey: expect.stringMatching(/^console:bob:[0-9a-f-]{8,64}$/),
    });
  });

  it('sends a command with Enter, marks the private reply, and recalls the command with ↑', async () => {
    await become('alice');
    const input = page.locator('[data-testid="command-input"]');
    await input.fill('help');
    await input.press('Enter');
    await page.locator('[data-testid="only-you"]').waitFor();
    expect(await page.locator('[data-testid="only-you"]').textContent()).toBe('Only you can see this');
    expect(
      await page.locator('[data-testid="replies"] [data-testid="card-title"]').allTextContents(),
    ).toEqual(['Help']);
    expect(served.conversation.messages.map((m) => [m.identity, m.address, m.text])).toEqual([
      ['console:alice', 'console:@alice', 'help'],
    ]);
    expect(await input.inputValue()).toBe('');
    await input.press('ArrowUp');
    expect(await input.inputValue()).toBe('help');

    await page.locator('[data-testid="channel-console:#acme-team"]').click();
    await input.fill('list pending');
    await page.locator('[data-testid="send"]').click();
    await expect.poll(() => served.conversation.messages.length).toBe(2);
    expect(served.conversation.messages[1]).toMatchObject({
      address: 'console:#acme-team',
      text: 'list pending',
    });
  });

  it('switches to Chinese and remembers it', async () => {
    await become('alice');
    await page.locator('[data-testid="language-toggle"]').click();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('[data-testid="send"]').textContent()).toBe('发送');
    await page.reload();
    await page.locator('[data-testid="person-select"] option').first().waitFor({ state: 'attached' });
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.inputValue('[data-testid="person-select"]')).toBe('alice');
  });
});
