// Sejawat sandbox page: phones side by side, live over /api/ws. No external resources.
"use strict";

const S = {
  lang: localStorage.getItem("sejawat-ui-lang") || "id",
  strings: {},
  phones: [],          // {role, userId, el}
  users: new Map(),    // id -> user json
  staffIds: new Set(),
  scenarios: [],
  training: null,
  members: {},         // role -> [user ids] a staff phone can switch between
  timeline: [],        // entries, kept to re-render in another page language
  openedAt: Date.now(), // entries older than the page do not ring phones again
  refreshTimers: new Map(),
  typingTimers: new Map(),
};
const ROLE_ICON = { student: "S", supporter: "P", counselor: "K", coordinator: "C" };

function t(key, params) {
  let text = S.strings[key] || key;
  // a function, so that "$&" in a value (a trainee's words) is not a replacement pattern
  for (const [k, v] of Object.entries(params || {})) {
    text = text.replace(`{${k}}`, () => String(v));
  }
  return text;
}

async function api(path, body) {
  const init = body === undefined ? {} : {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
  };
  const resp = await fetch(path, init);
  const data = await resp.json();
  if (!data.ok) throw new Error(data.error || resp.statusText);
  return data.result;
}

function toast(text) {
  const el = document.getElementById("toast");
  el.textContent = text;
  el.hidden = false;
  clearTimeout(el._timer);
  el._timer = setTimeout(() => { el.hidden = true; }, 4000);
}

async function guarded(fn) {
  try { return await fn(); } catch (err) { toast(`${t("error")}: ${err.message}`); return null; }
}

// -- language ---------------------------------------------------------------------------

async function setLanguage(lang) {
  S.lang = lang;
  localStorage.setItem("sejawat-ui-lang", lang);
  S.strings = await (await fetch(`/static/i18n/${lang}.json`)).json();
  document.documentElement.lang = lang;
  document.getElementById("ui-lang").value = lang;
  applyStrings(document);
  for (const phone of S.phones) {
    applyStrings(phone.el);
    renderHead(phone);
  }
  renderScenarios();
  renderTraining();
  renderTimeline();
}

function applyStrings(root) {
  root.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll("[data-i18n-placeholder]").forEach((el) => {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  });
  root.querySelectorAll("[data-i18n-title]").forEach((el) => {
    el.title = t(el.dataset.i18nTitle);
    el.setAttribute("aria-label", el.title);
  });
}

// -- phones -----------------------------------------------------------------------------

function students() {
  return [...S.users.values()].filter((u) => !S.staffIds.has(u.id));
}

function buildPhone(spec) {
  const el = document.getElementById("phone-tpl").content.firstElementChild.cloneNode(true);
  const phone = { role: spec.role, userId: spec.user_id, el };
  el.dataset.role = spec.role;
  applyStrings(el);
  const input = el.querySelector(".text");
  el.querySelector(".composer").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const text = input.value;
    if (!text.trim() || phone.userId == null) return;
    input.value = "";
    guarded(() => api("/api/send", { user_id: phone.userId, text }));
  });
  el.querySelector(".menu-btn").addEventListener("click", () => toggleMenu(phone));
  el.querySelector(".attach-btn").addEventListener("click", () => {
    const list = el.querySelector(".attach-list");
    list.hidden = !list.hidden;
  });
  el.querySelectorAll(".attach-kind").forEach((btn) => btn.addEventListener("click", () => {
    el.querySelector(".attach-list").hidden = true;
    if (phone.userId == null) return;
    guarded(() => api("/api/media", { user_id: phone.userId, kind: btn.dataset.kind }));
  }));
  const pick = el.querySelector(".student-pick");
  pick.addEventListener("change", () => showUser(phone, Number(pick.value)));
  document.getElementById("phones").appendChild(el);
  return phone;
}

function showUser(phone, userId) {
  phone.userId = userId;
  phone.el.dataset.userId = userId == null ? "" : String(userId);
  phone.el.querySelector(".menu-list").hidden = true;
  renderHead(phone);
  refreshChat(userId);
}

