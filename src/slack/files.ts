import { MAX_INPUT_BYTES } from '../core/model.js';

/**
 * Certificate files shared with a mention, for pastes longer than Slack allows. Downloaded with
 * the bot token (url_private_download needs it); binary DER becomes PEM so the core sees text.
 */

const DIAGNOSABLE_EXTENSIONS = ['.cer', '.crt', '.pem', '.der', '.p7b', '.txt'] as const;

export interface SharedFile {
  name?: string;
  size?: number;
  url_private_download?: string;
  url_private?: string;
}

export type FileResult = { name: string; text: string } | { name: string; problem: 'tooLarge' | 'unreadable' };

export const isDiagnosable = (file: SharedFile): boolean =>
  DIAGNOSABLE_EXTENSIONS.some((ext) => file.name?.toLowerCase().endsWith(ext));

export async function downloadFile(file: SharedFile, botToken: string, fetchFn: typeof fetch): Promise<FileResult> {
  const name = file.name ?? 'file';
  const url = file.url_private_download ?? file.url_private;
  if (file.size !== undefined && file.size > MAX_INPUT_BYTES) return { name, problem: 'tooLarge' };
  if (!url) return { name, problem: 'unreadable' };
  try {
    const response = await fetchFn(url, { headers: { authorization: `Bearer ${botToken}` }, redirect: 'follow' });
    if (!response.ok) return { name, problem: 'unreadable' };
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_INPUT_BYTES) return { name, problem: 'tooLarge' };
    return { name, text: bytesToText(bytes, name) };
  } catch {
    return { name, problem: 'unreadable' };
  }
}

/** Text files as text (UTF-8, or UTF-16 as Windows PowerShell writes); anything else as PEM. */
function bytesToText(bytes: Uint8Array, name: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (!bytes.some((b) => b < 0x09 || (b > 0x0d && b < 0x20))) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Not UTF-8: binary, handled below.
    }
  }
  const label = name.toLowerCase().endsWith('.p7b') ? 'PKCS7' : 'CERTIFICATE';
  const base64 = Buffer.from(bytes).toString('base64').replace(/.{64}/g, '$&\n').trim();
  return `-----BEGIN ${label}-----\n${base64}\n-----END ${label}-----\n`;
}
