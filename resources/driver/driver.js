// mmtimer driver page. Read-only: it takes /state once, then follows the live feed (a
// WebSocket on the next port), and draws the countdown from the last state and its own clock, so
// a Wi-Fi hiccup of a second does not freeze it. It says how old its data is, and turns red when
// the link drops; it never shows a stale value as live.
"use strict";

const key = new URLSearchParams(location.search).get("key") || "";
const SLOW_MS = 1500; // no news for this long: the age shows amber (the heartbeat is 1 s)
const STALE_MS = 3500; // and for this long: the link counts as lost
const RETRY_MS = 1000;

let envelope = null; // the last message: {v, seq, feed_port, view}
let receivedAt = 0; // performance.now() when it came
let anchor = null; // {id, at}: the target instant on this page's clock
let socket = null;
let connected = false;
let everReceived = false;

const $ = (id) => document.getElementById(id);

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
  if (hours) return `${sign}${hours}:${two(minutes)}:${two(seconds)}.${two(hundredths)}`;
  if (minutes) return `${sign}${minutes}:${two(seconds)}.${two(hundredths)}`;
  return `${sign}${seconds}.${two(hundredths)}`;
}

function formatCountdown(leftMs, windowMs) {
  // As the stage window (present/formats.py format_countdown): a time control's due minute
  // reads "in your minute, 48 s left", after it how late in minutes.
  if (windowMs == null || leftMs > 0) return formatLeft(leftMs);
  const into = -leftMs;
  if (into < windowMs) return `in your minute, ${Math.ceil((windowMs - into) / 1000)} s left`;
  return `+${Math.floor(into / windowMs)} min late`;
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
  if (s < 60) return `${s.toFixed(1)} s`;
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
  const what = { gps: "GPS lost", reset: "start" }[avg.distance_source] || "landmark";
  return `${what} ${formatSpan(avg.distance_age_ms || 0)} ago`;
}

function setTone(element, tone) {
  element.className = element.className.replace(/\btone-\w+/g, "").trim();
  element.classList.add(`tone-${tone}`);
}

function receive(message, now) {
  if (!message || message.v !== 1) return;
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
  $("stage").textContent = view ? view.stage : "no stage open";
  if (!view) {
    $("armed").textContent = "no stage open in mmtimer";
    $("last-label").textContent = "";
    $("last-value").textContent = "";
    $("total").textContent = "";
    $("average").hidden = true;
    return;
  }
  $("armed").textContent = view.armed || "";
  const last = view.last;
  if (last) {
    $("last-label").textContent = `last: ${last.label}`;
    const parts = [];
    if (last.deviation !== null) parts.push(`${last.deviation} s`);
    if (last.points !== null) parts.push(`${last.points} pts`);
    if (last.note) parts.push(last.note);
    $("last-value").textContent = parts.join(" · ");
    setTone($("last-value"), last.tone);
  } else {
    $("last-label").textContent = "";
    $("last-value").textContent = "";
  }
  $("total").textContent = view.total ? `${view.total.label} ${view.total.points} pts` : "";
  const avg = view.average;
  $("average").hidden = !avg;
  if (avg) {
    $("avg-speed").textContent = `${avg.speed_kmh} km/h`;
    let ahead = "ahead/behind: no distance";
    // A distance that is not live (GPS lost, or a landmark confirmed a while ago): ahead/behind
    // as the car was then, greyed, with its age; never as live, and no average to hold.
    const stale = avg.ahead_ms !== null && avg.ahead_ms !== undefined && avg.distance_live === false;
    if (avg.ahead_ms !== null && avg.ahead_ms !== undefined) {
      const s = (Math.abs(avg.ahead_ms) / 1000).toFixed(1);
      ahead = avg.ahead_ms >= 0 ? `ahead ${s} s` : `behind ${s} s`;
      if (avg.ahead_m !== null && avg.ahead_m !== undefined) ahead += ` · ${Math.abs(avg.ahead_m)} m`;
      if (stale) ahead += ` then (${staleWords(avg)})`;
      else if (avg.hold_kmh) ahead += ` · hold ${avg.hold_kmh} km/h`;
    }
    $("avg-ahead").textContent = ahead;
    $("avg-ahead").classList.toggle("stale", stale);
    $("avg-ahead").classList.toggle("small", avg.ahead_ms === null || avg.ahead_ms === undefined);
    const next = avg.next_change_km
      ? `then ${avg.next_speed_kmh} km/h from km ${avg.next_change_km}`
      : "";
    const ideal = avg.ideal_km ? `ideal km ${avg.ideal_km}` : "";
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
  if (!everReceived) link.textContent = connected ? "connected…" : "connecting…";
  else if (live) link.textContent = `live · data ${formatAge(age)} old`;
  else link.textContent = `LINK LOST · data ${formatAge(age)} old`;

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
    $("link").textContent = `cannot reach mmtimer (${error.message}); retrying`;
    setTimeout(start, RETRY_MS);
  }
}

// Ask the screen to stay awake where the browser has the Wake Lock API (it needs a secure
// context: on plain http to the laptop most phones do not offer it; the footer says so).
let wakeLock = null;
async function keepAwake() {
  const awake = $("awake");
  if (!("wakeLock" in navigator)) {
    awake.textContent = "screen may sleep (no Wake Lock here)";
    return;
  }
  try {
    wakeLock = await navigator.wakeLock.request("screen");
    awake.textContent = "screen kept on";
    wakeLock.addEventListener("release", () => {
      awake.textContent = "screen may sleep";
    });
  } catch (error) {
    awake.textContent = `screen may sleep (${error.name})`;
  }
}
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "visible") keepAwake();
});
document.addEventListener("click", keepAwake); // some browsers grant it only after a touch

keepAwake();
start();
loop();