function renderHead(phone) {
  const user = phone.userId == null ? null : S.users.get(phone.userId);
  const el = phone.el;
  el.querySelector(".role").textContent = t(`role_${phone.role}`);
  el.querySelector(".avatar").textContent = user ? user.first_name.slice(0, 1) : ROLE_ICON[phone.role];
  el.querySelector(".name").textContent = user ? user.first_name : t(`role_${phone.role}`);
  const status = el.querySelector(".status");
  if (!status.classList.contains("typing")) {
    status.textContent = user ? `id ${user.id} · ${user.language_code || ""}` : "";
  }
  {
    const pick = el.querySelector(".student-pick");
    const list = phone.role === "student" ? students()
      : (S.members[phone.role] || []).map((id) => S.users.get(id)).filter(Boolean);
    pick.hidden = list.length < 2;
    pick.title = t("switch_member");
    pick.setAttribute("aria-label", pick.title);
    pick.replaceChildren(...list.map((u) => {
      const opt = document.createElement("option");
      opt.value = String(u.id);
      opt.textContent = `${u.first_name} (${u.id})`;
      return opt;
    }));
    if (phone.userId != null) pick.value = String(phone.userId);
  }
  const disabled = !user;
  el.querySelectorAll(".composer input, .composer button").forEach((c) => { c.disabled = disabled; });
  if (!user) {
    const chat = el.querySelector(".chat");
    const note = document.createElement("div");
    note.className = "placeholder";
    note.textContent = phone.role === "student" && phone.userId == null
      ? t("no_student") : t("no_user", { id: phone.userId });
    chat.replaceChildren(note);
  }
}

function phonesFor(chatId) {
  return S.phones.filter((p) => p.userId === chatId);
}

function refreshChat(chatId) {
  if (chatId == null || !phonesFor(chatId).length) return;
  clearTimeout(S.refreshTimers.get(chatId));
  S.refreshTimers.set(chatId, setTimeout(async () => {
    if (!S.users.has(chatId)) return;
    const view = await guarded(() => api(`/api/chat/${chatId}`));
    if (view) for (const phone of phonesFor(chatId)) renderChat(phone, view);
  }, 40));
}

function renderChat(phone, view) {
  const chat = phone.el.querySelector(".chat");
  const atBottom = chat.scrollHeight - chat.scrollTop - chat.clientHeight < 60;
  chat.replaceChildren(...view.messages.map((m) => bubble(phone, m)));
  phone.el.dataset.messages = String(view.messages.length);
  const kb = phone.el.querySelector(".reply-kb");
  kb.replaceChildren(...view.reply_keyboard.map((row) => {
    const rowEl = document.createElement("div");
    rowEl.className = "rkb-row";
    for (const b of row) {
      const btn = document.createElement("button");
      btn.type = "button";
      btn.className = "rkb";
      btn.textContent = b.text;
      btn.addEventListener("click", () => guarded(
        () => api("/api/send", { user_id: phone.userId, text: b.text })));
      rowEl.appendChild(btn);
    }
    return rowEl;
  }));
  if (atBottom || chat.dataset.init !== "1") chat.scrollTop = chat.scrollHeight;
  chat.dataset.init = "1";
}

function bubble(phone, m) {
  const el = document.createElement("div");
  el.className = `bubble ${m.from}`;
  el.dataset.messageId = String(m.id);
  if (m.media) {
    const media = document.createElement("div");
    media.className = m.media === "sticker" ? "media sticker" : "media";
    media.textContent = m.media === "sticker" ? (m.emoji || "🙂")
      : m.media === "photo" ? `🖼 ${t("photo")}` : m.media === "voice" ? `🎤 ${t("voice")}` : `📎 ${m.media}`;
    el.appendChild(media);
  }
  if (m.text) {
    const text = document.createElement("div");
    text.className = "text";
    text.textContent = m.text;
    el.appendChild(text);
  }
  for (const row of m.buttons) {
    const rowEl = document.createElement("div");
    rowEl.className = "ikb-row";
    for (const b of row) {
      const btn = document.createElement("button");
      btn.type = "button";
      btn.className = "ikb";
      btn.textContent = b.text;
      if (b.callback_data !== undefined) {
        btn.dataset.data = b.callback_data;
        btn.addEventListener("click", () => guarded(() => api("/api/press", {
          user_id: phone.userId, message_id: m.id, data: b.callback_data,
        })));
      } else if (b.url) {
        btn.title = b.url;
      }
      rowEl.appendChild(btn);
    }
    el.appendChild(rowEl);
  }
  const meta = document.createElement("div");
  meta.className = "meta";
  const time = m.date ? new Date(m.date * 1000).toLocaleTimeString(S.lang, { hour: "2-digit", minute: "2-digit" }) : "";
  meta.textContent = (m.edited ? `${t("edited")} ` : "") + time;
  el.appendChild(meta);
  return el;
}

