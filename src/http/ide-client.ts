/**
 * The script the IDE page runs before GraphiQL starts (plain browser JavaScript, kept as text: it is never run by
 * Node). It reads the page's configuration from the JSON block `#ide-config` and:
 *
 * - **Tabs**: the examples, as the gateway has them now, are always the first tabs; the user's own tabs (new ones,
 *   and examples the user edited) follow, from GraphiQL's localStorage. A stored tab whose text is an example this
 *   browser was shown (this version or an earlier one) is that example unedited, and is replaced by the current
 *   one, so an updated example is never hidden behind a stale copy. GraphiQL is given a storage that hides its
 *   stored tab state from it (it would otherwise ignore the tabs given to it, and its own matching of the stored
 *   state adds a copy of a tab on some reloads); it writes the state as usual. Headers are never stored (shouldPersistHeaders: false): a user's tab gets the default headers again.
 * - **Runs**: GraphiQL updates the operation name 100 ms after an edit, and a run sooner (Ctrl-Enter right after
 *   typing, just after switching tabs) used the name from the text before: "Cannot infer operation CitizensOfHanoi".
 *   The fetcher sends an operation name only when the text being run defines it.
 * - A shared link `/?query=…` opens its query as the first tab.
 */
export const IDE_CLIENT_SCRIPT = String.raw`(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("ide-config").textContent);
  var TABS_KEY = "graphiql:tabState";
  var SEEN_KEY = "ndaf-gateway:ide:examples";
  // Read by GraphiQL as it starts, where they would override the tabs given to it (and nowhere else that matters).
  var HIDDEN = [TABS_KEY, "graphiql:query", "graphiql:variables", "graphiql:headers"];

  function read(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }
  function write(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (e) {
      // Storage full or refused: tabs are simply not remembered.
    }
  }
  function parse(text, fallback) {
    try {
      return text ? JSON.parse(text) : fallback;
    } catch (e) {
      return fallback;
    }
  }

  // A tab's text, the same whatever GraphiQL stored for an empty variables editor (null or "").
  function fingerprint(query, variables) {
    var text = (query || "") + "\u0001" + (variables || "");
    var hash = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    return (hash >>> 0).toString(36) + ":" + text.length;
  }

  // Names of the operations the text defines, in order ("" for an anonymous one); fragments are not operations.
  function operationNames(text) {
    var names = [];
    var depth = 0;
    var parens = 0;
    var pending = null; // { kind, name, afterKeyword } between a definition's keyword and its selection set
    var token = /#[^\n\r]*|"""[\s\S]*?"""|"(?:[^"\\\n\r]|\\.)*"|[_A-Za-z][_0-9A-Za-z]*|[^\s,]/g;
    var match;
    while ((match = token.exec(text || ""))) {
      var t = match[0];
      if (t.charAt(0) === "#" || t.charAt(0) === '"') continue;
      if (depth === 0 && parens === 0 && pending && pending.afterKeyword) {
        pending.afterKeyword = false;
        if (/^[_A-Za-z]/.test(t)) {
          pending.name = t;
          continue;
        }
      }
      if (t === "(") parens++;
      else if (t === ")") parens = Math.max(0, parens - 1);
      else if (t === "{" && parens === 0) {
        if (depth === 0) {
          if (!pending) names.push("");
          else if (pending.kind !== "fragment") names.push(pending.name || "");
          pending = null;
        }
        depth++;
      } else if (t === "}" && parens === 0) depth = Math.max(0, depth - 1);
      else if (depth === 0 && parens === 0 && /^(query|mutation|subscription|fragment)$/.test(t) && !pending) {
        pending = { kind: t, name: null, afterKeyword: true };
      }
    }
    return names;
  }

  function fetcher(params, options) {
    var names = operationNames(params.query);
    var name = params.operationName || undefined;
    if (name && names.indexOf(name) === -1) name = names.length === 1 ? names[0] || undefined : undefined;
    var headers = { "content-type": "application/json", accept: "application/graphql-response+json, application/json" };
    var extra = (options && options.headers) || {};
    for (var key in extra) if (Object.prototype.hasOwnProperty.call(extra, key)) headers[key] = extra[key];
    return fetch(config.endpoint, {
      method: "POST",
      headers: headers,
      body: JSON.stringify({ query: params.query, variables: params.variables, operationName: name }),
    }).then(function (response) {
      return response.text().then(function (text) {
        try {
          return JSON.parse(text);
        } catch (e) {
          return { errors: [{ message: "HTTP " + response.status + " from the gateway, not JSON: " + text.slice(0, 500) }] };
        }
      });
    });
  }

  var examples = config.examples.map(function (e) {
    return { query: e.query, variables: e.variables, headers: e.headers };
  });
  var seen = parse(read(SEEN_KEY), []);
  if (!Array.isArray(seen)) seen = [];
  var known = {};
  seen.concat(examples.map(function (e) { return fingerprint(e.query, e.variables); })).forEach(function (f) { known[f] = true; });
  write(SEEN_KEY, JSON.stringify(Object.keys(known).slice(-500)));

  var url = new URL(window.location.href);
  var shared = url.searchParams.get("query");
  var own = [];
  var kept = {};
  function keep(query, variables) {
    var f = fingerprint(query, variables);
    if (!query || !query.trim() || known[f] || kept[f]) return;
    kept[f] = true;
    own.push({ query: query, variables: variables || null, headers: null });
  }
  if (shared) keep(shared, null);
  var stored = parse(read(TABS_KEY), null);
  if (stored && Array.isArray(stored.tabs)) {
    stored.tabs.forEach(function (tab) {
      if (tab && typeof tab.query === "string") keep(tab.query, typeof tab.variables === "string" ? tab.variables : null);
    });
  }
  var sharedTab = shared && own.length && own[0].query === shared ? own.shift() : null;
  var tabs = (sharedTab ? [sharedTab] : []).concat(examples, own);
  if (shared) {
    url.searchParams.delete("query");
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
  }

  var storage = {
    getItem: function (key) {
      return HIDDEN.indexOf(key) !== -1 ? null : read(key);
    },
    setItem: function (key, value) {
      write(key, value);
    },
    removeItem: function (key) {
      try {
        window.localStorage.removeItem(key);
      } catch (e) {}
    },
    clear: function () {
      try {
        Object.keys(window.localStorage).forEach(function (key) {
          if (key.indexOf("graphiql:") === 0) window.localStorage.removeItem(key);
        });
      } catch (e) {}
    },
    get length() {
      try {
        return window.localStorage.length;
      } catch (e) {
        return 0;
      }
    },
  };

  var options = config.graphiql;
  options.defaultTabs = tabs;
  // The first tab's variables editor is filled from this option, not from the tab.
  options.variables = tabs[0].variables || undefined;
  options.fetcher = fetcher;
  options.storage = storage;
  // Yoga writes every edit into the address bar (?query=); a reload would then open a copy of the tab edited last.
  options.onEditQuery = function () {};

  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: function (moduleId, label) {
      return config.workers[label];
    },
  };
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById("root"), options);
})();
`;
