export type {
  AssignableRole,
  ChannelAudience,
  ClientRef,
  Command,
  CommandKind,
  CommandOf,
  DateSpec,
  ExpenseChanges,
  ExpenseFields,
  ExportFormat,
  HelpTopic,
  ListScope,
  LogCommand,
  Mark,
  MemberRef,
  PayMethod,
  PeriodSpec,
  PolicySetting,
  Recurrence,
  ReportSchedule,
  StatedAmount,
  Weekday,
} from './command.js';
export { COMMAND_KINDS, HELP_TOPICS } from './command.js';
export type { GrammarCode, GrammarFailure, GrammarFailureDetails } from './grammar-failure.js';
export { parseCommand } from './parse-command.js';
export { renderAmount, renderClientRef, renderCommand, renderDateSpec } from './render-command.js';
export type { DateDirection } from './resolve-date-spec.js';
export { resolveDateSpec } from './resolve-date-spec.js';
