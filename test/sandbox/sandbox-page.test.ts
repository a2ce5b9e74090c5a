import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { SANDBOX_CHANNELS } from '../../src/sandbox/workspace.js';
import { example, fixtureCert, type SandboxHarness, startSandboxHarness } from './sandbox-harness.js';

/**
 * The sandbox page in a real browser (Debian's chromium, driven by playwright-core), used the way
 * a person would: through roles and accessible names only. CI installs chromium and must run
 * this; a machine without it skips with a message saying so.
 */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
const inCi = process.env.CI === 'true';
const skip =
  !haveChromium && !inCi ? `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)` : false;
const TIMEOUT = 30_000;
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url);

/**
 * Whether `locator` has the keyboard focus (the test is compiled without the DOM's types, so the
 * page's document is reached through Reflect).
 */
function focused(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === Reflect.get(Reflect.get(globalThis, 'document'), 'activeElement'));
}

/** What a person reads in an element. */
const text = async (locator: Locator) => (await locator.textContent()) ?? '';

/** Waits until `check` holds, polling the page (the app answers asynchronously, as Slack's does). */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > TIMEOUT) throw new Error(`the page never showed ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the sandbox page in Chromium', { skip }, () => {
  let h: SandboxHarness;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  before(async () => {
    // Under CI a missing browser is a failure, never a silent skip.
    assert.ok(haveChromium, `Chromium is required under CI=true but ${CHROMIUM} does not exist`);
    h = await startSandboxHarness({ processBeforeResponse: false });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.setDefaultTimeout(TIMEOUT);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(h.sandbox.url);
  });
  after(async () => {
    await browser?.close();
    await h?.close();
  });

  const box = () => page.getByRole('textbox', { name: 'Message' });
  const log = () => page.getByRole('log');
  const replies = () => log().getByRole('article', { name: /^certcheck/ });

  async function send(text: string): Promise<Locator> {
    const before = await replies().count();
    await box().fill(text);
    await box().press('Enter');
    await until('a reply', async () => (await replies().count()) > before);
    return replies().nth(before);
  }

  test('Shift+Enter is a new line; Enter sends', async () => {
    await box().fill('');
    await box().pressSequentially('first');
    await box().press('Shift+Enter');
    await box().pressSequentially('second');
    assert.equal(await box().inputValue(), 'first\nsecond');
    await box().fill('');
  });

  test('Try an example puts /certcheck and the example paste in the message box', async () => {
    await page
      .getByRole('combobox', { name: 'Try an example' })
      .selectOption({ label: 'Get-ExchangeCertificate | fl' });
    assert.match(await box().inputValue(), /^\/certcheck [\s\S]*Thumbprint/);
    assert.equal(await focused(box()), true);
    await box().fill('');
  });

  test('/certcheck with a 12015 paste: the reply holds the first command in a <pre>', async () => {
    const reply = await send(`/certcheck ${example('event-12015-exchange2007-hub.txt')}`);
    await reply.getByRole('button', { name: '日本語' }).waitFor();
    assert.match(await text(reply), /Only visible to you/);
    // The app's own first preformatted block, as it sent it.
    const sent = h.sandbox.workspace.messages.filter((m) => m.author === 'app').at(-1)!;
    const first = JSON.stringify(sent.blocks).match(
      /"rich_text_preformatted","elements":\[\{"type":"text","text":("(?:[^"\\]|\\.)*")/,
    );
    assert.ok(first, 'the app sent a command block');
    assert.equal(await reply.locator('pre').first().textContent(), JSON.parse(first[1]!));
  });

  test('日本語 redraws the same reply in Japanese, in place', async () => {
    const count = await log().getByRole('article').count();
    const reply = replies().last();
    const id = await reply.getAttribute('id');
    await reply.getByRole('button', { name: '日本語' }).click();
    await reply.getByRole('button', { name: 'English' }).waitFor();
    assert.match(await text(reply), /[\u3040-\u30ff]/);
    assert.equal(await log().getByRole('article').count(), count);
    assert.equal(await replies().last().getAttribute('id'), id);
  });

  test('a PEM, Track, the current channel preselected: the certificate appears on Home', async () => {
    const reply = await send(`/certcheck ${fixtureCert('leaf-expiring-soon.pem')}`);
    await reply.getByRole('button', { name: /^Track/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Track certificates' });
    await dialog.waitFor();
    assert.equal(await dialog.getByRole('combobox').inputValue(), SANDBOX_CHANNELS[0]!.id);
    await dialog.getByRole('button', { name: 'Track', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('tab', { name: 'Home' }).click();
    const home = page.getByRole('tabpanel', { name: 'Home' });
    await home.getByText('owa.contoso.com').first().waitFor();
    await page.screenshot({ path: new URL('sandbox-home.png', ARTIFACTS).pathname });
    await page.getByRole('tab', { name: 'Messages' }).click();
  });

  test('Run reminders now posts a digest into the channel', async () => {
    const before = await replies().count();
    await page.getByRole('button', { name: 'Run reminders now' }).click();
    await until('a digest', async () => (await replies().count()) > before);
    const digest = replies().last();
    assert.match(await text(digest), /owa\.contoso\.com/);
    assert.doesNotMatch(await text(digest), /Only visible to you/);
    assert.match(await text(page.getByRole('status')), /1 reminder sent/);
  });

  test('@certcheck is answered in a thread', async () => {
    await box().fill(`@certcheck is this bad?\n${example('event-12015-exchange2007-hub.txt')}`);
    await box().press('Enter');
    const thread = log().getByRole('region', { name: /^Thread: 1 reply/ });
    await thread.waitFor();
    await thread.getByRole('article', { name: /^certcheck/ }).waitFor();
  });

  test('keyboard only: Tab reaches a reply’s buttons, Enter opens the dialog, Escape closes it and focus comes back', async () => {
    const reply = replies()
      .filter({ has: page.getByRole('button', { name: /^Track/ }) })
      .last();
    const track = reply.getByRole('button', { name: /^Track/ });
    await reply.focus();
    for (let i = 0; i < 15 && !(await focused(track)); i++) await page.keyboard.press('Tab');
    assert.equal(await focused(track), true, 'Tab reaches Track');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Track certificates' });
    await dialog.waitFor();
    assert.equal(await focused(dialog.getByRole('combobox')), true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await until('focus back on Track', () => focused(track));
  });

  test('no page errors; screenshots at desktop and 375 px wide', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await shoot(page, 1200, 'sandbox.png');
    await page.setViewportSize({ width: 375, height: 812 });
    // A string: the test is compiled without the DOM's types.
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - window.innerWidth'));
    await shoot(page, 375, 'sandbox-375.png');
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than a 375px screen`);
    assert.deepEqual(pageErrors, []);
  });
});

/** The whole page as it reads: a viewport as tall as the page, so the docked message box sits at the end. */
async function shoot(page: Page, width: number, name: string): Promise<void> {
  await page.setViewportSize({ width, height: 800 });
  const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
  await page.setViewportSize({ width, height: Math.min(Math.max(height, 800), 12_000) });
  await page.screenshot({ path: new URL(name, ARTIFACTS).pathname });
}
