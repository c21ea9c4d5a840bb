/* tei-tools web edition: progressive enhancement only. Every page works without this file:
   interventions and footnote markers are links to their entries, the index is plain tables
   in pages, the two views are two pages. */
(function () {
  "use strict";

  /* ---------- popovers for interventions and footnotes ---------- */
  var open = null; // {pop, trigger}

  function closePopover(returnFocus) {
    if (!open) return;
    var trigger = open.trigger;
    open.pop.remove();
    trigger.setAttribute("aria-expanded", "false");
    open = null;
    if (returnFocus) trigger.focus();
  }

  function showPopover(trigger, target) {
    closePopover(false);
    var pop = document.createElement("div");
    var id = "popover-" + target.id;
    pop.id = id;
    pop.className = "popover";
    pop.setAttribute("role", "dialog");
    pop.setAttribute("tabindex", "-1");
    var labelText = (target.querySelector(".iv-label") || {}).textContent ||
      (trigger.getAttribute("role") === "doc-noteref" ? "Note" : "Editorial note");
    pop.setAttribute("aria-label", labelText.replace(/\.$/, ""));
    var body = target.cloneNode(true);
    body.removeAttribute("id");
    body.querySelectorAll("[id]").forEach(function (n) { n.removeAttribute("id"); });
    var content = document.createElement("div");
    content.className = "popover-body";
    content.innerHTML = "";
    while (body.firstChild) content.appendChild(body.firstChild);
    pop.appendChild(content);
    var close = document.createElement("button");
    close.type = "button";
    close.className = "close";
    close.setAttribute("aria-label", "Close");
    close.textContent = "×";
    close.addEventListener("click", function () { closePopover(true); });
    pop.appendChild(close);
    document.body.appendChild(pop);
    var r = trigger.getBoundingClientRect();
    var left = Math.max(8, Math.min(window.scrollX + r.left,
      window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 8));
    pop.style.left = left + "px";
    pop.style.top = (window.scrollY + r.bottom + 6) + "px";
    trigger.setAttribute("aria-expanded", "true");
    trigger.setAttribute("aria-controls", id);
    open = {pop: pop, trigger: trigger};
    pop.focus();
  }

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a.iv, a.iv-ref, a[role=doc-noteref]");
    if (a && !a.closest(".popover")) {
      var target = document.getElementById(decodeURIComponent(a.hash.slice(1)));
      if (target) {
        ev.preventDefault();
        if (open && open.trigger === a) { closePopover(true); return; }
        showPopover(a, target);
        return;
      }
    }
    if (open && !open.pop.contains(ev.target)) closePopover(false);
  });

  // a non-modal dialog: when the focus moves on (Tab past its close button), it closes
  document.addEventListener("focusin", function (ev) {
    if (open && !open.pop.contains(ev.target) && ev.target !== open.trigger) closePopover(false);
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && open) { ev.preventDefault(); closePopover(true); return; }
    // the popover sits at the end of <body>: Tab out of it continues after its trigger
    if (ev.key === "Tab" && open && open.pop.contains(ev.target)) {
      var stops = Array.prototype.slice.call(open.pop.querySelectorAll("a[href], button"));
      var last = stops[stops.length - 1], first = open.pop;
      if ((!ev.shiftKey && ev.target === last) || (ev.shiftKey && ev.target === first)) {
        ev.preventDefault();
        var trigger = open.trigger;
        closePopover(false);
        if (ev.shiftKey) { trigger.focus(); return; }
        var all = Array.prototype.slice.call(document.querySelectorAll(
          "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"));
        var next = all[all.indexOf(trigger) + 1];
        (next || trigger).focus();
      }
    }
  });

  function markTriggers() {
    document.querySelectorAll("a.iv, a.iv-ref, a[role=doc-noteref]").forEach(function (a) {
      a.setAttribute("aria-haspopup", "dialog");
      a.setAttribute("aria-expanded", "false");
    });
  }

  /* ---------- document index: sort and filter across the whole edition ---------- */
  // The page's table holds one part of the index; index/data.js (a script, so that it loads
  // from disk too) holds every document's row. Once it is there, the filters and the column
  // buttons work on all rows, shown PAGE at a time; with no filter and the date order the
  // page's own rows come back.
  var PAGE = 250;
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];

  function dateLabel(iso) { // as tt:date-label (xslt/common/dates.xsl)
    var p = iso.split("-");
    if (p.length === 3) return parseInt(p[2], 10) + " " + MONTHS[parseInt(p[1], 10) - 1] + " " + p[0];
    if (p.length === 2) return MONTHS[parseInt(p[1], 10) - 1] + " " + p[0];
    return p[0];
  }

  function setupIndex() {
    var table = document.querySelector("table.doc-index");
    if (!table || !table.getAttribute("data-source")) return;
    if (window.teiToolsIndex) { wireIndex(table, window.teiToolsIndex); return; }
    function load() {
      var script = document.createElement("script");
      script.src = table.getAttribute("data-source");
      script.onload = function () { if (window.teiToolsIndex) wireIndex(table, window.teiToolsIndex); };
      document.head.appendChild(script);
    }
    // after the page itself has loaded: the rows of every document are for the filters,
    // which the page's own table does not wait for
    if (document.readyState === "complete") load();
    else window.addEventListener("load", load);
  }

  function wireIndex(table, data) {
    var root = table.getAttribute("data-root") || "";
    var tbody = table.tBodies[0];
    var own = Array.prototype.slice.call(tbody.rows);
    var columns = Array.prototype.map.call(table.querySelectorAll("th[data-sort]"),
      function (th) { return th.dataset.sort; });
    var rows = data.rows.map(function (r, i) {
      return {id: r[0], date: r[1], title: r[2], type: data.types[r[3]] || "",
        archive: data.archives[r[4]] || "", shelfmark: r[5] || "", year: r[1].slice(0, 4),
        lower: r[2].toLowerCase(), n: i};
    });
    var form = document.querySelector("form.filters");
    var count = form && form.querySelector(".filter-count");
    var statics = document.querySelectorAll("nav.parts, nav.parts-prev-next");
    var sort = {key: "date", asc: true};
    var page = 0;
    var pager = document.createElement("nav");
    pager.className = "results-pager";
    pager.setAttribute("aria-label", "Pages of the results");
    pager.hidden = true;
    var prev = document.createElement("button"), next = document.createElement("button");
    var where = document.createElement("span");
    prev.type = next.type = "button";
    prev.textContent = "← Previous";
    next.textContent = "Next →";
    pager.appendChild(prev); pager.appendChild(where); pager.appendChild(next);
    table.parentNode.insertAdjacentElement("afterend", pager);

    function cell(tr, cls, text) {
      var td = document.createElement("td");
      td.className = cls;
      if (text !== undefined) td.textContent = text;
      tr.appendChild(td);
      return td;
    }

    function makeRow(r) {
      var tr = document.createElement("tr");
      var date = cell(tr, "date");
      if (r.date) {
        var t = document.createElement("time");
        t.setAttribute("datetime", r.date);
        t.textContent = dateLabel(r.date);
        date.appendChild(t);
      } else date.textContent = "undated";
      var a = document.createElement("a");
      a.href = root + "documents/" + encodeURIComponent(r.id) + ".html";
      a.textContent = r.title;
      cell(tr, "title").appendChild(a);
      if (columns.indexOf("type") !== -1) cell(tr, "type", r.type);
      if (columns.indexOf("archive") !== -1) {
        var td = cell(tr, "archive", r.archive);
        if (r.shelfmark) {
          var s = document.createElement("span");
          s.className = "shelfmark";
          s.textContent = r.shelfmark;
          td.appendChild(s);
        }
      }
      return tr;
    }

    function compare(key) {
      return function (a, b) {
        var x = key === "title" ? a.lower : a[key] || "\uffff";
        var y = key === "title" ? b.lower : b[key] || "\uffff";
        var c = x < y ? -1 : x > y ? 1 : 0;
        if (c === 0) c = a.n - b.n; // edition order: by date, then docid
        return sort.asc ? c : -c;
      };
    }

    function apply(keepPage) {
      var f = form ? new FormData(form) : new Map();
      var type = f.get("type") || "", archive = f.get("archive") || "", year = f.get("year") || "";
      var q = (f.get("q") || "").toLowerCase().trim();
      var active = type || archive || year || q || sort.key !== "date" || !sort.asc;
      statics.forEach(function (n) { n.hidden = !!active; });
      if (!active) {
        pager.hidden = true;
        tbody.replaceChildren.apply(tbody, own);
        if (count) count.textContent = rows.length + " documents";
        return;
      }
      var found = rows.filter(function (r) {
        return (!type || r.type === type) && (!archive || r.archive === archive) &&
          (!year || r.year === year) && (!q || r.lower.indexOf(q) !== -1);
      });
      if (sort.key !== "date" || !sort.asc) found.sort(compare(sort.key));
      var pages = Math.max(1, Math.ceil(found.length / PAGE));
      if (!keepPage) page = 0;
      page = Math.min(page, pages - 1);
      var shown = found.slice(page * PAGE, (page + 1) * PAGE);
      tbody.replaceChildren.apply(tbody, shown.map(makeRow));
      if (count) count.textContent = found.length + " of " + rows.length + " documents";
      pager.hidden = pages < 2;
      where.textContent = found.length ? " " + (page * PAGE + 1) + "–" +
        (page * PAGE + shown.length) + " of " + found.length + " " : "";
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
    }

    prev.addEventListener("click", function () { page--; apply(true); });
    next.addEventListener("click", function () { page++; apply(true); table.scrollIntoView(); });

    if (form) {
      form.hidden = false;
      form.addEventListener("input", function () { apply(false); });
      form.addEventListener("change", function () { apply(false); });
      form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    }

    table.querySelectorAll("th[data-sort]").forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = th.textContent;
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th[data-sort]").forEach(function (o) { o.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        sort = {key: th.dataset.sort, asc: asc};
        apply(false);
      });
    });
    apply(false);
  }

  /* ---------- view switch: stay at the same place of the text ---------- */
  // Both views give the same ids to entries, numbered paragraphs and interventions, so the
  // other view can open at the first of them that is on screen.
  function setupViewSwitch() {
    document.querySelectorAll(".view-switch a").forEach(function (a) {
      a.addEventListener("click", function () {
        var text = document.querySelector(".doc-text");
        if (!text || text.getBoundingClientRect().top >= 0) return; // still at the top
        // the last marked element at or above the top of the window (else the first below)
        var marks = text.querySelectorAll("[id]"), best = null;
        for (var i = 0; i < marks.length; i++) {
          if (marks[i].getBoundingClientRect().top <= 80) best = marks[i];
          else { best = best || marks[i]; break; }
        }
        if (best) a.hash = best.id;
      });
    });
  }

  /* ---------- citation: copy button ---------- */
  function setupCopy() {
    var cite = document.getElementById("cite-chicago");
    if (!cite || !navigator.clipboard) return;
    var b = document.createElement("button");
    b.type = "button";
    b.className = "copy-btn";
    b.textContent = "Copy citation";
    b.addEventListener("click", function () {
      navigator.clipboard.writeText(cite.textContent).then(function () { b.textContent = "Copied"; });
    });
    cite.insertAdjacentElement("afterend", b);
  }

  /* ---------- search (pagefind UI, shipped in SITE/pagefind/) ---------- */
  function setupSearch() {
    var el = document.getElementById("search");
    if (!el || typeof window.PagefindUI === "undefined") return;
    var options = {
      // the bundle path is found from pagefind-ui.js's own URL (SITE/pagefind/)
      element: "#search", showSubResults: true, showImages: false, resetStyles: false
    };
    // a large edition's index comes in parts (SITE/pagefind/parts/N/), merged here; pagefind
    // loads them by URL, so make them absolute (relative to this page, not to pagefind-ui.js)
    var more = (el.getAttribute("data-merge-bundles") || "").split(/\s+/).filter(Boolean);
    if (more.length) {
      options.mergeIndex = more.map(function (path) {
        return {bundlePath: new URL(path, document.baseURI).href};
      });
    }
    new window.PagefindUI(options);
    var field = el.querySelector("input");
    if (field) field.id = "search-input";
    var params = new URLSearchParams(window.location.search);
    var q = params.get("q");
    if (q) {
      if (field) { field.value = q; field.dispatchEvent(new Event("input", {bubbles: true})); }
    }
  }

  function init() {
    markTriggers();
    setupIndex();
    setupCopy();
    setupViewSwitch();
    setupSearch();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
