/* quizgen self-test: mark the paper in the browser, offline. The answers come from the
   JSON block #qz-data; all text shown is set with textContent (never innerHTML). */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("qz-data").textContent);
  var body = document.body;
  var submitButton = document.getElementById("qz-submit");
  var resetButton = document.getElementById("qz-reset");
  var printButton = document.getElementById("qz-print");
  var result = document.getElementById("qz-result");
  var timer = null;

  // Full-width and half-width forms, spaces and punctuation do not count.
  function norm(text) {
    return (text || "").normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "").toLowerCase();
  }
  function fmt(x) {
    return String(Math.round(x * 10) / 10);
  }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }

  function mark(q) {
    var box = document.getElementById("q" + q.n);
    var got = 0, answered = false, state;
    if (q.kind === "fill") {
      var inputs = box.querySelectorAll("input.blank");
      var right = 0;
      inputs.forEach(function (input, k) {
        var given = norm(input.value);
        if (given) answered = true;
        var ok = given !== "" && given === norm(q.answer[k]);
        if (ok) right += 1;
        input.classList.add(ok ? "right" : "wrong");
      });
      got = q.blank * right;  // 每空X分
      state = right === q.answer.length ? "right" : right > 0 ? "partial" : "wrong";
    } else {
      var picked = [];
      box.querySelectorAll("input:checked").forEach(function (input) { picked.push(Number(input.value)); });
      answered = picked.length > 0;
      var correct = q.kind === "judge" ? [q.answer ? 1 : 0] : q.answer;
      box.querySelectorAll(".opt").forEach(function (label) {
        var i = Number(label.getAttribute("data-i"));
        if (correct.indexOf(i) >= 0) label.classList.add("correct");
        else if (picked.indexOf(i) >= 0) label.classList.add("chosen-wrong");
      });
      var allRight = picked.every(function (i) { return correct.indexOf(i) >= 0; });
      var same = allRight && picked.length === correct.length;
      // 少选 (some of the answers, none wrong) earns the paper's partial points
      got = same ? q.points : allRight && answered ? (q.partial || 0) : 0;
      state = same ? "right" : got > 0 ? "partial" : "wrong";
    }
    if (!answered) state = "unanswered";
    box.classList.add(state);
    var verdict = {
      right: "回答正确，得" + fmt(got) + "分。",
      partial: "部分正确，得" + fmt(got) + "分（本题" + fmt(q.points) + "分）。",
      wrong: "回答错误，得0分。",
      unanswered: "未作答，得0分。"
    }[state];
    box.querySelector(".verdict").textContent = verdict;
    return { got: got, state: state };
  }

  function submit(timeUp) {
    var total = 0, counts = { right: 0, partial: 0, wrong: 0, unanswered: 0 }, parts = {};
    data.questions.forEach(function (q) {
      var r = mark(q);
      total += r.got;
      counts[r.state] += 1;
      var part = document.getElementById("q" + q.n).closest(".part").getAttribute("data-part");
      parts[part] = (parts[part] || 0) + r.got;
    });
    document.querySelectorAll(".q input").forEach(function (input) { input.disabled = true; });
    result.textContent = "";
    result.appendChild(el("span", "得分："));
    var score = el("span", fmt(total), "score");
    score.id = "qz-score";
    result.appendChild(score);
    result.appendChild(el("span", " / " + fmt(data.total) + " 分"));
    var detail = "答对 " + counts.right + " 题";
    if (counts.partial) detail += "，部分正确 " + counts.partial + " 题";
    detail += "，答错 " + counts.wrong + " 题";
    if (counts.unanswered) detail += "，未答 " + counts.unanswered + " 题";
    detail += "。正确答案与解析见各题下方" + (document.getElementById("key") ? "，参考答案附在卷末。" : "。");
    if (timeUp === true) detail = "时间到，已自动交卷。" + detail;
    result.appendChild(el("p", detail, "detail"));
    document.getElementById("qz-score-line").textContent = fmt(total);
    document.querySelectorAll(".scores td[data-part]").forEach(function (cell) {
      var key = cell.getAttribute("data-part");
      cell.textContent = key === "total" ? fmt(total) : fmt(parts[key] || 0);
    });
    body.classList.add("submitted");
    if (timer) { clearInterval(timer); timer = null; }
    result.scrollIntoView({ block: "start" });
    result.focus();  // screen readers announce the score next
  }

  function reset() {
    body.classList.remove("submitted");
    document.querySelectorAll(".q").forEach(function (box) {
      box.classList.remove("right", "partial", "wrong", "unanswered");
      box.querySelector(".verdict").textContent = "";
    });
    document.querySelectorAll(".opt").forEach(function (label) {
      label.classList.remove("correct", "chosen-wrong");
    });
    document.querySelectorAll(".q input").forEach(function (input) {
      input.disabled = false;
      input.classList.remove("right", "wrong");
      if (input.type === "text") input.value = ""; else input.checked = false;
    });
    document.getElementById("qz-score-line").textContent = "";
    document.querySelectorAll(".scores td[data-part]").forEach(function (cell) { cell.textContent = ""; });
    result.textContent = "";
    startTimer();
    window.scrollTo(0, 0);
  }

  function startTimer() {
    var shown = document.getElementById("qz-timer");
    if (!data.minutes || !shown) return;
    var end = Date.now() + data.minutes * 60000;
    function tick() {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var m = Math.floor(left / 60), s = left % 60;
      shown.textContent = left > 0 ? m + ":" + (s < 10 ? "0" : "") + s : "时间到";
      if (left <= 0 && timer) {
        clearInterval(timer);
        timer = null;
        if (!body.classList.contains("submitted")) submit(true);  // no answering after the time
      }
    }
    if (timer) clearInterval(timer);
    tick();
    timer = setInterval(tick, 1000);
  }

  submitButton.addEventListener("click", function () { submit(false); });
  resetButton.addEventListener("click", reset);
  printButton.addEventListener("click", function () { window.print(); });
  document.querySelectorAll("input.blank").forEach(function (input) {
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.preventDefault();
    });
  });
  startTimer();
})();