async function toggleMenu(phone) {
  const list = phone.el.querySelector(".menu-list");
  if (!list.hidden) { list.hidden = true; return; }
  if (phone.userId == null) return;
  const commands = await guarded(() => api(`/api/commands/${phone.userId}`)) || [];
  if (!commands.length) {
    const none = document.createElement("div");
    none.className = "muted";
    none.style.padding = "8px";
    none.textContent = t("no_commands");
    list.replaceChildren(none);
  } else {
    list.replaceChildren(...commands.map((c) => {
      const btn = document.createElement("button");
      btn.type = "button";
      btn.className = "cmd";
      btn.dataset.command = c.command;
      const name = document.createElement("b");
      name.textContent = `/${c.command}`;
      btn.append(name, c.description);
      btn.addEventListener("click", () => {
        list.hidden = true;
        guarded(() => api("/api/send", { user_id: phone.userId, text: `/${c.command}` }));
      });
      return btn;
    }));
  }
  list.hidden = false;
}

function showTyping(chatId) {
  for (const phone of phonesFor(chatId)) {
    const status = phone.el.querySelector(".status");
    status.classList.add("typing");
    status.textContent = t("typing");
  }
  clearTimeout(S.typingTimers.get(chatId));
  S.typingTimers.set(chatId, setTimeout(() => stopTyping(chatId), 5000));
}

function stopTyping(chatId) {
  clearTimeout(S.typingTimers.get(chatId));
  for (const phone of phonesFor(chatId)) {
    phone.el.querySelector(".status").classList.remove("typing");
    renderHead(phone);
  }
}

function ring(chatId) {
  for (const phone of phonesFor(chatId)) {
    if (phone.role === "student") continue;
    document.body.dataset.rings = String(Number(document.body.dataset.rings || 0) + 1);
    phone.el.classList.remove("ringing");
    void phone.el.offsetWidth;
    phone.el.classList.add("ringing");
    setTimeout(() => phone.el.classList.remove("ringing"), 2600);
  }
}

// -- users ------------------------------------------------------------------------------

function upsertUser(user) {
  const isNew = !S.users.has(user.id);
  S.users.set(user.id, user);
  for (const phone of S.phones) {
    if (phone.role === "student" && phone.userId == null && !S.staffIds.has(user.id)) {
      showUser(phone, user.id);
    } else if (phone.userId === user.id && isNew) {
      showUser(phone, user.id);
    } else {
      renderHead(phone);
    }
  }
}

document.getElementById("add-student").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  const name = document.getElementById("student-name");
  const lang = document.getElementById("student-lang").value;
  const user = await guarded(() => api("/api/students", { name: name.value, language: lang }));
  if (!user) return;
  name.value = "";
  S.users.set(user.id, user);
  const phone = S.phones.find((p) => p.role === "student");
  if (phone) showUser(phone, user.id);
});

// -- timeline ---------------------------------------------------------------------------

function timelineText(entry) {
  const d = entry.data || {};
  const args = { ...(d.args || {}) };
  if (d.say && d.say.startsWith("training_")) {
    const scenario = S.scenarios.find((sc) => sc.id === d.scenario);
    args.scenario = scenario ? (scenario.title[S.lang] || scenario.id) : d.scenario;
    if (args.verdict) args.verdict = t(`verdict_${args.verdict}`);
    if (args.skill) args.skill = t(`skill_${args.skill}`);
  }
  const key = d.say ? `tl_${d.say}` : `ev_${entry.kind}`;
  if (!(key in S.strings)) return entry.summary;
  const text = t(key, d.say ? args : { n: d.n == null ? "" : d.n });
  return args.again ? `${text} ${t("tl_again")}` : text;
}

