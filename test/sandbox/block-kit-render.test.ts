import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type RenderContext, renderBlock, renderBlocks } from '../../src/sandbox/render/block-kit.js';
import { renderMrkdwn } from '../../src/sandbox/render/mrkdwn.js';

const ctx = (over: Partial<RenderContext> = {}): RenderContext => ({
  surface: 'message',
  channels: [
    { id: 'C1', name: 'exchange-ops' },
    { id: 'C2', name: 'general' },
  ],
  users: [{ id: 'U1', name: 'you' }],
  channelName: (id) => (id === 'C1' ? 'exchange-ops' : undefined),
  userName: (id) => (id === 'U1' ? 'you' : undefined),
  ...over,
});

describe('mrkdwn', () => {
  test('bold, italic, strike and inline code', () => {
    assert.equal(
      renderMrkdwn('*Expired* _soon_ ~old~ `Get-ExchangeCertificate`'),
      '<span class="bk-line"><strong>Expired</strong> <em>soon</em> <s>old</s> <code>Get-ExchangeCertificate</code></span>',
    );
  });

  test('formatting does not reach inside code, and snake_case words stay words', () => {
    const html = renderMrkdwn('`*not bold*` file_name_here');
    assert.match(html, /<code>\*not bold\*<\/code>/);
    assert.match(html, /file_name_here/);
    assert.doesNotMatch(html, /<em>/);
  });

  test('Slack entities show as the characters they stand for, and HTML stays text', () => {
    const html = renderMrkdwn('CN=A &amp; B &lt;I&gt;issuer <script>alert(1)</script>');
    assert.match(html, /CN=A &amp; B &lt;I&gt;issuer/);
    assert.doesNotMatch(html, /<script>/);
  });

  test('links: web links open in a new tab; other schemes stay text', () => {
    const html = renderMrkdwn('<https://learn.microsoft.com/x|the docs> and <javascript:alert(1)|click>');
    assert.match(
      html,
      /<a href="https:\/\/learn\.microsoft\.com\/x" target="_blank" rel="noopener noreferrer">the docs<\/a>/,
    );
    assert.doesNotMatch(html, /href="javascript/);
    assert.match(html, /click/);
  });

  test('user, channel and broadcast references are named, never live', () => {
    const html = renderMrkdwn('<@U1> in <#C1> and <#C9|ops>, <!here>', ctx());
    assert.match(html, /@you/);
    assert.match(html, /#exchange-ops/);
    assert.match(html, /#ops/);
    assert.match(html, /@here/);
  });

  test('bullet and numbered lines become lists; > lines quotes', () => {
    const html = renderMrkdwn('Steps:\n• one\n• two\n1. first\n2. second\n> quoted');
    assert.match(html, /<ul><li>one<\/li><li>two<\/li><\/ul>/);
    assert.match(html, /<ol><li>first<\/li><li>second<\/li><\/ol>/);
    assert.match(html, /<blockquote>quoted<\/blockquote>/);
  });

  test('code fences become <pre> with the text exactly as written', () => {
    const html = renderMrkdwn('Run:\n```\nGet-ExchangeCertificate | fl *\n```');
    assert.match(html, /<pre class="bk-pre">Get-ExchangeCertificate \| fl \*<\/pre>/);
  });
});

describe('Block Kit blocks', () => {
  test('header, divider and context', () => {
    const html = renderBlocks(
      [
        { type: 'header', text: { type: 'plain_text', text: 'Certificate <expired>' } },
        { type: 'divider' },
        {
          type: 'context',
          elements: [
            { type: 'mrkdwn', text: '*3* days left' },
            { type: 'image', image_url: 'https://example.com/i.png', alt_text: 'warning' },
          ],
        },
      ],
      ctx(),
    );
    assert.match(html, /<h3 class="bk-header">Certificate &lt;expired&gt;<\/h3>/);
    assert.match(html, /<hr class="bk-divider">/);
    assert.match(html, /<strong>3<\/strong> days left/);
    // Nothing is loaded from another machine: the image is its alt text and a link.
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /aria-label="warning"/);
  });

  test('section with text, fields and a button accessory', () => {
    const html = renderBlock(
      {
        type: 'section',
        block_id: 'b1',
        text: { type: 'mrkdwn', text: '*EX01*' },
        fields: [
          { type: 'mrkdwn', text: '*Expires*\n2026-12-10' },
          { type: 'plain_text', text: 'Thumbprint' },
        ],
        accessory: { type: 'button', action_id: 'go', value: 'v', text: { type: 'plain_text', text: 'Details' } },
      },
      ctx(),
    );
    assert.match(html, /<strong>EX01<\/strong>/);
    assert.match(html, /class="bk-fields"/);
    assert.match(
      html,
      /<button type="button" class="bk-button" data-action-id="go" data-block-id="b1" data-type="button" data-value="v">Details<\/button>/,
    );
  });

  test('actions: real buttons (styles kept), static and conversation selects, date picker', () => {
    const html = renderBlock(
      {
        type: 'actions',
        block_id: 'acts',
        elements: [
          {
            type: 'button',
            action_id: 'ja',
            text: { type: 'plain_text', text: '日本語' },
            value: '{"l":"ja"}',
            style: 'primary',
          },
          { type: 'button', action_id: 'del', text: { type: 'plain_text', text: 'Untrack' }, style: 'danger' },
          {
            type: 'button',
            action_id: 'docs',
            text: { type: 'plain_text', text: 'Docs' },
            url: 'https://learn.microsoft.com/',
          },
          {
            type: 'static_select',
            action_id: 'pick',
            placeholder: { type: 'plain_text', text: 'Snooze for' },
            options: [
              { text: { type: 'plain_text', text: '1 day' }, value: '1' },
              { text: { type: 'plain_text', text: '1 week' }, value: '7' },
            ],
            initial_option: { text: { type: 'plain_text', text: '1 week' }, value: '7' },
          },
          { type: 'conversations_select', action_id: 'chan', initial_conversation: 'C2' },
          { type: 'channels_select', action_id: 'chan2', placeholder: { type: 'plain_text', text: 'Channel' } },
          { type: 'datepicker', action_id: 'date', initial_date: '2026-12-01' },
          {
            type: 'overflow',
            action_id: 'more',
            options: [{ text: { type: 'plain_text', text: 'Hide' }, value: 'h' }],
          },
        ],
      },
      ctx(),
    );
    assert.match(
      html,
      /<button type="button" class="bk-button bk-primary" data-action-id="ja"[^>]*data-value="\{&quot;l&quot;:&quot;ja&quot;\}">日本語<\/button>/,
    );
    assert.match(html, /class="bk-button bk-danger"/);
    assert.match(html, /<a class="bk-button" href="https:\/\/learn\.microsoft\.com\/"/);
    assert.match(html, /<select class="bk-select" data-action-id="pick"[^>]*aria-label="Snooze for">/);
    assert.match(html, /<option value="7" selected>1 week<\/option>/);
    assert.match(html, /<option value="C2" selected>#general<\/option>/);
    assert.match(html, /data-action-id="chan2"[^>]*aria-label="Channel"/);
    assert.match(html, /<input type="date"[^>]*value="2026-12-01"/);
    assert.match(html, /aria-label="More actions"/);
  });

  test('rich_text: sections with styles, lists, quotes, and preformatted text as <pre>', () => {
    const html = renderBlock(
      {
        type: 'rich_text',
        elements: [
          {
            type: 'rich_text_section',
            elements: [
              { type: 'text', text: 'Run ', style: { bold: true } },
              { type: 'text', text: 'this', style: { code: true } },
              { type: 'user', user_id: 'U1' },
              { type: 'channel', channel_id: 'C1' },
              { type: 'emoji', name: 'warning', unicode: '26a0-fe0f' },
              { type: 'link', url: 'https://example.com', text: 'docs' },
            ],
          },
          {
            type: 'rich_text_list',
            style: 'ordered',
            indent: 1,
            elements: [{ type: 'rich_text_section', elements: [{ type: 'text', text: 'one' }] }],
          },
          { type: 'rich_text_quote', elements: [{ type: 'text', text: 'quoted' }] },
          {
            type: 'rich_text_preformatted',
            elements: [{ type: 'text', text: 'Enable-ExchangeCertificate -Thumbprint <T> -Services SMTP' }],
          },
        ],
      },
      ctx(),
    );
    assert.match(
      html,
      /<strong>Run <\/strong><code>this<\/code><span class="bk-mention">@you<\/span><span class="bk-mention">#exchange-ops<\/span>/,
    );
    assert.match(html, /⚠️/);
    assert.match(html, /<ol class="bk-rich-list bk-indent-1"><li>one<\/li><\/ol>/);
    assert.match(html, /<blockquote>quoted<\/blockquote>/);
    assert.match(html, /<pre class="bk-pre">Enable-ExchangeCertificate -Thumbprint &lt;T&gt; -Services SMTP<\/pre>/);
  });

  test('image block: alt text and title, nothing fetched', () => {
    const html = renderBlock(
      {
        type: 'image',
        image_url: 'https://example.com/chain.png',
        alt_text: 'the chain',
        title: { type: 'plain_text', text: 'Chain' },
      },
      ctx(),
    );
    assert.match(html, /<figure class="bk-image">/);
    assert.match(html, /the chain/);
    assert.match(html, /<figcaption>Chain<\/figcaption>/);
    assert.doesNotMatch(html, /<img/);
  });

  test('input blocks: labelled text areas and selects, hints, and errors from response_action', () => {
    const html = renderBlocks(
      [
        {
          type: 'input',
          block_id: 'paste',
          label: { type: 'plain_text', text: 'Paste' },
          hint: { type: 'plain_text', text: 'Up to 3000 characters' },
          element: { type: 'plain_text_input', action_id: 'text', multiline: true, max_length: 3000, min_length: 1 },
        },
        {
          type: 'input',
          block_id: 'chan',
          optional: true,
          label: { type: 'plain_text', text: 'Channel' },
          element: { type: 'conversations_select', action_id: 'c', initial_conversation: 'C1' },
        },
      ],
      ctx({ surface: 'modal', idPrefix: 'V1', errors: { paste: 'Paste something' } }),
    );
    assert.match(
      html,
      /<label class="bk-label" id="V1-label-1">Paste<\/label><textarea rows="6" class="bk-input" data-action-id="text" data-block-id="paste" data-type="plain_text_input" aria-labelledby="V1-label-1" maxlength="3000" minlength="1"><\/textarea>/,
    );
    assert.match(html, /Up to 3000 characters/);
    assert.match(html, /<div class="bk-error" role="alert">Paste something<\/div>/);
    assert.match(html, /\(optional\)/);
    assert.match(
      html,
      /aria-labelledby="V1-label-2"><option value="">Choose<\/option><option value="C1" selected>#exchange-ops<\/option>/,
    );
  });

  test('an unknown block or element type is a visible placeholder naming it, never nothing', () => {
    const html = renderBlocks(
      [
        { type: 'video', title: { type: 'plain_text', text: 'x' } },
        { type: 'actions', elements: [{ type: 'workflow_button', action_id: 'w' }] },
        'not even an object',
      ],
      ctx(),
    );
    assert.match(html, /class="bk-unknown" role="note">Block type “video” is not shown by the sandbox/);
    assert.match(html, /Element “workflow_button” is not shown by the sandbox/);
    assert.match(html, /Block type “\(no type\)”/);
  });

  test('text the app sends can never become markup', () => {
    const html = renderBlocks(
      [
        { type: 'header', text: { type: 'plain_text', text: '<img src=x onerror=alert(1)>' } },
        {
          type: 'actions',
          block_id: '"><b>',
          elements: [{ type: 'button', action_id: 'a"b', value: '<x>', text: { type: 'plain_text', text: '<b>' } }],
        },
      ],
      ctx(),
    );
    assert.doesNotMatch(html, /<img|<b>/);
    assert.match(html, /data-block-id="&quot;&gt;&lt;b&gt;"/);
  });
});
