// The jobs page: polls the gateway's /ui/api endpoints every 2 s and renders them. Every piece of data goes
// into the page as text (textContent, attributes), never as HTML.
"use strict";

(() => {
  const POLL_MS = 2000;
  const KEY_STORAGE = "llmorleans.apiKey";
  const SVG = "http://www.w3.org/2000/svg";
  const TERMINAL = new Set(["succeeded", "failed"]);
  const $ = (id) => document.getElementById(id);

  let waitingForKey = false;
  let detailId = null;
  let detailDone = false;

  class KeyNeeded extends Error {}

  // --- talking to the gateway ---------------------------------------------------------------------------

  async function call(path, init = {}) {
    const headers = new Headers(init.headers || {});
    const key = sessionStorage.getItem(KEY_STORAGE);
    if (key) {
      headers.set("Authorization", "Bearer " + key);
    }
    const response = await fetch(path, { ...init, headers, cache: "no-store" });
    if (response.status === 401) {
      askForKey(Boolean(key));
      throw new KeyNeeded();
    }
    return response;
  }

  async function getJson(path) {
    const response = await call(path);
    if (!response.ok) {
      throw new Error(await problemText(response));
    }
    return response.json();
  }

  // A problem+json body as one line: its validation errors, else its detail or title, else the status.
  async function problemText(response) {
    try {
      const problem = await response.json();
      if (problem.errors) {
        return Object.entries(problem.errors).map(([field, messages]) => field + ": " + messages.join(" ")).join("; ");
      }
      return problem.detail || problem.title || "HTTP " + response.status;
    } catch {
      return "HTTP " + response.status;
    }
  }

  function askForKey(refused) {
    waitingForKey = true;
    $("auth").hidden = false;
    $("auth-message").textContent = refused
      ? "The gateway refused this API key. Paste another one."
      : "The gateway asks for an API key. It is kept in this tab only (sessionStorage) and sent as Authorization: Bearer.";
    $("api-key").focus();
  }

  // --- building elements --------------------------------------------------------------------------------

  function el(tag, text, className) {
    const element = document.createElement(tag);
    if (text !== undefined && text !== null) {
      element.textContent = String(text);
    }
    if (className) {
      element.className = className;
    }
    return element;
  }

  function row(cells) {
    const tr = document.createElement("tr");
    for (const cell of cells) {
      tr.append(cell instanceof Node ? wrapCell(cell) : cell);
    }
    return tr;
  }

  function wrapCell(node) {
    if (node.tagName === "TD") {
      return node;
    }
    const td = el("td");
    td.append(node);
    return td;
  }

  const td = (text, className) => el("td", text ?? "–", className);
  const num = (value) => td(value === null || value === undefined ? "–" : formatCount(value), "num");

  function fillTable(id, rows, columns, emptyText) {
    const body = $(id).tBodies[0];
    body.replaceChildren(...(rows.length ? rows : [emptyRow(columns, emptyText)]));
  }

  function emptyRow(columns, text) {
    const cell = td(text, "empty");
    cell.colSpan = columns;
    return row([cell]);
  }

  function stateBadge(state) {
    return el("span", state, "state " + state);
  }

  // --- formatting ---------------------------------------------------------------------------------------

  const formatCount = (n) => Number(n).toLocaleString("en-US");

  function formatMs(ms) {
    if (ms === null || ms === undefined) return "–";
    if (ms < 1) return ms.toFixed(2) + " ms";
    if (ms < 1000) return ms.toFixed(ms < 10 ? 1 : 0) + " ms";
    if (ms < 60000) return (ms / 1000).toFixed(2) + " s";
    return (ms / 60000).toFixed(1) + " min";
  }

  const formatTime = (iso) => (iso ? new Date(iso).toLocaleTimeString("en-GB") : "–");
  const formatDateTime = (iso) => (iso ? new Date(iso).toLocaleString("en-GB") : "–");
  const elapsedMs = (from, to) => (from && to ? new Date(to) - new Date(from) : null);
  const shortId = (siloId) => siloId.split("@")[0];

  // --- overview -----------------------------------------------------------------------------------------

  async function refreshOverview() {
    const response = await call("/ui/api/overview");
    // Cluster-wide figures need a key with the admin scope; other keys still see their own jobs below.
    $("overview-note").hidden = response.status !== 403;
    if (response.status === 403) {
      return;
    }
    if (!response.ok) {
      throw new Error(await problemText(response));
    }
    const overview = await response.json();
    const counts = overview.counts;
    $("count-queued").textContent = counts.queued === null ? "–" : formatCount(counts.queued);
    $("count-running").textContent = formatCount(counts.running);
    $("count-succeeded").textContent = formatCount(counts.succeeded);
    $("count-failed").textContent = formatCount(counts.failed);
    $("count-retries").textContent = formatCount(counts.retries);
    $("count-silos").textContent = formatCount(overview.silos.filter((s) => s.live).length);

    drawThroughput(overview.throughput);

    fillTable("latency", overview.latency.map((l) => row([
      td(l.provider), td(l.model), num(l.answered), num(l.failed),
      td(formatMs(l.p50_ms), "num"), td(formatMs(l.p95_ms), "num"), td(formatMs(l.p99_ms), "num"),
    ])), 7, "no provider calls in the last 5 minutes");

    fillTable("lag", overview.lag.map((p) => row([
      td(p.topic), num(p.partition), num(p.lag), td(shortId(p.silo_id), "id"),
    ])), 4, "no live silo reports partitions");

    fillTable("silos", overview.silos.map((s) => {
      const name = td(shortId(s.silo_id), "id");
      name.title = s.silo_id + ", started " + formatDateTime(s.started_at);
      const state = wrapCell(stateBadge(s.live ? "live" : "gone"));
      state.title = "last seen " + formatDateTime(s.last_seen);
      return row([name, td(s.host), state, num(s.in_flight), num(s.totals.succeeded), num(s.totals.failed)]);
    }), 6, "no silo has reported yet");
  }

  function drawThroughput(series) {
    const svg = $("throughput");
    // Drawn in the element's own pixels, so the bars fill the panel and the labels keep their size.
    const width = Math.max(300, Math.round(svg.getBoundingClientRect().width)), top = 14, height = 100, left = 28;
    svg.setAttribute("viewBox", "0 0 " + width + " 130");
    const points = series.points;
    const max = Math.max(1, ...points.map((p) => p.succeeded + p.failed));
    const slot = (width - left) / points.length;
    const scale = height / max;
    const nodes = [];

    const line = (y) => {
      const l = document.createElementNS(SVG, "line");
      for (const [name, value] of [["x1", left], ["x2", width], ["y1", y], ["y2", y]]) l.setAttribute(name, value);
      l.setAttribute("class", "grid-line");
      return l;
    };
    const text = (x, y, value, anchor) => {
      const t = document.createElementNS(SVG, "text");
      t.setAttribute("x", x);
      t.setAttribute("y", y);
      t.setAttribute("class", "axis");
      t.setAttribute("text-anchor", anchor);
      t.textContent = value;
      return t;
    };
    const rect = (x, y, h, className, tip) => {
      const r = document.createElementNS(SVG, "rect");
      r.setAttribute("x", x.toFixed(1));
      r.setAttribute("y", y.toFixed(1));
      r.setAttribute("width", Math.max(1, slot - 1).toFixed(1));
      r.setAttribute("height", h.toFixed(1));
      r.setAttribute("class", className);
      const title = document.createElementNS(SVG, "title");
      title.textContent = tip;
      r.append(title);
      return r;
    };

    nodes.push(line(top), line(top + height), text(left - 4, top + 4, formatCount(max), "end"), text(left - 4, top + height, "0", "end"));
    points.forEach((p, i) => {
      const x = left + i * slot;
      const tip = formatTime(p.start) + ": " + p.succeeded + " succeeded, " + p.failed + " failed";
      const okHeight = p.succeeded * scale, badHeight = p.failed * scale;
      if (p.succeeded) nodes.push(rect(x, top + height - okHeight, okHeight, "bar-ok", tip));
      if (p.failed) nodes.push(rect(x, top + height - okHeight - badHeight, badHeight, "bar-bad", tip));
    });
    nodes.push(text(left, top + height + 14, "−10 min", "start"), text(width, top + height + 14, "now", "end"));
    svg.replaceChildren(...nodes);
  }

  // --- recent jobs --------------------------------------------------------------------------------------

  async function refreshRecent() {
    const recent = await getJson("/ui/api/jobs/recent?limit=20");
    fillTable("recent", recent.jobs.map((job) => {
      const link = el("a", job.request_id, "id");
      link.href = "#job/" + encodeURIComponent(job.request_id);
      const tr = row([link, stateBadge(job.state), td(job.provider), td(job.model), num(job.attempts),
        td(formatTime(job.created_at)), td(formatMs(elapsedMs(job.created_at, job.completed_at)), "num")]);
      tr.dataset.requestId = job.request_id;
      tr.dataset.state = job.state;
      tr.classList.toggle("selected", job.request_id === detailId);
      tr.addEventListener("click", () => openJob(job.request_id));
      return tr;
    }), 7, "no job taken yet");
  }

  // --- one job ------------------------------------------------------------------------------------------

  function openJob(requestId) {
    location.hash = "#job/" + encodeURIComponent(requestId);
  }

  function showDetailFromHash() {
    const match = /^#job\/(.+)$/.exec(location.hash);
    detailId = match ? decodeURIComponent(match[1]) : null;
    detailDone = false;
    $("detail").hidden = detailId === null;
    if (detailId !== null) {
      $("detail-id").textContent = detailId;
      $("detail-fields").replaceChildren();
      for (const block of ["prompt", "output", "error"]) $("detail-" + block + "-block").hidden = true;
      $("detail-problem").hidden = true;
      refreshDetail().catch(showProblem);
      $("detail").scrollIntoView({ block: "nearest" });
    }
  }

  async function refreshDetail() {
    if (detailId === null || detailDone) return;
    const requestId = detailId;
    const response = await call("/ui/api/jobs/" + encodeURIComponent(requestId));
    if (requestId !== detailId) return;
    if (!response.ok) {
      $("detail-problem").textContent = await problemText(response);
      $("detail-problem").hidden = false;
      detailDone = response.status === 400 || response.status === 404;
      return;
    }
    const detail = await response.json();
    const job = detail.job;
    $("detail-problem").hidden = true;
    detailDone = TERMINAL.has(job.phase);

    const fields = [
      ["state", stateBadge(job.phase)],
      ["provider / model", (job.provider ?? "–") + " / " + (job.model ?? "–")],
      ["attempts", job.attempts],
      ["created", formatDateTime(job.created_at)],
      ["started", formatDateTime(job.started_at)],
      ["completed", formatDateTime(job.completed_at)],
      ["waited to start", formatMs(detail.timings.queued_ms)],
      ["ran", formatMs(detail.timings.running_ms)],
      ["total", formatMs(detail.timings.total_ms)],
      ["tokens in / out", (job.input_tokens ?? "–") + " / " + (job.output_tokens ?? "–")],
    ];
    $("detail-fields").replaceChildren(...fields.flatMap(([name, value]) => {
      const dd = el("dd");
      dd.append(value instanceof Node ? value : document.createTextNode(String(value)));
      return [el("dt", name), dd];
    }));
    showText("prompt", detail.prompt ?? job.prompt);
    showText("output", job.output);
    showText("error", job.error);
  }

  function showText(block, text) {
    const present = text !== null && text !== undefined;
    $("detail-" + block + "-block").hidden = !present;
    $("detail-" + block).textContent = present ? text : "";
  }

  // --- forms --------------------------------------------------------------------------------------------

  async function submitJob(event) {
    event.preventDefault();
    const result = $("submit-result");
    result.textContent = "submitting…";
    const body = {
      provider: $("submit-provider").value.trim(),
      model: $("submit-model").value.trim(),
      prompt: $("submit-prompt").value,
    };
    try {
      const response = await call("/process", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      if (response.status !== 202) {
        result.textContent = "not accepted: " + (await problemText(response));
        return;
      }
      const accepted = await response.json();
      result.textContent = "accepted " + accepted.request_id;
      openJob(accepted.request_id);
    } catch (error) {
      result.textContent = error instanceof KeyNeeded ? "an API key is needed" : "failed: " + error.message;
    }
  }

  function findJob(event) {
    event.preventDefault();
    const requestId = $("find-id").value.trim();
    if (requestId) openJob(requestId);
  }

  function useKey(event) {
    event.preventDefault();
    sessionStorage.setItem(KEY_STORAGE, $("api-key").value.trim());
    $("api-key").value = "";
    $("auth").hidden = true;
    waitingForKey = false;
    poll();
  }

  // --- polling ------------------------------------------------------------------------------------------

  function showProblem(error) {
    if (error instanceof KeyNeeded) return;
    $("problem").textContent = "The gateway did not answer: " + error.message;
    $("problem").hidden = false;
  }

  let timer = null;

  async function poll() {
    clearTimeout(timer);
    if (!waitingForKey && !document.hidden) {
      const results = await Promise.allSettled([refreshOverview(), refreshRecent(), refreshDetail()]);
      const failed = results.find((r) => r.status === "rejected");
      if (failed) {
        showProblem(failed.reason);
      } else {
        $("problem").hidden = true;
        $("updated").textContent = "updated " + new Date().toLocaleTimeString("en-GB");
      }
    }
    timer = setTimeout(poll, POLL_MS);
  }

  $("submit").addEventListener("submit", submitJob);
  $("find").addEventListener("submit", findJob);
  $("auth-form").addEventListener("submit", useKey);
  $("detail-close").addEventListener("click", () => {
    history.replaceState(null, "", location.pathname);
    showDetailFromHash();
  });
  window.addEventListener("hashchange", showDetailFromHash);
  document.addEventListener("visibilitychange", () => { if (!document.hidden) poll(); });
  showDetailFromHash();
  poll();
})();
