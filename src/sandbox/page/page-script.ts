/**
 * The page's script (plain browser JavaScript, served as /sandbox.js): it long-polls the sandbox
 * for what to draw, patches only what changed (a message redrawn in place keeps its place and,
 * when it had focus, the focus), and turns keys, clicks and submits into the sandbox's requests.
 * Kept free of template literals so it can live in this string.
 */
export const pageScript = String.raw`(function () {
  'use strict';
  var byId = function (id) { return document.getElementById(id); };
  var current = { version: -1, channel: 'C0EXCHOPS', modalKey: null, homeKey: null, notice: '', channelsKey: '' };
  var poller = null;
  var lastFocus = null;

  function say(text) { byId('status').textContent = text || ''; }

  function post(path, data) {
    return fetch('/sandbox/' + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(data || {})
    }).then(function (r) { return r.json(); }).then(function (out) {
      if (out && !out.ok && out.error) say(out.error);
      return out || { ok: false };
    }).catch(function (error) {
      say('The sandbox did not answer: ' + error.message);
      return { ok: false };
    });
  }

  function fragment(html) {
    var template = document.createElement('template');
    template.innerHTML = html;
    return template.content.firstElementChild;
  }

  /** Where focus was inside an element, so a redrawn copy can get it back. */
  function focusInside(el) {
    var active = document.activeElement;
    if (!active || !el.contains(active)) return null;
    return { actionId: active.getAttribute('data-action-id'), blockId: active.getAttribute('data-block-id') };
  }

  function restoreFocus(el, where) {
    if (!where) return;
    var target = null;
    if (where.actionId) {
      var candidates = el.querySelectorAll('[data-action-id]');
      for (var i = 0; i < candidates.length; i++) {
        if (candidates[i].getAttribute('data-action-id') === where.actionId) { target = candidates[i]; break; }
      }
    }
    (target || el).focus();
  }

  function drawMessages(messages) {
    var log = byId('log');
    var page = document.scrollingElement || document.documentElement;
    var nearBottom = page.scrollHeight - page.scrollTop - window.innerHeight < 160;
    var existing = {};
    Array.prototype.forEach.call(log.children, function (child) { existing[child.getAttribute('data-message-id')] = child; });
    var added = false;
    messages.forEach(function (m, index) {
      var el = existing[m.id];
      delete existing[m.id];
      if (!el || el.getAttribute('data-key') !== m.key) {
        var fresh = fragment(m.html);
        fresh.setAttribute('data-key', m.key);
        if (el) {
          var where = focusInside(el);
          log.replaceChild(fresh, el);
          restoreFocus(fresh, where);
        } else {
          added = true;
        }
        el = fresh;
      }
      if (log.children[index] !== el) log.insertBefore(el, log.children[index] || null);
    });
    Object.keys(existing).forEach(function (id) { existing[id].remove(); });
    if (added && nearBottom) page.scrollTop = page.scrollHeight;
  }

  function drawModal(modal) {
    var dialog = byId('modal');
    if (!modal) {
      current.modalKey = null;
      if (dialog.open) {
        dialog.close();
        var back = lastFocus && document.contains(lastFocus) ? lastFocus : byId('composer-input');
        back.focus();
      }
      return;
    }
    if (current.modalKey === modal.key) return;
    var sameView = dialog.open && dialog.querySelector('[data-view-id="' + modal.id + '"]');
    current.modalKey = modal.key;
    dialog.innerHTML = modal.html;
    if (!dialog.open) {
      lastFocus = document.activeElement;
      dialog.showModal();
    }
    var error = dialog.querySelector('.bk-error');
    var first = dialog.querySelector('.bk-input-block [data-action-id], .bk-input-block input');
    if (error) {
      var block = error.closest('.bk-input-block');
      var field = block && block.querySelector('[data-action-id], input');
      (field || error).focus();
    } else if (!sameView || !dialog.contains(document.activeElement)) {
      (first || dialog.querySelector('button')).focus();
    }
  }

  function drawHome(home) {
    if (!home) return;
    if (current.homeKey === home.key) return;
    current.homeKey = home.key;
    var el = byId('home');
    var where = focusInside(el);
    el.innerHTML = home.html;
    restoreFocus(el.firstElementChild || el, where);
  }

  function drawChannels(channels, channel) {
    var key = JSON.stringify(channels) + channel.id;
    if (key === current.channelsKey) return;
    current.channelsKey = key;
    var select = byId('channel-select');
    select.innerHTML = '';
    channels.forEach(function (c) {
      var option = document.createElement('option');
      option.value = c.id;
      option.textContent = c.id.charAt(0) === 'D' ? c.name : '#' + c.name;
      option.selected = c.id === channel.id;
      select.appendChild(option);
    });
    byId('log').setAttribute('aria-label', 'Messages in ' + (channel.id.charAt(0) === 'D' ? channel.name : '#' + channel.name));
  }

  function drawCalls(calls) {
    var list = byId('calls');
    byId('call-count').textContent = String(calls.length ? calls[0].n : 0);
    list.innerHTML = '';
    calls.forEach(function (c) {
      var li = document.createElement('li');
      li.value = c.n;
      if (!c.ok) li.className = 'failed';
      var code = document.createElement('code');
      code.textContent = c.method;
      li.appendChild(code);
      li.appendChild(document.createTextNode(' ' + c.summary));
      list.appendChild(li);
    });
  }

  function apply(state) {
    if (state.channel.id !== current.channel) return;
    current.version = state.version;
    drawChannels(state.channels, state.channel);
    drawMessages(state.messages);
    drawModal(state.modal);
    drawHome(state.home);
    drawCalls(state.calls);
    if (state.notice !== current.notice) {
      current.notice = state.notice;
      say(state.notice);
    }
  }

  function poll() {
    var controller = new AbortController();
    poller = controller;
    var url = '/sandbox/state?channel=' + encodeURIComponent(current.channel) +
      (current.version >= 0 ? '&after=' + current.version : '');
    fetch(url, { signal: controller.signal }).then(function (r) {
      if (!r.ok) throw new Error('HTTP ' + r.status);
      return r.json();
    }).then(function (state) {
      apply(state);
      if (poller === controller) poll();
    }).catch(function () {
      if (poller === controller) setTimeout(poll, controller.signal.aborted ? 0 : 1000);
    });
  }

  function restartPolling() {
    if (poller) poller.abort();
    poller = null;
    current.version = -1;
    poll();
  }

  function send() {
    var input = byId('composer-input');
    var text = input.value;
    if (text.trim() === '') { say('Type a message first.'); return; }
    say('Sending…');
    post('send', { channel: current.channel, text: text }).then(function (out) {
      if (out.ok) {
        if (input.value === text) input.value = '';
        if (byId('status').textContent === 'Sending…') say(current.notice);
      }
    });
  }

  function context(el) {
    var message = el.closest('[data-message-id]');
    var view = el.closest('[data-view-id]');
    var data = {};
    if (message) data.messageId = message.getAttribute('data-message-id');
    else if (view) data.viewId = view.getAttribute('data-view-id');
    return data;
  }

  function act(el, value) {
    var data = context(el);
    data.blockId = el.getAttribute('data-block-id') || '';
    data.actionId = el.getAttribute('data-action-id') || '';
    if (value !== undefined && value !== null) data.value = value;
    post('action', data);
  }

  function selectTab(tab) {
    var tabs = document.querySelectorAll('[role=tab]');
    Array.prototype.forEach.call(tabs, function (t) {
      var selected = t === tab;
      t.setAttribute('aria-selected', String(selected));
      t.tabIndex = selected ? 0 : -1;
      byId(t.getAttribute('aria-controls')).hidden = !selected;
    });
    tab.focus();
    if (tab.id === 'tab-home') post('home');
  }

  document.addEventListener('DOMContentLoaded', function () {
    var input = byId('composer-input');
    byId('composer').addEventListener('submit', function (event) { event.preventDefault(); send(); });
    input.addEventListener('keydown', function (event) {
      // Enter sends; Shift+Enter is a new line; Enter that confirms an IME conversion (Japanese) is neither.
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        send();
      }
    });
    byId('run-reminders').addEventListener('click', function () {
      say('Running reminders…');
      post('reminders', { channel: current.channel });
    });
    byId('channel-select').addEventListener('change', function (event) {
      current.channel = event.target.value;
      byId('log').innerHTML = '';
      restartPolling();
    });
    var tablist = document.querySelector('[role=tablist]');
    tablist.addEventListener('click', function (event) {
      var tab = event.target.closest('[role=tab]');
      if (tab && tab.getAttribute('aria-selected') !== 'true') selectTab(tab);
    });
    tablist.addEventListener('keydown', function (event) {
      var tabs = Array.prototype.slice.call(document.querySelectorAll('[role=tab]'));
      var at = tabs.indexOf(document.activeElement);
      if (at < 0) return;
      var next = null;
      if (event.key === 'ArrowRight') next = tabs[(at + 1) % tabs.length];
      else if (event.key === 'ArrowLeft') next = tabs[(at - 1 + tabs.length) % tabs.length];
      else if (event.key === 'Home') next = tabs[0];
      else if (event.key === 'End') next = tabs[tabs.length - 1];
      if (next) { event.preventDefault(); selectTab(next); }
    });

    document.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-action-id]');
      if (button) { act(button, button.getAttribute('data-value')); return; }
      var close = event.target.closest('[data-close]');
      if (close) {
        var form = close.closest('[data-view-id]');
        if (form) post('close', { viewId: form.getAttribute('data-view-id') });
      }
    });
    document.addEventListener('change', function (event) {
      var el = event.target.closest('select[data-action-id], input[type=date][data-action-id]');
      // Inside an input block a choice is part of the form, sent on Submit (as in Slack).
      if (!el || el.closest('[data-input-block]')) return;
      act(el, el.value);
    });
    var dialog = byId('modal');
    dialog.addEventListener('cancel', function (event) {
      event.preventDefault();
      var form = dialog.querySelector('[data-view-id]');
      if (form) post('close', { viewId: form.getAttribute('data-view-id') });
    });
    dialog.addEventListener('submit', function (event) {
      event.preventDefault();
      var form = event.target.closest('[data-view-id]');
      if (!form) return;
      var values = {};
      Array.prototype.forEach.call(form.querySelectorAll('[data-input-block]'), function (block) {
        var blockId = block.getAttribute('data-input-block');
        var control = block.querySelector('[data-action-id]');
        if (!control) return;
        var value = control.value;
        if (control.classList.contains('bk-choices')) {
          value = Array.prototype.map.call(control.querySelectorAll('input:checked'), function (i) { return i.value; }).join('\n');
        }
        values[blockId] = {};
        values[blockId][control.getAttribute('data-action-id')] = value;
      });
      post('submit', { viewId: form.getAttribute('data-view-id'), values: values });
    });
    loadExamples();
    poll();
  });

  /** The repository's example pastes: choosing one puts "/certcheck <paste>" in the message box. */
  function loadExamples() {
    var select = byId('example-select');
    fetch('/sandbox/examples').then(function (r) { return r.json(); }).then(function (examples) {
      if (!examples.length) return;
      examples.forEach(function (example, i) {
        var option = document.createElement('option');
        option.value = String(i);
        option.textContent = example.label;
        select.appendChild(option);
      });
      select.hidden = false;
      select.addEventListener('change', function () {
        var example = examples[Number(select.value)];
        if (!example) return;
        var input = byId('composer-input');
        input.value = '/certcheck ' + example.text;
        select.value = '';
        input.focus();
        say('Example ready: press Enter to send it.');
      });
    }).catch(function () {});
  }
})();
`;
