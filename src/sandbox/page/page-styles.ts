/** The sandbox page's styles: system fonts only (it works offline), readable from 375 px up. */
export const pageStyles = `
:root { --ink: #1d1c1d; --muted: #616061; --line: #dddddd; --bg: #ffffff; --soft: #f8f8f8; --accent: #1264a3;
  --primary: #007a5a; --danger: #e01e5a; --aubergine: #3f0e40; --focus: #1d9bd1; color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 15px/1.46 -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans JP", "Hiragino Sans", "Yu Gothic UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
code, pre, textarea { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.skip-link { position: absolute; left: -999px; top: 0; background: #fff; padding: 8px; z-index: 10; }
.skip-link:focus { left: 8px; }
.top { background: var(--aubergine); color: #fff; padding: 10px 16px; }
.top h1 { margin: 0; font-size: 18px; }
.top-tag { font-weight: 400; opacity: .85; }
.tagline { margin: 2px 0 0; font-size: 13px; opacity: .9; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 320px; gap: 0; min-height: calc(100vh - 64px); align-items: start; }
.workspace { min-width: 0; display: flex; flex-direction: column; }
.tabs { display: flex; gap: 4px; border-bottom: 1px solid var(--line); padding: 0 12px; }
.tabs [role=tab] { border: 0; background: none; padding: 10px 12px; font: inherit; font-weight: 600; color: var(--muted); border-bottom: 3px solid transparent; cursor: pointer; }
.tabs [role=tab][aria-selected=true] { color: var(--ink); border-bottom-color: var(--accent); }
[role=tabpanel] { display: flex; flex-direction: column; min-height: 0; flex: 1; }
[role=tabpanel][hidden] { display: none; }
.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; padding: 8px 12px; border-bottom: 1px solid var(--line); background: var(--soft); }
.toolbar label { font-weight: 600; }
select, input[type=text], input[type=date], textarea { font: inherit; color: inherit; border: 1px solid #8d8d8d; border-radius: 6px; padding: 6px 8px; background: #fff; max-width: 100%; }
.tool-button, .bk-button, .send-button { font: inherit; font-weight: 600; border: 1px solid #8d8d8d; background: #fff; color: var(--ink); border-radius: 6px; padding: 5px 12px; cursor: pointer; text-decoration: none; display: inline-block; }
.tool-button:hover, .bk-button:hover { background: var(--soft); }
.bk-primary, .send-button { background: var(--primary); border-color: var(--primary); color: #fff; }
.bk-primary:hover { background: #148567; }
.bk-danger { background: #fff; border-color: var(--danger); color: #b0164a; }
.log { flex: 1; padding: 8px 12px 16px; min-height: 240px; }
.log:empty::before { content: "No messages yet. Type /certcheck help below."; color: var(--muted); display: block; padding: 24px 0; }
.msg { padding: 8px 10px; border-radius: 8px; margin: 6px 0; overflow-wrap: anywhere; }
.msg:hover { background: var(--soft); }
.msg.ephemeral { background: #f4f8fb; border-left: 3px solid #9bc2e0; }
.msg-sandbox { color: #7a2e00; }
.msg-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px; margin-bottom: 2px; }
.who { font-weight: 700; }
.badge { font-size: 10px; font-weight: 700; background: #e8e8e8; color: var(--muted); border-radius: 3px; padding: 0 4px; }
time, .edited { color: var(--muted); font-size: 12px; }
.only-you { font-size: 12px; color: #1d4f75; background: #e3eef7; border-radius: 4px; padding: 0 6px; }
.command code { background: none; border: 0; color: var(--muted); padding: 0; }
.msg-tools { font-size: 12px; margin: 4px 0 0; }
.thread { margin: 8px 0 0 10px; padding-left: 10px; border-left: 3px solid var(--line); }
.thread-title { margin: 0; font-size: 12px; color: var(--muted); }
.dock { position: sticky; bottom: 0; z-index: 2; background: #fff; border-top: 1px solid var(--line); box-shadow: 0 -4px 12px rgba(0,0,0,.06); }
.composer { padding: 10px 12px; }
.composer textarea { width: 100%; resize: vertical; min-height: 64px; }
.composer-row { display: flex; gap: 8px; align-items: flex-start; justify-content: space-between; margin-top: 6px; }
.hint { margin: 0; color: var(--muted); font-size: 13px; }
.calls { border-left: 1px solid var(--line); padding: 8px 12px; background: var(--soft); font-size: 13px; min-width: 0; position: sticky; top: 0; max-height: 100vh; overflow-y: auto; }
.calls summary { cursor: pointer; font-weight: 600; padding: 4px 0; }
.call-list { margin: 6px 0; padding-left: 2.6em; }
.call-list li { margin: 4px 0; overflow-wrap: anywhere; }
.call-list .failed { color: #b0164a; }
.status { background: #fff8e1; border-bottom: 1px solid #f0d98a; padding: 6px 12px; font-size: 14px; }
.status:empty { display: none; }
.home { padding: 12px 16px; overflow-y: auto; }
/* Block Kit */
.bk-header { font-size: 17px; margin: 6px 0 4px; }
.bk-section { display: flex; gap: 12px; align-items: flex-start; margin: 4px 0; }
.bk-section-main { flex: 1; min-width: 0; }
.bk-accessory { flex: none; }
.bk-fields { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 4px 16px; margin-top: 4px; }
.bk-line { display: block; }
.bk-text ul, .bk-text ol, .bk-rich-list { margin: 2px 0; padding-left: 1.4em; }
.bk-indent-1 { margin-left: 1.5em; } .bk-indent-2 { margin-left: 3em; } .bk-indent-3 { margin-left: 4.5em; }
.bk-indent-4, .bk-indent-5, .bk-indent-6 { margin-left: 6em; }
blockquote { margin: 4px 0; padding-left: 10px; border-left: 4px solid var(--line); }
code { font-size: 12.5px; background: #f4f4f4; border: 1px solid #e2e2e2; border-radius: 3px; padding: 0 3px; color: #c01343; }
.bk-pre { font-size: 12.5px; background: #f8f8f8; border: 1px solid #e2e2e2; border-radius: 4px; padding: 8px; margin: 4px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.bk-context { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: center; color: var(--muted); font-size: 13px; margin: 4px 0; }
.bk-divider { border: 0; border-top: 1px solid var(--line); margin: 10px 0; }
.bk-actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 8px 0 4px; }
.bk-rich-section { margin: 4px 0; white-space: pre-wrap; }
.bk-mention { background: #e8f5fa; color: #1264a3; border-radius: 3px; padding: 0 2px; }
.bk-image, .bk-image-box, .bk-context-image { display: inline-block; }
.bk-image-box { border: 1px dashed #aaa; border-radius: 6px; padding: 16px; color: var(--muted); }
.bk-unknown { display: block; border: 2px dashed #c98a00; background: #fff8e1; color: #6b4a00; border-radius: 6px; padding: 6px 10px; margin: 4px 0; }
.bk-input-block { margin: 12px 0; display: flex; flex-direction: column; gap: 4px; }
.bk-label { font-weight: 700; }
.bk-optional { font-weight: 400; color: var(--muted); }
.bk-hint { color: var(--muted); font-size: 13px; }
.bk-error { color: #b0164a; font-weight: 600; }
.bk-input { width: 100%; }
.bk-choices label { display: block; }
/* Modal */
.modal { border: 0; border-radius: 10px; padding: 0; width: min(560px, calc(100vw - 16px)); max-height: calc(100vh - 32px); box-shadow: 0 12px 40px rgba(0,0,0,.35); }
.modal::backdrop { background: rgba(0,0,0,.45); }
.modal-form { display: flex; flex-direction: column; max-height: calc(100vh - 32px); }
.modal-head { padding: 14px 18px; border-bottom: 1px solid var(--line); display: flex; justify-content: space-between; gap: 8px; }
.modal-head h2 { margin: 0; font-size: 19px; }
.modal-depth { color: var(--muted); font-size: 13px; }
.modal-body { padding: 8px 18px; overflow-y: auto; }
.modal-foot { display: flex; flex-wrap: wrap; gap: 8px; justify-content: flex-end; align-items: center; padding: 12px 18px; border-top: 1px solid var(--line); }
.builder-link { margin-right: auto; font-size: 12px; }
@media (max-width: 760px) {
  .layout { grid-template-columns: 1fr; }
  .calls { border-left: 0; border-top: 1px solid var(--line); position: static; max-height: none; }
  .bk-section { flex-direction: column; }
  .bk-fields { grid-template-columns: 1fr; }
  .composer { padding: 8px 10px; }
  .composer textarea { min-height: 48px; }
  .hint { font-size: 12px; }
}
`;
