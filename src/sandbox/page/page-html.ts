/** The sandbox page's HTML shell; messages, Home and dialogs are filled in by /sandbox.js. */
export const pageHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>certcheck sandbox</title>
<link rel="stylesheet" href="/sandbox.css">
<script src="/sandbox.js" defer></script>
</head>
<body>
<a class="skip-link" href="#composer-input">Skip to the message box</a>
<header class="top">
  <h1>certcheck <span class="top-tag">sandbox</span></h1>
  <p class="tagline">The real certcheck app, answering here instead of in Slack. Everything stays on this machine.</p>
</header>
<div class="layout">
  <div class="workspace">
    <div class="tabs" role="tablist" aria-label="certcheck">
      <button type="button" role="tab" id="tab-messages" aria-controls="panel-messages" aria-selected="true">Messages</button>
      <button type="button" role="tab" id="tab-home" aria-controls="panel-home" aria-selected="false" tabindex="-1">Home</button>
    </div>
    <section id="panel-messages" role="tabpanel" aria-labelledby="tab-messages">
      <div class="toolbar">
        <label for="channel-select">Channel</label>
        <select id="channel-select"><option value="C0EXCHOPS">#exchange-ops</option></select>
        <button type="button" id="run-reminders" class="tool-button">Run reminders now</button>
        <label for="example-select" class="visually-hidden">Try an example</label>
        <select id="example-select" hidden><option value="">Try an example…</option></select>
      </div>
      <div id="log" class="log" role="log" aria-label="Messages"></div>
      <div class="dock">
      <div id="status" class="status" role="status" aria-live="polite"></div>
      <form id="composer" class="composer">
        <label for="composer-input" class="visually-hidden">Message</label>
        <textarea id="composer-input" rows="3" aria-describedby="composer-hint" placeholder="/certcheck and a paste, or a message to @certcheck" spellcheck="false"></textarea>
        <div class="composer-row">
          <p id="composer-hint" class="hint">Enter sends, Shift+Enter starts a new line. Try <code>/certcheck help</code>, paste an event or a PEM after <code>/certcheck</code>, or mention <code>@certcheck</code> to be answered in a thread.</p>
          <button type="submit" class="send-button">Send</button>
        </div>
      </form>
      </div>
    </section>
    <section id="panel-home" role="tabpanel" aria-labelledby="tab-home" hidden>
      <div id="home" class="home"><p class="hint">Opening certcheck's Home…</p></div>
    </section>
  </div>
  <aside class="calls" aria-labelledby="calls-title">
    <details id="calls-details">
      <summary><span id="calls-title">Web API calls the app made</span> (<span id="call-count">0</span>)</summary>
      <ol id="calls" class="call-list" reversed></ol>
    </details>
  </aside>
</div>
<dialog id="modal" class="modal" aria-labelledby="modal-title"></dialog>
</body>
</html>
`;
