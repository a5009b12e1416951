// The Outlay console page: be anyone in the organisation, talk to Outlay, click the buttons on its cards. No build
// step and no framework: every text reaches the page through textContent, so nothing a card says can become HTML.
// Cards announced by Outlay arrive by polling the feed every second and are updated in place by their seq.

const API = '/console/api';
const POLL_MS = 1000;
const LOCALE_KEY = 'outlay-console-locale';
const PERSON_KEY = 'outlay-console-person';

const TEXTS = {
  en: {
    title: 'Outlay console',
    conversation: 'Conversation',
    skipToCommand: 'Skip to the command box',
    youAre: 'You are',
    conversations: 'Conversations',
    openChannel: 'Open a channel',
    open: 'Open',
    command: 'Command',
    send: 'Send',
    commandHint: 'Enter sends · ↑ recalls your last command · try “help”',
    commandPlaceholder: '480 @acme #meals team lunch',
    receipt: 'Receipt',
    expenseIdOptional: 'Expense id (optional)',
    upload: 'Upload',
    languageToggle: '中文',
    languageToggleLabel: 'Switch to Chinese',
    groups: {
      admin: 'Admins',
      finance: 'Finance',
      approver: 'Approvers',
      member: 'Members',
      contact: 'Client contacts',
    },
    contactOf: (client) => `${client} (client contact)`,
    approverOf: (codes) => `approves ${codes}`,
    directMessages: 'Direct messages with Outlay',
    directNote: 'Only you and Outlay are here.',
    audience: { internal: 'internal', client: 'client-facing', admin: 'admin' },
    channelNote: (audience, client) => (client ? `${client} · ${audience}` : audience),
    unboundNote: 'Not bound to a client yet.',
    you: 'You',
    outlay: 'Outlay',
    onlyYou: 'Only you can see this',
    noReply: 'Outlay had nothing to say.',
    sending: 'Sending…',
    uploading: 'Uploading…',
    chooseFile: 'Choose a file first.',
    reasonRequired: 'Please give a reason before sending.',
    amountRequired: 'Please give an amount.',
    cancel: 'Cancel',
    submit: 'Send',
    amountIn: (currency) => `Amount (${currency})`,
    unauthorised: 'This console needs its token: open /console?token=<CONSOLE_TOKEN>.',
    offline: 'Outlay does not answer; retrying…',
    badChannel: 'A channel name looks like #acme-team.',
    noPeople: 'Nobody can use the console yet.',
    uploadedFile: (name) => `Uploaded ${name}`,
    newMessages: (n) => `${n} new`,
  },
  'zh-CN': {
    title: 'Outlay 控制台',
    conversation: '会话',
    skipToCommand: '跳到命令框',
    youAre: '当前身份',
    conversations: '会话',
    openChannel: '打开频道',
    open: '打开',
    command: '命令',
    send: '发送',
    commandHint: '回车发送 · ↑ 调出上一条命令 · 试试“帮助”',
    commandPlaceholder: '480 @acme #meals 团队午餐',
    receipt: '票据',
    expenseIdOptional: '报销单号（可选）',
    upload: '上传',
    languageToggle: 'English',
    languageToggleLabel: '切换到英文',
    groups: {
      admin: '管理员',
      finance: '财务',
      approver: '审批人',
      member: '成员',
      contact: '客户联系人',
    },
    contactOf: (client) => `${client}（客户联系人）`,
    approverOf: (codes) => `审批 ${codes}`,
    directMessages: '与 Outlay 的私信',
    directNote: '只有您和 Outlay 在此。',
    audience: { internal: '内部', client: '面向客户', admin: '管理' },
    channelNote: (audience, client) => (client ? `${client} · ${audience}` : audience),
    unboundNote: '尚未绑定客户。',
    you: '您',
    outlay: 'Outlay',
    onlyYou: '仅您可见',
    noReply: 'Outlay 没有回复。',
    sending: '发送中…',
    uploading: '上传中…',
    chooseFile: '请先选择文件。',
    reasonRequired: '请先填写原因再发送。',
    amountRequired: '请填写金额。',
    cancel: '取消',
    submit: '发送',
    amountIn: (currency) => `金额（${currency}）`,
    unauthorised: '此控制台需要令牌：请打开 /console?token=<CONSOLE_TOKEN>。',
    offline: 'Outlay 没有响应，正在重试…',
    badChannel: '频道名称形如 #acme-team。',
    noPeople: '暂无可使用控制台的人员。',
    uploadedFile: (name) => `已上传 ${name}`,
    newMessages: (n) => `${n} 条新消息`,
  },
};

