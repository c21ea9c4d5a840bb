// tei-tools serve: reloads this page when the build changed it, and shows the build's errors.
// Added by the preview server to the pages it sends; never part of the built site.
(() => {
  "use strict";
  const me = document.querySelector("script[data-tei-tools-live]");
  if (!me || !window.EventSource) return;
  const query = new URLSearchParams({
    page: location.pathname, stamp: me.dataset.stamp, assets: me.dataset.assets,
  });
  const source = new EventSource("/__tei-tools/events?" + query);

  // One host element with a shadow root: the site's CSS cannot reach the overlay, nor its CSS
  // the site.
  const host = document.createElement("tei-tools-preview");
  const root = host.attachShadow({ mode: "open" });
  root.innerHTML = `<style>
    :host { all: initial; }
    .badge { position: fixed; right: 1rem; bottom: 1rem; z-index: 2147483647;
      font: 600 0.85rem/1.2 system-ui, sans-serif; background: #1d3557; color: #fff;
      padding: 0.45rem 0.8rem; border-radius: 999px; box-shadow: 0 2px 8px #0004; }
    .overlay { position: fixed; inset: 0; z-index: 2147483647; overflow: auto;
      background: #111c; color: #eee; font: 0.95rem/1.45 system-ui, sans-serif;
      padding: 2rem; box-sizing: border-box; }
    .panel { max-width: 60rem; margin: 0 auto; background: #1b1b1b; border-top: 4px solid #e63946;
      border-radius: 6px; padding: 1.25rem 1.5rem; box-shadow: 0 8px 32px #000a; }
    h2 { margin: 0 0 0.75rem; font-size: 1.15rem; color: #ff8a8a; }
    ol { margin: 0; padding: 0; list-style: none; }
    li { padding: 0.6rem 0; border-top: 1px solid #333; }
    .where { font: 0.9rem/1.4 ui-monospace, monospace; color: #9ecbff; word-break: break-all; }
    .what { margin: 0.2rem 0; }
    .code { color: #aaa; font: 0.85rem ui-monospace, monospace; }
    .hint { color: #c8e6a0; margin: 0.2rem 0 0; }
    .foot { margin: 0.9rem 0 0; color: #aaa; font-size: 0.85rem; }
    button { float: right; font: inherit; background: #333; color: #eee; border: 1px solid #555;
      border-radius: 4px; padding: 0.2rem 0.7rem; cursor: pointer; }
  </style><div class="badge" role="status" hidden>Rebuilding…</div>
  <div class="overlay" hidden>
    <div class="panel" role="alert" aria-labelledby="title"><button type="button">Close</button>
      <h2 id="title">The build failed</h2><ol></ol>
      <p class="foot">Fix the file and save: this page updates by itself. (Esc closes this.)</p>
    </div></div>`;
  const badge = root.querySelector(".badge");
  const overlay = root.querySelector(".overlay");
  const list = root.querySelector("ol");
  const hide = () => { overlay.hidden = true; };
  root.querySelector("button").addEventListener("click", hide);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape") hide(); });

  const item = (problem) => {
    const li = document.createElement("li");
    const add = (cls, text, tag = "div") => {
      const el = li.appendChild(document.createElement(tag));
      el.className = cls;
      el.textContent = text;
      return el;
    };
    add("where", problem.location);
    add("what", `${problem.severity}: ${problem.message} `).appendChild(
      Object.assign(document.createElement("span"), { className: "code",
                                                      textContent: `[${problem.code}]` }));
    if (problem.hint) add("hint", `hint: ${problem.hint}`, "p");
    return li;
  };

  const show = (status) => {
    if (!host.isConnected) document.documentElement.appendChild(host);
    badge.hidden = status.phase !== "building";
    if (status.phase === "failed") {
      list.replaceChildren(...status.problems.map(item));
      root.querySelector("h2").textContent =
        status.message || "The build failed";
      overlay.hidden = false;
    } else if (status.phase === "ok") {
      overlay.hidden = true;
      list.replaceChildren();
    }
    document.documentElement.dataset.teiToolsBuild = status.phase;
  };

  source.addEventListener("status", (e) => show(JSON.parse(e.data)));
  source.addEventListener("reload", () => { source.close(); location.reload(); });
})();
