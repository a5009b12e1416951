// Text → Command, the one grammar of every platform (docs/product-rules.md §10). Never throws: anything that is not a
// command comes back as a GrammarFailure saying what was wrong, for presentFailure to explain.
import type { Result } from '../../../domain/shared/result.js';
import type { Command, CommandKind } from './command.js';
import { type GrammarFailure, refuse } from './grammar-failure.js';
import {
  parseAdminChannel,
  parseApprovers,
  parseAuditVerify,
  parseCancel,
  parseDelegate,
  parseHelp,
  parseLink,
  parsePolicy,
  parsePolicySet,
  parsePolicyTest,
  parseRateCommand,
  parseRecurring,
  parseRole,
} from './parse-admin-commands.js';
import {
  parseBudget,
  parseBudgetSet,
  parseClientAdd,
  parseClientChannel,
  parseExport,
  parseProjectAdd,
  parseReport,
  parseRisk,
} from './parse-client-commands.js';
import {
  parseAdjust,
  parseAnswer,
  parseApprove,
  parseClose,
  parseDispute,
  parseEdit,
  parseList,
  parseLog,
  parseMark,
  parseReceipt,
  parseReject,
  parseResubmit,
  parseReturn,
  parseShow,
  parseVoid,
  parseWithdraw,
} from './parse-expense-commands.js';
import { dropPreamble, readHead } from './read-head.js';
import type { Token } from './tokenize.js';
import { tokenize } from './tokenize.js';

const PARSERS: Readonly<Record<CommandKind, (args: readonly Token[]) => Result<Command, GrammarFailure>>> = {
  log: parseLog,
  list: parseList,
  show: parseShow,
  edit: parseEdit,
  withdraw: parseWithdraw,
  resubmit: parseResubmit,
  approve: parseApprove,
  reject: parseReject,
  return: parseReturn,
  void: parseVoid,
  mark: parseMark,
  close: parseClose,
  answer: parseAnswer,
  adjust: parseAdjust,
  receipt: parseReceipt,
  link: parseLink,
  'admin-channel': parseAdminChannel,
  report: parseReport,
  budget: parseBudget,
  export: parseExport,
  risk: parseRisk,
  'budget-set': parseBudgetSet,
  'client-add': parseClientAdd,
  'project-add': parseProjectAdd,
  'client-channel': parseClientChannel,
  approvers: parseApprovers,
  role: parseRole,
  delegate: parseDelegate,
  rate: parseRateCommand,
  policy: parsePolicy,
  'policy-set': parsePolicySet,
  'policy-test': parsePolicyTest,
  recurring: parseRecurring,
  dispute: parseDispute,
  'audit-verify': parseAuditVerify,
  help: parseHelp,
  cancel: parseCancel,
};

/**
 * Reads one command from a chat message whose platform prefix (`/expense`, a bot mention) may or may not
 * have been stripped. A message that starts with an amount is a log.
 */
export const parseCommand = (text: string): Result<Command, GrammarFailure> => {
  const tokens = tokenize(text);
  if (!tokens.ok) return tokens;
  const words = dropPreamble(tokens.value);
  if (words.length === 0) return refuse('EMPTY', {});
  const head = readHead(words);
  if (!head.ok) return head;
  return PARSERS[head.value.kind](head.value.args);
};
