// The Stack Builder: once every question is answered, each layer shows one recommended tool
// and why. The data is written into the page (#stack-data), so the site stays static; the rule
// is the one stack_builder.recommend applies in Python, and the tests compare the two:
//   - a tool matches a selector when, for every attribute in it, it has one of the values;
//   - an answer fits a tool when the tool matches the answer's `prefer` ({} fits every tool);
//   - a layer's pick is the candidate fitting the most chosen answers; on a tie, the one
//     fitting the earlier question, then the one with the fewest values the answers it fits
//     do not ask for, then the first (candidates come in title order); its reason names the
//     labels of the answers it fits and of those it does not.
// The answers live in the address (?building=chat&budget=free&runs=servers, question ids as
// keys, written with history.replaceState), so a stack can be bookmarked and shared. Without
// this script the page still lists every layer's candidates.
(function () {
  "use strict";

  var dataNode = document.querySelector('script[type="application/json"]#stack-data');
  var form = document.querySelector("form.stack-form");
  if (!dataNode || !form) { return; }
  var data;
  try {
    data = JSON.parse(dataNode.textContent);
  } catch (error) {
    return; // unreadable data: the page keeps its plain candidate lists
  }
  var forEach = Array.prototype.forEach;
  var status = document.querySelector(".stack-status");
  var reset = form.querySelector(".stack-reset");
  var questions = data.questions || [];

  // --- the rule -------------------------------------------------------------------------

  function matches(tool, selector) {
    var have = tool.attributes || {};
    return Object.keys(selector).every(function (name) {
      var values = have[name] || [];
      return selector[name].some(function (wanted) { return values.indexOf(wanted) !== -1; });
    });
  }

  // The chosen answers, in question order: chosen maps a question id to an answer id.
  function chosenAnswers(chosen) {
    var answers = [];
    questions.forEach(function (question) {
      question.answers.forEach(function (answer) {
        if (chosen[question.id] === answer.id) { answers.push(answer); }
      });
    });
    return answers;
  }

  // [answers fitted, then 1/0 per answer in question order, then -values not asked for]:
  // compared item by item, the greater ranks first.
  function rank(tool, answers) {
    var fitted = answers.map(function (answer) { return matches(tool, answer.prefer || {}); });
    var asked = Object.create(null);
    answers.forEach(function (answer, i) {
      if (!fitted[i]) { return; }
      Object.keys(answer.prefer || {}).forEach(function (name) {
        asked[name] = (asked[name] || []).concat(answer.prefer[name]);
      });
    });
    var have = tool.attributes || {};
    var unasked = 0;
    Object.keys(asked).forEach(function (name) {
      (have[name] || []).forEach(function (value) {
        if (asked[name].indexOf(value) === -1) { unasked += 1; }
      });
    });
    var count = fitted.filter(Boolean).length;
    return [count].concat(fitted.map(Number), [-unasked]);
  }

  function ranksAbove(a, b) {
    for (var i = 0; i < a.length; i += 1) {
      if (a[i] !== b[i]) { return a[i] > b[i]; }
    }
    return false;
  }

  // Layer id -> {tool, fits: [labels], misses: [labels]}; a layer without candidates has no pick.
  function recommend(chosen) {
    var answers = chosenAnswers(chosen);
    var picks = Object.create(null);
    data.layers.forEach(function (layer) {
      var best = null;
      layer.candidates.forEach(function (tool) {
        var score = rank(tool, answers);
        if (best === null || ranksAbove(score, best.rank)) { best = { tool: tool, rank: score }; }
      });
      if (best === null) { return; }
      var fitted = best.rank.slice(1, 1 + answers.length);
      var label = function (answer) { return answer.label; };
      picks[layer.id] = {
        tool: best.tool,
        fits: answers.filter(function (answer, i) { return fitted[i]; }).map(label),
        misses: answers.filter(function (answer, i) { return !fitted[i]; }).map(label)
      };
    });
    return picks;
  }

  function reason(best) {
    var fits = best.fits.join(" \u00b7 "), misses = best.misses.join(" \u00b7 ");
    if (!best.fits.length) { return window.glossarySay("stack_fits_none"); }
    return best.misses.length
      ? window.glossarySay("stack_fits_and_misses", { fits: fits, misses: misses })
      : window.glossarySay("stack_fits", { fits: fits });
  }

  // --- the form and the address ---------------------------------------------------------

  function radios(name) {
    return Array.prototype.filter.call(form.querySelectorAll("input[type=radio]"), function (radio) {
      return radio.name === name;
    });
  }

  function readForm() {
    var chosen = Object.create(null);  // a question may be called "constructor"
    questions.forEach(function (question) {
      radios(question.id).forEach(function (radio) {
        if (radio.checked) { chosen[question.id] = radio.value; }
      });
    });
    return chosen;
  }

  // Checks the answers the address names; an unknown question or answer is left out.
  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    questions.forEach(function (question) {
      var wanted = params.get(question.id);
      var group = radios(question.id);
      if (group.some(function (radio) { return radio.value === wanted; })) {
        group.forEach(function (radio) { radio.checked = radio.value === wanted; });
      }
    });
  }

  function writeAddress(chosen) {
    var params = new URLSearchParams(window.location.search);
    questions.forEach(function (question) { params.delete(question.id); });
    questions.forEach(function (question) {
      if (chosen[question.id]) { params.set(question.id, chosen[question.id]); }
    });
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    try {
      window.history.replaceState(window.history.state, "", address);
    } catch (error) {
      // Some file:// pages refuse it; the stack is still shown.
    }
  }

  // --- the result -----------------------------------------------------------------------

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  // Each layer's elements; its candidate list moves into an "Other candidates" disclosure
  // while a pick is shown, and back out when the answers are incomplete again.
  var layers = [];
  data.layers.forEach(function (layer) {
    var item = null;
    forEach.call(document.querySelectorAll(".stack-layer"), function (node) {
      if (node.getAttribute("data-layer") === layer.id) { item = node; }
    });
    if (!item) { return; }
    var others = element("details", "stack-others");
    var summary = element("summary");
    others.appendChild(summary);
    // Every layer has its "Other candidates (n)": in a screen reader's list of controls they
    // would be told apart by their counts alone, so each is named with its layer's title too.
    var heading = item.querySelector("h3");
    if (heading) {
      heading.id = heading.id || "stack-layer-" + layers.length;
      summary.id = "stack-others-" + layers.length;
      summary.setAttribute("aria-labelledby", summary.id + " " + heading.id);
    }
    layers.push({
      id: layer.id,
      pick: item.querySelector(".stack-pick"),
      list: item.querySelector(".stack-candidates"),
      others: others,
      summary: summary,
      item: item
    });
  });

  function showPick(layer, best) {
    var pick = layer.pick;
    pick.textContent = "";
    // a tool that does not fit every answer is the best there is, not a recommendation
    var label = best.misses.length ? "stack_closest" : "stack_recommended";
    pick.appendChild(element("span", "stack-pick-label", window.glossarySay(label)));
    var link = element("a", "stack-pick-tool", best.tool.title);
    link.href = best.tool.href;
    pick.appendChild(link);
    pick.appendChild(element("span", "stack-pick-summary", best.tool.summary));
    pick.appendChild(element("span", "stack-reason", reason(best)));
    pick.hidden = false;
    layer.item.classList.add("has-pick");
    if (!layer.list) { return; }
    var left = 0;
    forEach.call(layer.list.children, function (entry) {
      var anchor = entry.querySelector("a");
      entry.hidden = anchor !== null && anchor.getAttribute("href") === best.tool.href;
      if (!entry.hidden) { left += 1; }
    });
    if (!layer.others.parentNode) {
      layer.list.parentNode.insertBefore(layer.others, layer.list);
      layer.others.appendChild(layer.list);
      layer.others.open = false;
    }
    layer.summary.textContent = window.glossarySay("stack_other_candidates", { count: left });
    layer.others.hidden = left === 0;
  }

  function clearPick(layer) {
    layer.pick.hidden = true;
    layer.pick.textContent = "";
    layer.item.classList.remove("has-pick");
    if (!layer.list) { return; }
    forEach.call(layer.list.children, function (entry) { entry.hidden = false; });
    if (layer.others.parentNode) {
      layer.others.parentNode.insertBefore(layer.list, layer.others);
      layer.others.parentNode.removeChild(layer.others);
    }
  }

  // The status is a live region. Arrowing through a question's answers checks each in turn,
  // and a screen reader would say the stack of every one of them; so, as the search page does,
  // it is blank while the reader changes answers and says only the last once they pause for a
  // second. Blanking it also makes the same words news again, and a stack whose tools an answer
  // did not change says so, so the reader knows the answer was taken. On loading, the page
  // says what it shows at once: that is its content, not news.
  var telling = null;
  var shownFor = null;  // the answers the status was last written for
  var lastReady = null;  // the stack the status last said, while it says one

  function say(text, ready, answers, quietly) {
    if (!status || answers === shownFor) { return; }  // Enter on an answer changes nothing
    shownFor = answers;
    clearTimeout(telling);
    var write = function () {
      status.textContent = ready && text === lastReady
        ? window.glossarySay("stack_same_tools", { stack: text })
        : text;
      lastReady = ready ? text : null;
    };
    if (quietly) { write(); return; }
    if (status.firstChild) { status.textContent = ""; }
    telling = window.setTimeout(write, 1000);
  }

  function update(quietly) {
    var chosen = readForm();
    var answered = Object.keys(chosen).length;
    var left = questions.length - answered;
    var answers = JSON.stringify(questions.map(function (question) { return chosen[question.id] || null; }));
    writeAddress(chosen);
    if (reset) { reset.hidden = answered === 0; }
    form.classList.toggle("is-complete", left === 0);
    if (left > 0) {
      layers.forEach(clearPick);
      say(answered === 0
        ? window.glossarySay("stack_questions_to_answer", { count: questions.length })
        : window.glossarySay("stack_questions_left", { count: left }), false, answers, quietly);
      return;
    }
    var picks = recommend(chosen);
    var names = [];
    layers.forEach(function (layer) {
      var best = picks[layer.id];
      if (best) {
        showPick(layer, best);
        if (names.indexOf(best.tool.title) === -1) { names.push(best.tool.title); }  // one tool, two layers
      } else {
        clearPick(layer);
      }
    });
    say(names.length
      ? window.glossarySay("stack_ready", { count: names.length, tools: names.join(window.glossarySay("list_separator")) })
      : window.glossarySay("stack_ready_without_tools"), true, answers, quietly);
  }

  form.addEventListener("change", function () { update(false); });
  form.addEventListener("submit", function (event) {
    event.preventDefault(); // everything happens as the answers change
    update(false);
  });
  form.addEventListener("reset", function () {
    // The event comes before the form clears its radios.
    window.setTimeout(function () {
      update(false);
      var first = form.querySelector("input[type=radio]");
      if (first) { first.focus(); }
    }, 0);
  });

  readAddress();
  update(true);
})();
