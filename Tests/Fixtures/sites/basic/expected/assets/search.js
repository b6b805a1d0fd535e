// Prepress site search: reads the index the build wrote under search/ (format: docs/search.md), only the
// parts a query needs, once the visitor focuses a search box or opens /search/. No framework, no build step.
(function () {
  "use strict";
  if (!window.fetch || !window.TextDecoder || !document.querySelector) return;

  var MAX_WORD = 64;
  var HEADER_RESULTS = 5;
  var PAGE_RESULTS = 10;

  // The results' stylesheet, beside this script: loaded when a visitor first uses the header box (the search
  // page links it itself). Results wait for it, so they never show unstyled; an error lets them show anyway.
  var scriptURL = document.currentScript && document.currentScript.src;
  var stylesheet = null;
  function loadStyles() {
    if (stylesheet) return stylesheet;
    var href = scriptURL ? scriptURL.replace(/search\.js([?#].*)?$/, "search.css") : null;
    var present = Array.prototype.some.call(document.querySelectorAll("link[rel=stylesheet]"), function (link) {
      return link.href === href;
    });
    stylesheet = new Promise(function (resolve) {
      if (!href || present) return resolve();
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.onload = link.onerror = function () { resolve(); };
      document.head.appendChild(link);
    });
    return stylesheet;
  }

  // ---- Words: the same rules as the index (Sources/PrepressBuild/Search/SearchText.swift) ----

  function isPaired(c) {
    return (c >= 0x3005 && c <= 0x3007) || (c >= 0x3041 && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff) ||
      (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0x20000 && c <= 0x2fa1f) || (c >= 0x30000 && c <= 0x3134f);
  }
  var LETTER = /[\p{L}\p{N}]/u;
  var MARK = /\p{M}/gu;
  var encoder = new TextEncoder();

  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(MARK, "").replace(/ς/g, "σ");
  }

  // The folded words of a text, in order.
  function words(text) {
    var out = [], word = "", latinEnd = false, last = "", lastUsed = false;
    function endWord() {
      if (word && encoder.encode(word).length <= MAX_WORD) out.push(word);
      word = ""; latinEnd = false;
    }
    function endPaired() {
      if (last && !lastUsed) out.push(last);
      last = ""; lastUsed = false;
    }
    for (var ch of fold(text)) {
      var c = ch.codePointAt(0);
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        endPaired(); word += ch; latinEnd = true;
      } else if (c === 43 || c === 35) {
        if (latinEnd && word) word += ch; else endWord();
        endPaired();
      } else if (isPaired(c)) {
        endWord();
        if (last) { out.push(last + ch); lastUsed = true; } else { lastUsed = false; }
        last = ch;
      } else if (c >= 128 && LETTER.test(ch)) {
        endPaired(); word += ch; latinEnd = false;
      } else {
        endWord(); endPaired();
      }
    }
    endWord(); endPaired();
    return out;
  }

  // ---- The index ----

  function Index(url) {
    this.base = url.replace(/[^/]*$/, "");
    this.url = url;
    this.meta = null;
    this.shards = {};
    this.chunks = {};
    this.facets = null;
  }
  Index.prototype.load = function () {
    var self = this;
    if (!this.loading) {
      this.loading = fetch(this.url).then(function (r) {
        if (!r.ok) throw new Error("search index: " + r.status);
        return r.json();
      }).then(function (meta) { self.meta = meta; self.keys = new Set(meta.shards); return meta; });
    }
    return this.loading;
  };
  function hex(key) {
    return Array.prototype.map.call(encoder.encode(key), function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }
  // The shard keys a word needs: the longest key it starts with, and for a prefix every longer key under it.
  Index.prototype.keysFor = function (word, prefix) {
    var chars = Array.from(word), found = [];
    for (var n = chars.length; n >= 1; n--) {
      var key = chars.slice(0, n).join("");
      if (this.keys.has(key)) { found.push(key); break; }
    }
    if (prefix) {
      this.meta.shards.forEach(function (key) { if (key.length > word.length && key.indexOf(word) === 0) found.push(key); });
    }
    return found;
  };
  Index.prototype.shard = function (key) {
    if (!this.shards[key]) {
      this.shards[key] = fetch(this.base + "t/" + hex(key) + ".bin").then(function (r) {
        if (!r.ok) throw new Error("search shard: " + r.status);
        return r.arrayBuffer();
      }).then(parseShard);
    }
    return this.shards[key];
  };
  function varint(bytes, at) {
    var value = 0, shift = 0, b;
    do { b = bytes[at.i++]; value += (b & 0x7f) * Math.pow(2, shift); shift += 7; } while (b & 0x80);
    return value;
  }
  var decoder = new TextDecoder();
  // word -> { docs: [..], impacts: [..] }
  function parseShard(buffer) {
    var bytes = new Uint8Array(buffer), at = { i: 0 }, map = new Map();
    while (at.i < bytes.length) {
      var length = varint(bytes, at);
      var word = decoder.decode(bytes.subarray(at.i, at.i + length));
      at.i += length;
      var count = varint(bytes, at), docs = new Uint32Array(count), impacts = new Uint8Array(count), doc = 0;
      for (var k = 0; k < count; k++) { doc += varint(bytes, at); docs[k] = doc; impacts[k] = bytes[at.i++]; }
      map.set(word, { docs: docs, impacts: impacts });
    }
    return map;
  }
  Index.prototype.chunk = function (number) {
    if (!this.chunks[number]) {
      this.chunks[number] = fetch(this.base + "d/" + number + ".json").then(function (r) {
        if (!r.ok) throw new Error("search data: " + r.status);
        return r.json();
      });
    }
    return this.chunks[number];
  };
  Index.prototype.documents = function (numbers) {
    var self = this, size = this.meta.chunk;
    return Promise.all(numbers.map(function (n) {
      return self.chunk(Math.floor(n / size)).then(function (docs) { return docs[n % size]; });
    }));
  };
  Index.prototype.loadFacets = function () {
    var self = this;
    if (!this.facets) {
      this.facets = fetch(this.base + "facets.bin").then(function (r) { return r.arrayBuffer(); }).then(function (buffer) {
        var bytes = new Uint8Array(buffer), at = { i: 0 }, list = [];
        for (var d = 0; d < self.meta.documents; d++) {
          var c = varint(bytes, at) - 1, v = varint(bytes, at) - 1, n = varint(bytes, at), tags = [];
          for (var k = 0; k < n; k++) tags.push(varint(bytes, at));
          list.push({ c: c, v: v, g: tags });
        }
        return list;
      });
    }
    return this.facets;
  };

  // A query's guides, best first: BM25F impacts from the index times each word's idf, added up over the
  // query's words. Every word must match; when no guide has them all, guides with some of them are given.
  Index.prototype.search = function (query) {
    var self = this;
    var list = words(query);
    if (!list.length) return Promise.resolve({ words: [], ranked: [], all: true });
    var trailingSpace = /\s$/.test(query);
    var parts = list.map(function (word, i) {
      var chars = Array.from(word);
      var prefix = i === list.length - 1 && !trailingSpace && (chars.length >= 2 || isPaired(word.codePointAt(0)));
      return { word: word, prefix: prefix };
    });
    return this.load().then(function () {
      return Promise.all(parts.map(function (part) {
        return Promise.all(self.keysFor(part.word, part.prefix).map(function (key) { return self.shard(key); }));
      }));
    }).then(function (shardsPerPart) {
      var n = self.meta.documents;
      var scores = parts.map(function (part, i) {
        var perDoc = new Map();
        shardsPerPart[i].forEach(function (shard) {
          shard.forEach(function (entry, word) {
            var exact = word === part.word;
            if (!exact && !(part.prefix && word.indexOf(part.word) === 0)) return;
            var count = entry.docs.length;
            var idf = Math.log(1 + (n - count + 0.5) / (count + 0.5)) * (exact ? 1 : 0.85);
            for (var k = 0; k < count; k++) {
              var s = idf * entry.impacts[k] / 255, d = entry.docs[k];
              if (!(perDoc.get(d) >= s)) perDoc.set(d, s);
            }
          });
        });
        return perDoc;
      });
      var total = new Map(), all = true;
      scores[0].forEach(function (s, d) {
        var sum = s;
        for (var i = 1; i < scores.length; i++) {
          var t = scores[i].get(d);
          if (t === undefined) return;
          sum += t;
        }
        total.set(d, sum);
      });
      if (!total.size && scores.length > 1) {
        all = false;
        scores.forEach(function (perDoc) { perDoc.forEach(function (s, d) { total.set(d, (total.get(d) || 0) + s); }); });
      }
      var ranked = Array.from(total.keys()).sort(function (a, b) { return total.get(b) - total.get(a) || a - b; });
      return { words: parts, ranked: ranked, all: all };
    });
  };

  // ---- Showing results ----

  // Whether a folded word of the text matches a part of the query.
  function matches(word, parts) {
    return parts.some(function (p) { return word === p.word || (p.prefix && word.indexOf(p.word) === 0); });
  }
  var WORDISH = /[\p{L}\p{N}]+[+#]*/gu;
  // Appends `text` to `element`, the words that match the query marked.
  function appendMarked(element, text, parts) {
    var at = 0, m;
    WORDISH.lastIndex = 0;
    while ((m = WORDISH.exec(text))) {
      var folded = words(m[0]);
      if (folded.length && folded.every(function (w) { return matches(w, parts); })) {
        if (m.index > at) element.appendChild(document.createTextNode(text.slice(at, m.index)));
        var mark = document.createElement("mark");
        mark.textContent = m[0];
        element.appendChild(mark);
        at = m.index + m[0].length;
      }
    }
    if (at < text.length) element.appendChild(document.createTextNode(text.slice(at)));
  }
  function matchCount(text, parts) {
    return words(text).filter(function (w) { return matches(w, parts); }).length;
  }
  // The part of a guide's texts that holds the most matched words, cut to about 160 characters around them.
  function excerpt(doc, parts) {
    var texts = [doc.d || "", doc.x || ""].concat(doc.q.map(function (q) { return q[2]; }));
    var best = texts[0] || texts[1], bestCount = -1;
    texts.forEach(function (t) { var c = matchCount(t, parts); if (c > bestCount) { best = t; bestCount = c; } });
    if (best.length <= 180) return best;
    var first = 0;
    WORDISH.lastIndex = 0;
    var m;
    while ((m = WORDISH.exec(best))) { if (words(m[0]).some(function (w) { return matches(w, parts); })) { first = m.index; break; } }
    var start = Math.max(0, first - 60), end = Math.min(best.length, start + 180);
    return (start > 0 ? "…" : "") + best.slice(start, end).replace(/^\S*\s/, start > 0 ? "" : "$&") + (end < best.length ? "…" : "");
  }
  function matchingQuestions(doc, parts, limit) {
    return doc.q.filter(function (q) { return matchCount(q[0], parts) || matchCount(q[2], parts); }).slice(0, limit);
  }
  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var indexes = {};
  function indexFor(form) {
    var url = form.getAttribute("data-search-index");
    return indexes[url] || (indexes[url] = new Index(url));
  }

  // ---- The header box: a combobox with a list of results as you type ----

  function setUpHeader(form) {
    var input = form.querySelector("input[name=q]");
    var popup = form.querySelector("[role=listbox]");
    var status = form.querySelector("[data-search-status]");
    if (!input || !popup) return;
    var index = indexFor(form), options = [], active = -1, generation = 0;
    input.addEventListener("focus", function () { loadStyles(); index.load().catch(function () {}); }, { once: true });

    function close() {
      popup.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function activate(i) {
      if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
      active = i;
      if (i >= 0 && options[i]) {
        options[i].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", options[i].id);
        options[i].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }
    function option(href, className) {
      var o = el("div", className);
      o.setAttribute("role", "option");
      o.setAttribute("aria-selected", "false");
      o.id = "site-search-option-" + options.length;
      o.setAttribute("data-href", href);
      o.addEventListener("mousedown", function (event) { event.preventDefault(); window.location.href = href; });
      options.push(o);
      return o;
    }
    function searchPage(q) { return form.action + (form.action.indexOf("?") < 0 ? "?" : "&") + "q=" + encodeURIComponent(q); }

    function run() {
      var q = input.value, mine = ++generation;
      if (!q.trim()) { close(); status.textContent = ""; return; }
      Promise.all([index.search(q), loadStyles()]).then(function (found) {
        var result = found[0];
        if (mine !== generation) return;
        var top = result.ranked.slice(0, HEADER_RESULTS);
        return index.documents(top).then(function (docs) {
          if (mine !== generation) return;
          popup.textContent = "";
          options = [];
          active = -1;
          docs.forEach(function (doc) {
            var o = option(doc.u, "search-option");
            var title = el("span", "search-option-title");
            appendMarked(title, doc.t, result.words);
            o.appendChild(title);
            var text = el("span", "search-option-excerpt");
            appendMarked(text, excerpt(doc, result.words), result.words);
            o.appendChild(text);
            popup.appendChild(o);
            matchingQuestions(doc, result.words, 2).forEach(function (question) {
              var qo = option(doc.u + "#" + question[1], "search-option search-option-question");
              appendMarked(qo, question[0], result.words);
              popup.appendChild(qo);
            });
          });
          var more = option(searchPage(q), "search-option search-option-all");
          more.textContent = result.ranked.length ? (result.ranked.length === 1 ? "The one result" : "All " + result.ranked.length + " results") + " for “" + q + "”" : "No guide matches “" + q + "”: search page";
          popup.appendChild(more);
          popup.hidden = false;
          input.setAttribute("aria-expanded", "true");
          status.textContent = result.ranked.length
            ? result.ranked.length + " guide" + (result.ranked.length === 1 ? "" : "s") + " found; use the arrow keys to go through them"
            : "No guide found";
        });
      }).catch(function () { status.textContent = "Search is not available right now"; });
    }
    input.addEventListener("input", run);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (popup.hidden) { run(); return; }
        event.preventDefault();
        var n = options.length;
        if (!n) return;
        activate(event.key === "ArrowDown" ? (active + 1) % n : (active <= 0 ? n - 1 : active - 1));
      } else if (event.key === "Enter" && active >= 0 && options[active]) {
        event.preventDefault();
        window.location.href = options[active].getAttribute("data-href");
      } else if (event.key === "Escape") {
        if (!popup.hidden) { event.preventDefault(); close(); }
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  // ---- The search page: results for ?q=, with filters ----

  function setUpPage(root) {
    var form = root.querySelector("form[data-search-index]");
    var input = form.querySelector("input[name=q]");
    var status = root.querySelector("[data-search-status]");
    var list = root.querySelector("[data-search-results]");
    var filters = root.querySelector("[data-search-filters]");
    var browse = root.querySelector("[data-search-browse]");
    var moreButton = root.querySelector("[data-search-more]");
    var index = indexFor(form), chosen = { c: -1, v: -1, g: -1 }, shown = 0, current = null, generation = 0;
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";

    function filtered(result, facets) {
      return result.ranked.filter(function (d) {
        var f = facets[d];
        return (chosen.c < 0 || f.c === chosen.c) && (chosen.v < 0 || f.v === chosen.v) && (chosen.g < 0 || f.g.indexOf(chosen.g) >= 0);
      });
    }
    function renderFilters(result, facets) {
      filters.textContent = "";
      var ranked = filtered(result, facets);
      [["c", "Category", index.meta.categories], ["v", "Vertical", index.meta.verticals], ["g", "Tag", index.meta.tags]].forEach(function (spec) {
        var key = spec[0], names = spec[2], counts = new Map();
        ranked.forEach(function (d) {
          var f = facets[d], values = key === "g" ? f.g : (f[key] >= 0 ? [f[key]] : []);
          values.forEach(function (v) { counts.set(v, (counts.get(v) || 0) + 1); });
        });
        if (!counts.size && chosen[key] < 0) return;
        var group = el("fieldset", "search-filter");
        group.appendChild(el("legend", "", spec[1]));
        var values = Array.from(counts.keys()).sort(function (a, b) { return counts.get(b) - counts.get(a) || a - b; }).slice(0, 12);
        if (chosen[key] >= 0 && values.indexOf(chosen[key]) < 0) values.unshift(chosen[key]);
        values.forEach(function (v) {
          var label = el("label", "search-filter-value");
          var box = el("input");
          box.type = "checkbox";
          box.checked = chosen[key] === v;
          box.addEventListener("change", function () { chosen[key] = box.checked ? v : -1; show(current, facets); });
          label.appendChild(box);
          label.appendChild(document.createTextNode(" " + names[v][0] + " (" + (counts.get(v) || 0) + ")"));
          group.appendChild(label);
        });
        filters.appendChild(group);
      });
      filters.hidden = !filters.children.length;
    }
    function appendResults(ranked, parts) {
      var next = ranked.slice(shown, shown + PAGE_RESULTS);
      shown += next.length;
      moreButton.hidden = shown >= ranked.length;
      return index.documents(next).then(function (docs) {
        docs.forEach(function (doc) {
          var item = el("li", "search-result");
          var heading = el("h2", "search-result-title");
          var link = el("a");
          link.href = doc.u;
          appendMarked(link, doc.t, parts);
          heading.appendChild(link);
          item.appendChild(heading);
          var where = [doc.c !== undefined ? index.meta.categories[doc.c][0] : null, doc.v !== undefined ? index.meta.verticals[doc.v][0] : null]
            .filter(Boolean).join(" · ");
          if (where) item.appendChild(el("p", "search-result-meta", where));
          var text = el("p", "search-result-excerpt");
          appendMarked(text, excerpt(doc, parts), parts);
          item.appendChild(text);
          var questions = matchingQuestions(doc, parts, 3);
          if (questions.length) {
            var ql = el("ul", "search-result-questions");
            questions.forEach(function (question) {
              var li = el("li"), a = el("a");
              a.href = doc.u + "#" + question[1];
              appendMarked(a, question[0], parts);
              li.appendChild(a);
              ql.appendChild(li);
            });
            item.appendChild(ql);
          }
          list.appendChild(item);
        });
      });
    }
    function show(result, facets) {
      list.textContent = "";
      shown = 0;
      renderFilters(result, facets);
      var ranked = filtered(result, facets);
      browse.hidden = ranked.length > 0;
      if (!ranked.length) {
        status.textContent = "No guide matches “" + input.value + "”. Try other words, or browse the guides below.";
        moreButton.hidden = true;
        return Promise.resolve();
      }
      status.textContent = ranked.length + " guide" + (ranked.length === 1 ? "" : "s") + " for “" + input.value + "”" +
        (result.all ? "" : " (no guide has every word; these have some)");
      return appendResults(ranked, result.words);
    }
    function run() {
      var q = input.value, mine = ++generation;
      var url = new URL(window.location.href);
      if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
      window.history.replaceState(null, "", url);
      if (!q.trim()) { list.textContent = ""; filters.hidden = true; status.textContent = "Type a word to search the guides and their questions."; moreButton.hidden = true; return; }
      Promise.all([index.search(q), index.load().then(function () { return index.loadFacets(); })]).then(function (both) {
        if (mine !== generation) return;
        current = both[0];
        return show(both[0], both[1]);
      }).catch(function () { status.textContent = "Search is not available right now."; });
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    input.addEventListener("input", run);
    moreButton.addEventListener("click", function () {
      index.loadFacets().then(function (facets) { return appendResults(filtered(current, facets), current.words); });
    });
    run();
  }

  document.querySelectorAll("form.site-search[data-search-index]").forEach(setUpHeader);
  var page = document.querySelector("[data-search-page]");
  if (page) setUpPage(page);

  // For tests and tools: the tokenizer the index was built with, and a query's best guides (terms and links).
  window.prepressSearch = {
    words: words,
    search: function (query, limit) {
      var form = document.querySelector("form[data-search-index]");
      if (!form) return Promise.resolve([]);
      var index = indexFor(form);
      return index.search(query).then(function (result) {
        return index.documents(result.ranked.slice(0, limit || 10));
      }).then(function (docs) { return docs.map(function (d) { return { term: d.t, url: d.u }; }); });
    }
  };
})();
