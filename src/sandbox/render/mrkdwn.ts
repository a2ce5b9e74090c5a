import { decodeSlackEntities, escapeHtml, safeUrl } from './html.js';

/**
 * Slack's mrkdwn as Slack draws it: *bold*, _italic_, ~strike~, `code`, ```preformatted```,
 * > quotes, bullet and numbered lines as lists, <url|links>, <@user> and <#channel> references,
 * and the &amp; &lt; &gt; entities shown as the characters they stand for.
 */

export interface NameResolver {
  channelName(id: string): string | undefined;
  userName(id: string): string | undefined;
}

const noNames: NameResolver = { channelName: () => undefined, userName: () => undefined };

export function renderMrkdwn(source: string, names: NameResolver = noNames): string {
  const parts = source.split('```');
  let html = '';
  parts.forEach((part, i) => {
    // Odd parts sit between fences; an unclosed fence stays text, as in Slack.
    if (i % 2 === 1 && i < parts.length - 1) {
      html += `<pre class="bk-pre">${escapeHtml(decodeSlackEntities(part.replace(/^\n/, '').replace(/\n$/, '')))}</pre>`;
    } else {
      html += renderLines(i % 2 === 1 ? `\`\`\`${part}` : part, names);
    }
  });
  return html;
}

type Line = { kind: 'bullet' | 'number' | 'quote' | 'text'; text: string };

const BULLET = /^\s*(?:•|◦|▪|-)\s+(.*)$/;
const NUMBER = /^\s*\d{1,3}[.)]\s+(.*)$/;
const QUOTE = /^(?:>|&gt;)\s?(.*)$/;

function classify(line: string): Line {
  const bullet = BULLET.exec(line);
  if (bullet) return { kind: 'bullet', text: bullet[1] ?? '' };
  const number = NUMBER.exec(line);
  if (number) return { kind: 'number', text: number[1] ?? '' };
  const quote = QUOTE.exec(line);
  if (quote) return { kind: 'quote', text: quote[1] ?? '' };
  return { kind: 'text', text: line };
}

function renderLines(text: string, names: NameResolver): string {
  if (text === '') return '';
  const lines = text.split('\n').map(classify);
  let html = '';
  let i = 0;
  while (i < lines.length) {
    const kind = lines[i]!.kind;
    const group: Line[] = [];
    while (i < lines.length && lines[i]!.kind === kind) group.push(lines[i++]!);
    const inner = group.map((l) => inline(l.text, names));
    if (kind === 'bullet') html += `<ul>${inner.map((l) => `<li>${l}</li>`).join('')}</ul>`;
    else if (kind === 'number') html += `<ol>${inner.map((l) => `<li>${l}</li>`).join('')}</ol>`;
    else if (kind === 'quote') html += `<blockquote>${inner.join('<br>')}</blockquote>`;
    else html += `<span class="bk-line">${inner.join('<br>')}</span>`;
  }
  return html;
}

/** Code spans and <…> references are atomic: formatting never reaches inside them. */
export function inline(text: string, names: NameResolver = noNames): string {
  const atoms: string[] = [];
  const hold = (html: string) => `\uE000${atoms.push(html) - 1}\uE000`;
  let work = text.replace(/`([^`\n]+)`/g, (_m, code: string) =>
    hold(`<code>${escapeHtml(decodeSlackEntities(code))}</code>`),
  );
  work = work.replace(/<([^<>\n]+)>/g, (_m, token: string) => hold(reference(token, names)));
  let html = escapeHtml(decodeSlackEntities(work));
  const wrap = (marker: string, tag: string) => {
    const m = marker.replace(/[*~]/g, '\\$&');
    const re = new RegExp(`(^|[^\\w${m}])${m}(?=\\S)([^${m}\\n]*?\\S)${m}(?=[^\\w${m}]|$)`, 'g');
    html = html.replace(re, (_all, before: string, inner: string) => `${before}<${tag}>${inner}</${tag}>`);
  };
  wrap('*', 'strong');
  wrap('_', 'em');
  wrap('~', 's');
  return html.replace(/\uE000(\d+)\uE000/g, (_m, n: string) => atoms[Number(n)] ?? '');
}

function reference(token: string, names: NameResolver): string {
  const [target = '', label] = splitOnce(token, '|');
  if (target.startsWith('@')) {
    const id = target.slice(1);
    return `<span class="bk-mention">@${escapeHtml(label ?? names.userName(id) ?? id)}</span>`;
  }
  if (target.startsWith('#')) {
    const id = target.slice(1);
    return `<span class="bk-mention">#${escapeHtml(label ?? names.channelName(id) ?? id)}</span>`;
  }
  if (target.startsWith('!')) {
    const special = target.slice(1).split('^')[0] ?? '';
    const shown = label ?? (['here', 'channel', 'everyone'].includes(special) ? `@${special}` : special);
    return `<span class="bk-mention">${escapeHtml(decodeSlackEntities(shown))}</span>`;
  }
  const url = safeUrl(decodeSlackEntities(target));
  const text = escapeHtml(decodeSlackEntities(label ?? target));
  if (!url) return text;
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${text}</a>`;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