function timelineItem(entry) {
  const li = document.createElement("li");
  const family = entry.kind.startsWith("tg.") ? "tg"
    : entry.kind.startsWith("training.") ? "training"
      : /risk|escalat/.test(entry.kind) ? "risk" : "sys";
  li.className = family === "risk" ? "risk sys" : family;
  li.dataset.kind = entry.kind;
  const time = document.createElement("time");
  time.textContent = new Date(entry.at * 1000).toLocaleTimeString(S.lang);
  const kind = document.createElement("span");
  kind.className = "k";
  kind.textContent = t(`fam_${family}`);
  kind.title = entry.kind;
  li.append(time, kind, timelineText(entry));
  return li;
}

function renderTimeline() {
  const list = document.getElementById("timeline-list");
  list.replaceChildren(...S.timeline.map(timelineItem));
  list.scrollTop = list.scrollHeight;
}

function addTimeline(entry, replay) {
  const list = document.getElementById("timeline-list");
  const li = timelineItem(entry);
  const atBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 40;
  S.timeline.push(entry);
  list.appendChild(li);
  while (S.timeline.length > 600) { S.timeline.shift(); list.firstElementChild.remove(); }
  document.body.dataset.timeline = String(entry.seq);
  if (atBottom) list.scrollTop = list.scrollHeight;
  // a reload does not ring for old alerts; one missed while reconnecting still rings
  const live = !replay || entry.at * 1000 >= S.openedAt;
  if (live && li.classList.contains("risk") && entry.data) {
    for (const key of ["chat_id", "user_id", "counselor_id", "recipient_id"]) {
      if (entry.data[key] != null) ring(entry.data[key]);
    }
  }
}

// the bot's clock, moved ahead: what falls due meanwhile (an offer expiring, the crisis
// ladder, a follow-up) happens now
document.querySelectorAll(".skip button").forEach((button) => {
  button.addEventListener("click", async () => {
    try {
      const moved = await api("/api/time", { minutes: Number(button.dataset.minutes) });
      toast(t("skipped", { time: new Date(moved.now).toLocaleString(S.lang) }));
    } catch (err) {
      toast(String(err.message || err));
    }
  });
});

document.getElementById("show-traffic").addEventListener("change", (ev) => {
  document.getElementById("timeline").classList.toggle("hide-tg", !ev.target.checked);
});

// -- training ---------------------------------------------------------------------------

function renderScenarios() {
  const select = document.getElementById("scenario");
  const current = select.value;
  select.replaceChildren(...S.scenarios.map((s) => {
    const opt = document.createElement("option");
    opt.value = s.id;
    opt.textContent = s.title[S.lang] || s.id;
    opt.title = s.brief[S.lang] || "";
    return opt;
  }));
  if (current) select.value = current;
}

function renderTraining() {
  const el = document.getElementById("training-status");
  const st = S.training;
  if (!st) { el.textContent = ""; return; }
  el.textContent = `${t(`phase_${st.phase}`)} · ${t("turn", { n: st.next_turn, total: st.turns })}`;
  el.dataset.phase = st.phase;
}

function showDebrief(d) {
  const body = document.getElementById("debrief-body");
  const secs = (v) => (v == null ? "–" : t("db_seconds", { s: v }));
  const rows = [
    ["db_replies", String(d.trainee_messages)],
    ["db_student", `${d.turns_sent}/${d.turns_total}`],
    ["db_avg", secs(d.average_reply)],
    ["db_slowest", secs(d.slowest_reply)],
    ["db_refer", t(`verdict_${d.verdict_refer}`)],
  ];
  const dl = document.createElement("dl");
  for (const [k, v] of rows) {
    const dt = document.createElement("dt");
    dt.textContent = t(k);
    const dd = document.createElement("dd");
    dd.textContent = v;
    dd.dataset.key = k;
    dl.append(dt, dd);
  }
  const parts = [dl];
  if (d.lines && d.lines.length) {  // feedback lines: {kind, tone, params}, worded here
    const title = document.createElement("h3");
    title.textContent = t("db_lines");
    const list = document.createElement("ul");
    list.className = "debrief-lines";
    for (const line of d.lines) {
      const key = `dl_${line.kind}`;
      const one = `${key}_one`;
      const li = document.createElement("li");
      li.className = line.tone;
      li.dataset.kind = line.kind;
      li.textContent = t(Number(line.params.n) === 1 && one in S.strings ? one : key, line.params);
      list.append(li);
    }
    parts.push(title, list);
  }
  const tip = document.createElement("p");
  tip.textContent = d.tip ? `${t("db_tip")}: ${d.tip}` : "";
  parts.push(tip);
  body.replaceChildren(...parts);
  document.getElementById("debrief").hidden = false;
}