const state = {
  locale: initialLocale(),
  people: [],
  /** address → { address, audience?, clientCode?, clientName?, bound } */
  channels: new Map(),
  person: undefined,
  active: undefined,
  cursor: undefined,
  /** seq → { element, updatedAt, cardJson, address } */
  shown: new Map(),
  /** address → the list element of that conversation */
  lists: new Map(),
  unread: new Map(),
  history: [],
  historyAt: 0,
  polling: false,
  loaded: false,
  generation: 0,
};

const byId = (id) => document.getElementById(id);
const t = () => TEXTS[state.locale];

function initialLocale() {
  const stored = readStorage(LOCALE_KEY);
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return (navigator.language || '').toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function readStorage(key) {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStorage(key, value) {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private windows may refuse storage; the choice then lasts as long as the page.
  }
}

/** Random enough for an idempotency key; crypto.randomUUID exists only on secure origins, getRandomValues everywhere. */
function newRequestId() {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function el(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') element.textContent = value;
    else if (name === 'className') element.className = value;
    else if (name === 'testid') element.dataset.testid = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

// --- the server ------------------------------------------------------------------------------------------------

async function call(path, options = {}) {
  const headers = { 'accept-language': state.locale, ...(options.headers || {}) };
  const response = await fetch(`${API}${path}`, { credentials: 'same-origin', ...options, headers });
  let body;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  if (response.status === 401) throw new ConsoleError(t().unauthorised);
  if (!response.ok) throw new ConsoleError(body?.error?.message || `HTTP ${response.status}`);
  return body;
}

class ConsoleError extends Error {}

const postJson = (path, payload) =>
  call(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
  });

// --- markup: `**bold**` and line breaks, as src/domain/messaging/card-markup.ts defines them --------------------

function tokenizeLine(line) {
  const tokens = [];
  let text = '';
  const flush = () => {
    if (text !== '') tokens.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    const next = line.charAt(i + 1);
    if (ch === '\\' && (next === '\\' || next === '*')) {
      text += next;
      i++;
    } else if (ch === '*' && next === '*') {
      flush();
      tokens.push({ kind: 'star2' });
      i++;
    } else {
      text += ch;
    }
  }
  flush();
  return tokens;
}

function spansOf(tokens) {
  const markers = tokens.filter((token) => token.kind === 'star2').length;
  let pairedLeft = markers - (markers % 2);
  let bold = false;
  const spans = [];
  const push = (text, spanBold) => {
    if (text === '') return;
    const last = spans[spans.length - 1];
    if (last && last.bold === spanBold) last.text += text;
    else spans.push({ text, bold: spanBold });
  };
  for (const token of tokens) {
    if (token.kind === 'text') push(token.text, bold);
    else if (pairedLeft > 0) {
      bold = !bold;
      pairedLeft--;
    } else push('**', bold);
  }
  return spans;
}

function renderMarkup(text) {
  const paragraph = el('p', { className: 'section-text' });
  const lines = String(text).split(/\r?\n/);
  lines.forEach((line, index) => {
    if (index > 0) paragraph.append(el('br'));
    for (const span of spansOf(tokenizeLine(line))) {
      paragraph.append(span.bold ? el('strong', { text: span.text }) : document.createTextNode(span.text));
    }
  });
  return paragraph;
}

// --- cards -----------------------------------------------------------------------------------------------------

const TONES = new Set(['info', 'warning', 'danger', 'success']);

function isShowableImage(url) {
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' || parsed.protocol === 'data:';
  } catch {
    return false;
  }
}

/** A card element; `address` is where a click on its buttons is said to come from. */
function renderCard(card, address) {
  const accent = TONES.has(card.accent) ? card.accent : 'info';
  const article = el('article', { className: `card accent-${accent}`, testid: 'card' });
  const header = el('header', { className: 'card-head' }, [
    el('h3', { className: 'card-title', testid: 'card-title', text: card.title }),
    card.subtitle
      ? el('p', { className: 'card-subtitle', testid: 'card-subtitle', text: card.subtitle })
      : null,
  ]);
  article.append(header);

  if (Array.isArray(card.fields) && card.fields.length > 0) {
    const fields = el('dl', { className: 'card-fields' });
    for (const field of card.fields) {
      fields.append(
        el('div', { className: field.short ? 'field short' : 'field' }, [
          el('dt', { text: field.label }),
          el('dd', { text: field.value }),
        ]),
      );
    }
    article.append(fields);
  }

  for (const section of card.sections || []) {
    const tone = TONES.has(section.tone) ? ` tone-${section.tone}` : '';
    article.append(
      el('section', { className: `card-section${tone}` }, [
        section.heading ? el('h4', { text: section.heading }) : null,
        renderMarkup(section.text),
      ]),
    );
  }

  const images = (card.images || []).filter((image) => isShowableImage(image.url));
  if (images.length > 0) {
    const gallery = el('div', { className: 'card-images' });
    for (const image of images) {
      gallery.append(el('img', { src: image.url, alt: image.alt, loading: 'lazy', decoding: 'async' }));
    }
    article.append(gallery);
  }

  const links = (card.links || []).filter(
    (link) => isShowableImage(link.url) && !link.url.startsWith('data:'),
  );
  if (links.length > 0) {
    const row = el('p', { className: 'card-links', testid: 'card-links' });
    for (const link of links) {
      row.append(el('a', { href: link.url, text: link.label, target: '_blank', rel: 'noopener noreferrer' }));
    }
    article.append(row);
  }

  if (card.resolved) {
    article.append(el('p', { className: 'resolution', testid: 'resolution', text: card.resolved.text }));
  } else if (Array.isArray(card.actions) && card.actions.length > 0) {
    article.append(renderActions(card.actions, address));
  }

  if (card.footer) article.append(el('footer', { className: 'card-footer', text: card.footer }));
  return article;
}

function renderActions(actions, address) {
  const wrapper = el('div', { className: 'card-actions' });
  const row = el('div', { className: 'action-row' });
  const formSlot = el('div', { className: 'action-form-slot' });
  // One nonce per rendering of the card: clicking the same button of the same card twice is one request.
  const nonce = newRequestId();
  actions.forEach((action, index) => {
    const requestId = `${nonce}-${index}`.slice(0, 64);
    const button = el('button', {
      type: 'button',
      className: `action action-${action.style || 'default'}`,
      testid: `action-${action.label}`,
      text: action.label,
      'aria-expanded': action.input ? 'false' : undefined,
    });
    button.addEventListener('click', () => {
      if (action.input) {
        openActionForm(formSlot, row, button, action, address, requestId);
      } else {
        void sendAction(row, address, action, undefined, requestId);
      }
    });
    row.append(button);
  });
  wrapper.append(row, formSlot);
  return wrapper;
}

function openActionForm(slot, row, button, action, address, requestId) {
  slot.replaceChildren();
  for (const other of row.querySelectorAll('button[aria-expanded]'))
    other.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-expanded', 'true');
  const input = action.input;
  const form = el('form', { className: 'action-form', testid: 'action-form', novalidate: true });
  const fieldId = (name) => `${requestId}-${name}`;
  let amountInput;
  let reasonInput;
  let reasonRequired = false;

  if (input.kind === 'amount') {
    amountInput = el('input', {
      id: fieldId('amount'),
      testid: 'amount-input',
      inputmode: 'decimal',
      autocomplete: 'off',
      placeholder: input.placeholder,
      required: input.required,
    });
    form.append(
      el('label', { for: fieldId('amount'), text: input.label || t().amountIn(input.currency) }),
      el('div', { className: 'inline-row' }, [
        amountInput,
        el('span', { className: 'unit', text: input.currency }),
      ]),
    );
    if (input.reason) {
      reasonRequired = Boolean(input.reason.required);
      reasonInput = el('textarea', {
        id: fieldId('reason'),
        testid: 'reason-input',
        rows: 2,
        placeholder: input.reason.placeholder,
        required: reasonRequired,
      });
      form.append(el('label', { for: fieldId('reason'), text: input.reason.label }), reasonInput);
    }
  } else {
    reasonRequired = Boolean(input.required);
    reasonInput = el('textarea', {
      id: fieldId('reason'),
      testid: 'reason-input',
      rows: 2,
      placeholder: input.placeholder,
      required: reasonRequired,
    });
    form.append(el('label', { for: fieldId('reason'), text: input.label }), reasonInput);
  }

  const problem = el('p', { className: 'form-problem', role: 'alert', testid: 'form-problem' });
  const cancel = el('button', { type: 'button', className: 'action action-default', text: t().cancel });
  const submit = el('button', {
    type: 'submit',
    className: `action action-${action.style || 'primary'}`,
    testid: 'reason-submit',
    text: action.label || t().submit,
  });
  form.append(problem, el('div', { className: 'action-row' }, [submit, cancel]));

  cancel.addEventListener('click', () => {
    slot.replaceChildren();
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const amount = amountInput ? amountInput.value.trim() : '';
    const reason = reasonInput ? reasonInput.value.trim() : '';
    if (amountInput && input.required && amount === '') {
      problem.textContent = t().amountRequired;
      amountInput.setAttribute('aria-invalid', 'true');
      amountInput.focus();
      return;
    }
    if (reasonInput && reasonRequired && reason === '') {
      problem.textContent = t().reasonRequired;
      reasonInput.setAttribute('aria-invalid', 'true');
      reasonInput.focus();
      return;
    }
    const payload = {};
    if (amount !== '') payload.amount = amount;
    if (reason !== '') payload.reason = reason;
    void sendAction(row, address, action, payload, requestId, form);
  });

  slot.append(form);
  (amountInput || reasonInput).focus();
}

async function sendAction(row, address, action, input, requestId, form) {
  const person = state.person;
  if (!person) return;
  const controls = [...row.querySelectorAll('button'), ...(form ? form.querySelectorAll('button') : [])];
  for (const control of controls) control.disabled = true;
  const entry = startEntry(address, action.label, 'action');
  try {
    const reply = await postJson('/action', {
      as: person.name,
      address,
      actionId: action.id,
      ...(input && Object.keys(input).length > 0 ? { input } : {}),
      requestId,
    });
    finishEntry(entry, reply, address);
    if (form) form.remove();
  } catch (error) {
    failEntry(entry, error);
  } finally {
    for (const control of controls) control.disabled = false;
  }
}

// --- conversations ---------------------------------------------------------------------------------------------

const directAddress = (person) => `console:@${person.name}`;

function listFor(address) {
  let list = state.lists.get(address);
  if (!list) {
    list = el('ol', { className: 'messages', testid: `messages-${address}`, 'aria-label': address });
    list.hidden = address !== state.active;
    state.lists.set(address, list);
    byId('message-lists').append(list);
  }
  return list;
}

function scrollToEnd(list) {
  if (!list.hidden) list.lastElementChild?.scrollIntoView({ block: 'end' });
}

/** A line in the conversation for something you did, which the reply fills in when it comes. */
function startEntry(address, said, kind) {
  const list = listFor(address);
  const replies = el('div', { className: 'replies', testid: 'replies' }, [
    el('p', { className: 'pending', text: t().sending }),
  ]);
  const item = el('li', { className: `entry mine entry-${kind}`, testid: 'my-entry' }, [
    el('div', { className: 'said' }, [
      el('span', { className: 'speaker', text: state.person ? state.person.displayName : t().you }),
      el('span', { className: 'said-text', testid: 'said-text', text: said }),
    ]),
    replies,
  ]);
  list.append(item);
  scrollToEnd(list);
  return replies;
}

function finishEntry(replies, reply, address) {
  replies.replaceChildren();
  const cards = Array.isArray(reply?.cards) ? reply.cards : [];
  if (reply?.visibility === 'private') {
    replies.classList.add('private');
    replies.append(el('p', { className: 'only-you', testid: 'only-you', text: t().onlyYou }));
  }
  if (cards.length === 0) replies.append(el('p', { className: 'note', text: t().noReply }));
  for (const card of cards) replies.append(renderCard(card, address));
  scrollToEnd(listFor(address));
}

function failEntry(replies, error) {
  replies.replaceChildren(
    el('p', { className: 'problem', role: 'alert', testid: 'problem', text: messageOf(error) }),
  );
}

function messageOf(error) {
  return error instanceof ConsoleError ? error.message : t().offline;
}

function showFeedMessage(message) {
  const known = state.shown.get(message.seq);
  const cardJson = JSON.stringify(message.card);
  if (known && known.updatedAt === message.updatedAt && known.cardJson === cardJson) return;
  const item = el('li', { className: 'entry announced', 'data-seq': message.seq }, [
    el('div', { className: 'said' }, [
      el('span', { className: 'speaker', text: t().outlay }),
      el('time', {
        className: 'when',
        datetime: message.createdAt,
        text: new Date(message.createdAt).toLocaleTimeString(state.locale, {
          hour: '2-digit',
          minute: '2-digit',
        }),
      }),
    ]),
    renderCard(message.card, message.address),
  ]);
  if (known) {
    known.element.replaceWith(item);
  } else {
    const list = listFor(message.address);
    // A message older than one already shown (an early card updated after the page loaded) goes in its place.
    const later = [...list.querySelectorAll('li[data-seq]')].find(
      (li) => Number(li.dataset.seq) > message.seq,
    );
    if (later) later.before(item);
    else list.append(item);
    if (message.address !== state.active) {
      state.unread.set(message.address, (state.unread.get(message.address) || 0) + 1);
      renderChannels();
    } else {
      scrollToEnd(list);
    }
  }
  state.shown.set(message.seq, {
    element: item,
    updatedAt: message.updatedAt,
    cardJson,
    address: message.address,
  });
}

async function poll() {
  const person = state.person;
  if (!person || state.polling) return;
  state.polling = true;
  const generation = state.generation;
  try {
    const query = new URLSearchParams({ as: person.name });
    if (state.cursor) query.set('since', state.cursor);
    const feed = await call(`/feed?${query}`);
    if (generation !== state.generation) return;
    for (const channel of feed.channels || []) addChannel(channel);
    for (const message of feed.messages || []) showFeedMessage(message);
    if (feed.cursor) state.cursor = feed.cursor;
    renderChannels();
    if (byId('status').dataset.kind === 'offline') setStatus('');
  } catch (error) {
    if (generation === state.generation) setStatus(messageOf(error), 'offline');
  } finally {
    state.polling = false;
  }
}

function addChannel(channel) {
  const existing = state.channels.get(channel.address);
  state.channels.set(channel.address, { ...existing, ...channel, bound: true });
}

function renderChannels() {
  const list = byId('channel-list');
  list.replaceChildren();
  if (!state.person) return;
  const addresses = [directAddress(state.person), ...[...state.channels.keys()].sort()];
  for (const address of addresses) {
    const channel = state.channels.get(address);
    const unread = state.unread.get(address) || 0;
    const label =
      address === directAddress(state.person) ? t().directMessages : address.slice('console:'.length);
    const note =
      address === directAddress(state.person)
        ? ''
        : channel?.bound
          ? t().channelNote(t().audience[channel.audience] || channel.audience, channel.clientName)
          : t().unboundNote;
    const button = el(
      'button',
      {
        type: 'button',
        className: 'channel',
        testid: `channel-${address}`,
        'aria-current': address === state.active ? 'true' : undefined,
      },
      [
        el('span', { className: 'channel-name', text: label }),
        note ? el('span', { className: 'channel-note', text: note }) : null,
        unread > 0 ? el('span', { className: 'badge', text: t().newMessages(unread) }) : null,
      ],
    );
    button.addEventListener('click', () => selectChannel(address));
    list.append(el('li', {}, [button]));
  }
}

function selectChannel(address) {
  state.active = address;
  state.unread.delete(address);
  for (const [key, list] of state.lists) list.hidden = key !== address;
  listFor(address);
  renderChannels();
  renderConversationHead();
  scrollToEnd(listFor(address));
}

function renderConversationHead() {
  const address = state.active;
  if (!address || !state.person) return;
  const direct = address === directAddress(state.person);
  byId('conversation-title').textContent = direct ? t().directMessages : address.slice('console:'.length);
  const channel = state.channels.get(address);
  byId('conversation-note').textContent = direct
    ? t().directNote
    : channel?.bound
      ? t().channelNote(t().audience[channel.audience] || channel.audience, channel.clientName)
      : t().unboundNote;
}

// --- people ----------------------------------------------------------------------------------------------------

function groupOf(person) {
  if (person.kind === 'client-contact') return 'contact';
  if (person.roles.includes('admin')) return 'admin';
  if (person.roles.includes('finance')) return 'finance';
  if (person.approverFor.length > 0) return 'approver';
  return 'member';
}

function renderPeople() {
  const select = byId('person-select');
  select.replaceChildren();
  if (state.people.length === 0) {
    if (state.loaded) select.append(el('option', { value: '', text: t().noPeople }));
    return;
  }
  for (const group of ['admin', 'finance', 'approver', 'member', 'contact']) {
    const members = state.people.filter((person) => groupOf(person) === group);
    if (members.length === 0) continue;
    const optgroup = el('optgroup', { label: t().groups[group] });
    for (const person of members) {
      const label =
        person.kind === 'client-contact'
          ? t().contactOf(person.displayName)
          : person.approverFor.length > 0
            ? `${person.displayName} — ${t().approverOf(person.approverFor.join(', '))}`
            : person.displayName;
      optgroup.append(el('option', { value: person.name, text: label }));
    }
    select.append(optgroup);
  }
  if (state.person) select.value = state.person.name;
}

function becomePerson(name) {
  const person = state.people.find((p) => p.name === name) || state.people[0];
  state.generation += 1;
  state.person = person;
  state.cursor = undefined;
  state.shown.clear();
  state.unread.clear();
  for (const [address, channel] of state.channels) if (!channel.bound) state.channels.delete(address);
  state.lists.clear();
  byId('message-lists').replaceChildren();
  if (!person) return;
  writeStorage(PERSON_KEY, person.name);
  byId('person-select').value = person.name;
  selectChannel(directAddress(person));
  void poll();
}

async function loadPeople() {
  try {
    const directory = await call('/people');
    state.people = directory.people || [];
    state.loaded = true;
    state.channels.clear();
    for (const channel of directory.channels || []) addChannel(channel);
    renderPeople();
    becomePerson(readStorage(PERSON_KEY) || '');
    setStatus('');
  } catch (error) {
    setStatus(messageOf(error), 'offline');
  }
}

// --- the command box and the upload ----------------------------------------------------------------------------

async function sendCommand(text) {
  const person = state.person;
  const address = state.active;
  if (!person || !address) return;
  const entry = startEntry(address, text, 'command');
  try {
    const reply = await postJson('/message', { as: person.name, address, text, requestId: newRequestId() });
    finishEntry(entry, reply, address);
  } catch (error) {
    failEntry(entry, error);
  }
}

function onCommandSubmit(event) {
  event.preventDefault();
  const input = byId('command-input');
  const text = input.value.trim();
  if (text === '') return;
  state.history.push(text);
  state.historyAt = state.history.length;
  input.value = '';
  void sendCommand(text);
}

function onCommandKey(event) {
  const input = event.currentTarget;
  // ↑ on an empty box walks back through what you sent, like a shell, until you start editing a recalled line.
  const browsing = input.value === '' || input.value === state.history[state.historyAt];
  if (event.key === 'ArrowUp' && state.history.length > 0 && browsing) {
    event.preventDefault();
    state.historyAt = Math.max(0, state.historyAt - 1);
    input.value = state.history[state.historyAt] || '';
  } else if (event.key === 'ArrowDown' && browsing && state.historyAt < state.history.length) {
    event.preventDefault();
    state.historyAt = Math.min(state.history.length, state.historyAt + 1);
    input.value = state.history[state.historyAt] || '';
  }
}

async function onUploadSubmit(event) {
  event.preventDefault();
  const person = state.person;
  const address = state.active;
  const fileInput = byId('receipt-file');
  const file = fileInput.files?.[0];
  if (!person || !address) return;
  if (!file) {
    setStatus(t().chooseFile);
    fileInput.focus();
    return;
  }
  const expenseId = byId('receipt-expense').value.trim();
  const text = expenseId === '' ? '' : `receipt ${expenseId}`;
  const form = new FormData();
  form.append('as', person.name);
  form.append('address', address);
  form.append('requestId', newRequestId());
  if (text !== '') form.append('text', text);
  form.append('file', file, file.name);
  const entry = startEntry(
    address,
    [t().uploadedFile(file.name), text].filter(Boolean).join(' · '),
    'upload',
  );
  try {
    const reply = await call('/file', { method: 'POST', body: form });
    finishEntry(entry, reply, address);
    fileInput.value = '';
    byId('receipt-expense').value = '';
  } catch (error) {
    failEntry(entry, error);
  }
}

function onOpenChannel(event) {
  event.preventDefault();
  const input = byId('open-channel-input');
  const name = input.value
    .trim()
    .replace(/^console:/, '')
    .replace(/^#?/, '');
  if (!/^[^\s#@:]{1,80}$/u.test(name)) {
    setStatus(t().badChannel);
    input.focus();
    return;
  }
  const address = `console:#${name}`;
  if (!state.channels.has(address)) state.channels.set(address, { address, bound: false });
  input.value = '';
  selectChannel(address);
}

function setStatus(text, kind = '') {
  const status = byId('status');
  status.textContent = text;
  status.dataset.kind = kind;
}

// --- language --------------------------------------------------------------------------------------------------

function applyLocale() {
  document.documentElement.lang = state.locale;
  document.title = t().title;
  for (const node of document.querySelectorAll('[data-i18n]')) {
    const text = t()[node.dataset.i18n];
    if (typeof text === 'string') node.textContent = text;
  }
  byId('command-input').placeholder = t().commandPlaceholder;
  const toggle = byId('language-toggle');
  toggle.textContent = t().languageToggle;
  toggle.lang = state.locale === 'en' ? 'zh-CN' : 'en';
  toggle.setAttribute('aria-label', t().languageToggleLabel);
  renderPeople();
  renderChannels();
  renderConversationHead();
}

function toggleLocale() {
  state.locale = state.locale === 'en' ? 'zh-CN' : 'en';
  writeStorage(LOCALE_KEY, state.locale);
  applyLocale();
}

function start() {
  applyLocale();
  byId('language-toggle').addEventListener('click', toggleLocale);
  byId('person-select').addEventListener('change', (event) => becomePerson(event.currentTarget.value));
  byId('command-form').addEventListener('submit', onCommandSubmit);
  byId('command-input').addEventListener('keydown', onCommandKey);
  byId('upload-form').addEventListener('submit', (event) => void onUploadSubmit(event));
  byId('open-channel-form').addEventListener('submit', onOpenChannel);
  void loadPeople();
  window.setInterval(() => void poll(), POLL_MS);
}

start();
