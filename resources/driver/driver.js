// mmtimer driver page. Read-only: it takes /state once, then follows the live feed (a
// WebSocket on the next port), and draws the countdown from the last state and its own clock, so
// a Wi-Fi hiccup of a second does not freeze it. It says how old its data is, and turns red when
// the link drops; it never shows a stale value as live. It speaks the language mmtimer's window
// spoke when it was served (the JSON block "page-words"), and reloads when the feed says another.
"use strict";

const key = new URLSearchParams(location.search).get("key") || "";
const SLOW_MS = 1500; // no news for this long: the age shows amber (the heartbeat is 1 s)
const STALE_MS = 3500; // and for this long: the link counts as lost
const RETRY_MS = 1000;

let envelope = null; // the last message: {v, seq, feed_port, view, lang, decimal_comma, shown}
let receivedAt = 0; // performance.now() when it came
let anchor = null; // {id, at}: the target instant on this page's clock
let socket = null;
let connected = false;
let everReceived = false;

const $ = (id) => document.getElementById(id);

// The page's words in mmtimer's language: {lang, decimal, words: {English: translated}}. A text
// the dictionary lacks (or a page without it) stays English.
const PAGE = (() => {
  try {
    return JSON.parse($("page-words").textContent);
  } catch (error) {
    return {};
  }
})();
const WORDS = PAGE.words || {};
const LANG = PAGE.lang || document.documentElement.lang || "en";
const DECIMAL = PAGE.decimal || ".";

function t(text, ...values) {
  // `text` (English, with %1 %2 for the values) in the page's language
  const done = Object.prototype.hasOwnProperty.call(WORDS, text) ? WORDS[text] : text;
  return done.replace(/%(\d)/g, (all, n) => (n - 1 < values.length ? String(values[n - 1]) : all));
}

function num(text) {
  // A number as mmtimer writes it (a decimal point) with the language's separator: 3.20 -> 3,20
  return DECIMAL === "." ? String(text) : String(text).replace(/(\d)\.(?=\d)/g, `$1${DECIMAL}`);
}

function shownText(name, english) {
  // A text of the feed in mmtimer's language when the message carries it (`shown`), else English
  const shown = envelope && envelope.shown;
  return shown && typeof shown[name] === "string" ? shown[name] : english;
}

function reloadForLanguage(lang) {
  // mmtimer now speaks another language: take the page again (at most every 10 s, in case the
  // page and the feed disagree for good)
  try {
    const last = Number(sessionStorage.getItem("mmtimer-reloaded") || 0);
    if (Date.now() - last < 10000) return;
    sessionStorage.setItem("mmtimer-reloaded", String(Date.now()));
  } catch (error) {
    return; // no storage: no guard against a loop, so no reload
  }
  console.info(`driver page: mmtimer speaks ${lang} now; reloading`);
  location.reload();
}

function formatLeft(leftMs) {
  // As the stage window: before the target the hundredths round up (0.00 exactly at it); past
  // it they count the time since, cut, with a "+".
  let cs;
  let sign = "";
  if (leftMs > 0) {
    cs = Math.ceil(leftMs / 10);
  } else {
    cs = Math.floor(-leftMs / 10);
    sign = cs ? "+" : "";
  }
  const hundredths = cs % 100;
  let seconds = Math.floor(cs / 100);
  let minutes = Math.floor(seconds / 60);
  seconds %= 60;
  const hours = Math.floor(minutes / 60);
  minutes %= 60;
  const two = (n) => String(n).padStart(2, "0");
  if (hours) return `${sign}${hours}:${two(minutes)}:${two(seconds)}${DECIMAL}${two(hundredths)}`;
  if (minutes) return `${sign}${minutes}:${two(seconds)}${DECIMAL}${two(hundredths)}`;
  return `${sign}${seconds}${DECIMAL}${two(hundredths)}`;
}

function formatCountdown(leftMs, windowMs) {
  // As the stage window (present/formats.py format_countdown): a time control's due minute
  // reads "in your minute, 48 s left", after it how late in minutes.
  if (windowMs == null || leftMs > 0) return formatLeft(leftMs);
  const into = -leftMs;
  if (into < windowMs) return t("in your minute, %1 s left", Math.ceil((windowMs - into) / 1000));
  return t("+%1 min late", Math.floor(into / windowMs));
}