function onTraining(status) {
  const before = S.training;
  S.training = status;
  renderTraining();
  if (status.debrief && !(before && before.debrief && before.scenario === status.scenario
      && before.student_id === status.student_id)) showDebrief(status.debrief);
}

document.getElementById("training-start").addEventListener("click", async () => {
  const supporter = S.phones.find((p) => p.role === "supporter");
  const status = await guarded(() => api("/api/training/start", {
    scenario: document.getElementById("scenario").value,
    language: document.getElementById("student-lang").value,
    supporter_id: supporter ? supporter.userId : undefined,
  }));
  if (!status) return;
  S.training = status;
  renderTraining();
  const phone = S.phones.find((p) => p.role === "student");
  if (phone) showUser(phone, status.student_id);
});
document.getElementById("training-stop").addEventListener("click", () => guarded(
  () => api("/api/training/stop", {})));
document.getElementById("debrief-close").addEventListener("click", () => {
  document.getElementById("debrief").hidden = true;
});
document.getElementById("ui-lang").addEventListener("change", (ev) => setLanguage(ev.target.value));

// -- live stream ------------------------------------------------------------------------

function chatOf(event) {
  const d = event.data;
  if (d.chat_id != null) return d.chat_id;
  const u = d.update || {};
  if (u.message) return u.message.chat.id;
  if (u.callback_query && u.callback_query.message) return u.callback_query.message.chat.id;
  if (d.user_id != null) return d.user_id;
  return null;
}

function onEvent(event) {
  const chatId = chatOf(event);
  switch (event.type) {
    case "user": upsertUser(event.data.user); break;
    case "chat_action": if (event.data.action === "typing") showTyping(chatId); break;
    case "message_sent": stopTyping(chatId); refreshChat(chatId); break;
    case "reset": S.users.clear(); loadUsers(); break;
    case "commands_set": case "commands_deleted":
      S.phones.forEach((p) => { p.el.querySelector(".menu-list").hidden = true; }); break;
    default: refreshChat(chatId);
  }
}

let lastTimelineSeq = 0;
function connect() {
  const ws = new WebSocket(`${location.origin.replace(/^http/, "ws")}/api/ws?since=${lastTimelineSeq}`);
  ws.onmessage = (msg) => {
    const item = JSON.parse(msg.data);
    if (item.type === "event") onEvent(item.event);
    else if (item.type === "timeline") { lastTimelineSeq = item.entry.seq; addTimeline(item.entry, item.replay); }
    else if (item.type === "training") onTraining(item.status);
  };
  ws.onopen = () => {
    document.body.dataset.live = "1";
    S.phones.forEach((p) => refreshChat(p.userId));
  };
  ws.onclose = () => { document.body.dataset.live = "0"; setTimeout(connect, 1000); };
}

async function loadUsers() {
  for (const user of await api("/api/users")) upsertUser(user);
}

async function main() {
  await setLanguage(S.lang);
  const layout = await api(`/api/layout${location.search}`);
  document.getElementById("student-lang").replaceChildren(...layout.languages.map((l) => {
    const opt = document.createElement("option");
    opt.value = l;
    opt.textContent = l;
    return opt;
  }));
  for (const id of layout.staff_ids) S.staffIds.add(id);
  S.members = layout.members || {};
  for (const spec of layout.phones) {
    const phone = buildPhone(spec);
    S.phones.push(phone);
    renderHead(phone);
  }
  await loadUsers();
  S.scenarios = await api("/api/scenarios");
  renderScenarios();
  const status = await api("/api/training");
  if (status) { S.training = status; renderTraining(); }
  connect();
  document.body.dataset.ready = "1";
}

main();
