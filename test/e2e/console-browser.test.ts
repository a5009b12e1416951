// The console page in a real browser against a whole listening Outlay with its outbox worker running: a person logs
// an expense in the command box, the approver sees the request arrive and approves it with the button, the card
// resolves in place, and the submitter reads the decision.
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/composition/start-server.js';
import { hasChromium, launchChromium } from '../support/chromium.js';
import { createOutlayHarness, type OutlayHarness } from '../support/outlay-app.js';

describe.runIf(hasChromium())('the console page against a running Outlay', () => {
  let browser: Browser;
  let h: OutlayHarness;
  let base: string;

  beforeAll(async () => {
    // The real clock: the running worker must find rows the database stamped due just now.
    h = await createOutlayHarness('pglite', { clock: systemClock });
    for (const name of ['alice', 'bob']) await h.introduce(name);
    await h.say('ada', 'client add acme "Acme" CNY Asia/Shanghai');
    await h.say('ada', 'approvers @acme 1 <@bob>');
    await h.outlay.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(h.outlay.app.server.address() as AddressInfo).port}`;
    h.outlay.worker.start();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  const become = async (page: Page, name: string) => {
    await page
      .locator(`[data-testid="person-select"] option[value="${name}"]`)
      .waitFor({ state: 'attached' });
    await page.selectOption('[data-testid="person-select"]', name);
  };

  it('logs as alice, approves as bob with the button, and alice reads the decision', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      await page.goto(`${base}/console`);
      await become(page, 'alice');

      const input = page.locator('[data-testid="command-input"]');
      await input.fill('120 @acme #meals lunch with the client');
      await input.press('Enter');
      const replies = page.locator('[data-testid="replies"]').last();
      await replies
        .getByText(/Logged ACME-/)
        .first()
        .waitFor();
      const logged = (await replies.textContent()) ?? '';
      const id = /Logged (ACME-[0-9A-Z]+)/.exec(logged)?.[1] ?? '';
      expect(id).toMatch(/^ACME-[0-9A-Z]{4,}$/);

      await become(page, 'bob');
      const request = page
        .locator('[data-testid="messages-console:@bob"] [data-testid="card"]')
        .filter({ hasText: `Approval request: ${id}` });
      await request.waitFor();
      expect(await request.locator('[data-testid^="action-"]').count()).toBeGreaterThan(0);
      await request.locator('[data-testid="action-Approve"]').click();

      const resolution = request.locator('[data-testid="resolution"]');
      await resolution.waitFor();
      expect(await resolution.textContent()).toMatch(/^Approved by Bob · stage 1 of 1/);
      await expect
        .poll(() => request.locator('[data-testid^="action-"]').count(), { timeout: 15_000 })
        .toBe(0);

      await become(page, 'alice');
      const notice = page
        .locator('[data-testid="messages-console:@alice"] [data-testid="card-title"]')
        .filter({ hasText: `${id} is approved` });
      await notice.waitFor();
      expect(await notice.textContent()).toBe(`${id} is approved`);
    } finally {
      await context.close();
    }
  }, 60_000);
});