function leftTone(leftMs, thresholds, windowMs) {
  if (windowMs != null && leftMs <= 0 && leftMs > -windowMs) return "exact";
  if (leftMs <= 0) return "overdue";
  if (leftMs <= thresholds.near_ms) return "near";
  if (leftMs <= thresholds.warn_ms) return "warn";
  return "normal";
}

function formatAge(ms) {
  const s = ms / 1000;
  if (s < 60) return `${num(s.toFixed(1))} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${String(Math.floor(s % 60)).padStart(2, "0")} s`;
}

function formatSpan(ms) {
  // As the stage window's pacer: 42 s, 3:07, 1:02:07 (whole seconds, cut).
  let seconds = Math.floor(Math.max(ms, 0) / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  seconds %= 60;
  const two = (n) => String(n).padStart(2, "0");
  if (hours) return `${hours}:${two(minutes)}:${two(seconds)}`;
  return minutes ? `${minutes}:${two(seconds)}` : `${seconds} s`;
}

function staleWords(avg) {
  const span = formatSpan(avg.distance_age_ms || 0);
  if (avg.distance_source === "gps") return t("GPS lost %1 ago", span);
  if (avg.distance_source === "reset") return t("start %1 ago", span);
  return t("landmark %1 ago", span);
}

function setTone(element, tone) {
  element.className = element.className.replace(/\btone-\w+/g, "").trim();
  element.classList.add(`tone-${tone}`);
}

function receive(message, now) {
  if (!message || message.v !== 1) return;
  if (typeof message.lang === "string" && message.lang !== LANG) reloadForLanguage(message.lang);
  envelope = message;
  receivedAt = now;
  everReceived = true;
  const view = message.view;
  const target = view && view.target;
  if (!target) {
    anchor = null;
  } else {
    const at = now + target.left_ms;
    // The same target seen again: keep the earliest estimate (the message least delayed by the
    // network); a new target (another line, a sync) starts afresh.
    if (anchor && anchor.id === target.id) anchor.at = Math.min(anchor.at, at);
    else anchor = { id: target.id, at };
  }
  showView(view);
}

function showView(view) {
  $("stage").textContent = view ? view.stage : t("no stage open");
  if (!view) {
    $("armed").textContent = t("no stage open in mmtimer");
    $("last-label").textContent = "";
    $("last-value").textContent = "";
    $("total").textContent = "";
    $("average").hidden = true;
    return;
  }
  $("armed").textContent = shownText("armed", view.armed || "");
  const last = view.last;
  if (last) {
    $("last-label").textContent = t("last: %1", shownText("last_label", last.label));
    const parts = [];
    if (last.deviation !== null) parts.push(`${num(last.deviation)} s`);
    if (last.points !== null) parts.push(t("%1 pts", num(last.points)));
    if (last.note) parts.push(shownText("last_note", last.note));
    $("last-value").textContent = parts.join(" · ");
    setTone($("last-value"), last.tone);
  } else {
    $("last-label").textContent = "";
    $("last-value").textContent = "";
  }
  $("total").textContent = view.total
    ? `${shownText("total_label", view.total.label)} ${t("%1 pts", num(view.total.points))}`
    : "";
  const avg = view.average;
  $("average").hidden = !avg;
  if (avg) {
    $("avg-speed").textContent = `${num(avg.speed_kmh)} km/h`;
    let ahead = t("ahead/behind: no distance");
    // A distance that is not live (GPS lost, or a landmark confirmed a while ago): ahead/behind
    // as the car was then, greyed, with its age; never as live, and no average to hold.
    const stale = avg.ahead_ms !== null && avg.ahead_ms !== undefined && avg.distance_live === false;
    if (avg.ahead_ms !== null && avg.ahead_ms !== undefined) {
      const s = num((Math.abs(avg.ahead_ms) / 1000).toFixed(1));
      ahead = avg.ahead_ms >= 0 ? t("ahead %1 s", s) : t("behind %1 s", s);
      if (avg.ahead_m !== null && avg.ahead_m !== undefined) ahead += ` · ${Math.abs(avg.ahead_m)} m`;
      if (stale) ahead = t("%1 then (%2)", ahead, staleWords(avg));
      else if (avg.hold_kmh) ahead += ` · ${t("hold %1 km/h", num(avg.hold_kmh))}`;
    }
    $("avg-ahead").textContent = ahead;
    $("avg-ahead").classList.toggle("stale", stale);
    $("avg-ahead").classList.toggle("small", avg.ahead_ms === null || avg.ahead_ms === undefined);
    const next = avg.next_change_km
      ? t("then %1 km/h from km %2", num(avg.next_speed_kmh), num(avg.next_change_km))
      : "";
    const ideal = avg.ideal_km ? t("ideal km %1", num(avg.ideal_km)) : "";
    $("avg-next").textContent = [ideal, next].filter(Boolean).join(" · ");
  }
}

function fitCountdown(element, text) {
  // The longest readout still fits the width: about 0.62 em per character of the mono font.
  const width = element.parentElement.clientWidth || window.innerWidth;
  const height = window.innerHeight;
  const size = Math.min((width * 0.95) / (0.62 * Math.max(text.length, 4)), height * 0.32);
  element.style.fontSize = `${Math.floor(size)}px`;
}

function render() {
  const now = performance.now();
  const age = everReceived ? now - receivedAt : Infinity;
  const live = connected && age < STALE_MS;
  document.body.classList.toggle("lost", everReceived && !live);
  document.body.classList.toggle("waiting", !everReceived);
  document.body.classList.toggle("link-live", live && age < SLOW_MS);
  document.body.classList.toggle("link-slow", live && age >= SLOW_MS);
  const link = $("link");
  if (!everReceived) link.textContent = connected ? t("connected…") : t("connecting…");
  else if (live) link.textContent = t("live · data %1 old", formatAge(age));
  else link.textContent = t("LINK LOST · data %1 old", formatAge(age));

  const left = $("left");
  const view = envelope && envelope.view;
  let text = "--.--";
  let tone = "idle";
  if (view && view.target && anchor) {
    const leftMs = anchor.at - now;
    text = formatCountdown(leftMs, view.target.window_ms);
    tone = leftTone(leftMs, view.thresholds, view.target.window_ms);
  }
  if (left.textContent !== text) {
    left.textContent = text;
    fitCountdown(left, text);
  }
  setTone(left, live ? tone : "idle");
  left.dataset.live = live ? "yes" : "no";
}

function loop() {
  render();
  requestAnimationFrame(loop);
}

function connect(port) {
  const url = `ws://${location.hostname}:${port}/feed?key=${encodeURIComponent(key)}`;
  socket = new WebSocket(url);
  socket.onopen = () => {
    connected = true;
  };
  socket.onmessage = (event) => {
    try {
      receive(JSON.parse(event.data), performance.now());
    } catch (error) {
      console.error("driver page: bad message", error);
    }
  };
  socket.onclose = () => {
    connected = false;
    socket = null;
    setTimeout(() => connect(port), RETRY_MS);
  };
}

async function start() {
  try {
    const reply = await fetch(`/state?key=${encodeURIComponent(key)}`, { cache: "no-store" });
    if (!reply.ok) throw new Error(`HTTP ${reply.status}`);
    const message = await reply.json();
    receive(message, performance.now());
    connected = true; // the snapshot just came: live until the feed says otherwise
    connect(message.feed_port);
  } catch (error) {
    $("link").textContent = t("cannot reach mmtimer (%1); retrying", error.message);
    setTimeout(start, RETRY_MS);
  }
}

// Ask the screen to stay awake where the browser has the Wake Lock API (it needs a secure
// context: on plain http to the laptop most phones do not offer it; the footer says so).
let wakeLock = null;
async function keepAwake() {
  const awake = $("awake");
  if (!("wakeLock" in navigator)) {
    awake.textContent = t("screen may sleep (no Wake Lock here)");
    return;
  }
  try {
    wakeLock = await navigator.wakeLock.request("screen");
    awake.textContent = t("screen kept on");
    wakeLock.addEventListener("release", () => {
      awake.textContent = t("screen may sleep");
    });
  } catch (error) {
    awake.textContent = t("screen may sleep (%1)", error.name);
  }
}
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") keepAwake();
});
document.addEventListener("click", keepAwake); // some browsers grant it only after a touch

// The page's fixed texts (index.html marks them data-t) in the page's language
for (const element of document.querySelectorAll("[data-t]")) {
  element.textContent = t(element.textContent);
}
document.title = t("mmtimer · driver");

keepAwake();
start();
loop();
