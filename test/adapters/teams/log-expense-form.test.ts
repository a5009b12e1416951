import { describe, expect, it } from 'vitest';
import {
  commandFromLogForm,
  formLocaleOf,
  renderLogExpenseForm,
} from '../../../src/bots/teams/log-expense-form.js';

describe('commandFromLogForm', () => {
  it('types the command the form stands for, sigils added once', () => {
    expect(
      commandFromLogForm({
        amount: ' 45.80 USD ',
        client: '@acme',
        category: 'travel',
        description: 'taxi\nto airport',
      }),
    ).toBe('45.80 USD @acme #travel taxi to airport');
    expect(commandFromLogForm({ amount: '120', client: 'acme' })).toBe('120 @acme');
  });

  it('refuses a form without an amount or a one-word client', () => {
    expect(commandFromLogForm({ client: 'acme' })).toBeUndefined();
    expect(commandFromLogForm({ amount: '120', client: 'acme corp' })).toBeUndefined();
    expect(commandFromLogForm(null)).toBeUndefined();
  });

  it('drops a category that is not one word', () => {
    expect(commandFromLogForm({ amount: '1', client: 'acme', category: 'two words' })).toBe('1 @acme');
  });
});

describe('renderLogExpenseForm', () => {
  it('exists in English and Chinese', () => {
    expect(formLocaleOf('zh-cn')).toBe('zh-CN');
    expect(formLocaleOf('en-US')).toBe('en');
    expect(formLocaleOf(undefined)).toBe('en');
    expect(renderLogExpenseForm('zh-CN').body[0]).toMatchObject({ text: '记一笔费用' });
    expect(
      renderLogExpenseForm('en')
        .body.map((e) => e.id)
        .filter(Boolean),
    ).toEqual(['amount', 'client', 'category', 'description']);
  });
});
