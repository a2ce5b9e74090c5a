import { MAX_INPUT_BYTES } from '../core/model.js';
import { pasteFromBytes } from '../core/paste-bytes.js';

/**
 * Certificate files shared with a mention, for pastes longer than Slack allows. Downloaded with
 * the bot token (url_private_download needs it) and read by the core's decoder (UTF-8, UTF-16,
 * binary DER/PKCS#7/PKCS#12).
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
    return { name, text: pasteFromBytes(bytes).text };
  } catch {
    return { name, problem: 'unreadable' };
  }
}
