/**
 * Enable-ExchangeCertificate warns that a wildcard certificate "cannot used for IMAP (POP) SSL/TLS
 * connections because the subject is not a Fully Qualified Domain Name": IMAP and POP pick their
 * certificate by the name in X509CertificateName, which a wildcard subject never matches. What the
 * fix needs: which protocols warned, the server, and the names clients connect to, read from the
 * Get-ImapSettings / Get-PopSettings output when the paste shows it.
 */

const HOST = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\\.){1,10}[A-Za-z0-9-]{1,63}';

/** The external name clients use on these ports (ExternalConnectionSettings : {imap.contoso.com:993:SSL}). */
function externalName(text: string, ports: string): string | undefined {
  const settings = /ExternalConnectionSettings\s*:\s*\{([^}\n]{1,600})\}?/gi;
  for (const match of text.matchAll(settings)) {
    const name = new RegExp(`(${HOST}):(?:${ports}):`, 'i').exec(match[1] ?? '')?.[1];
    if (name) return name.toLowerCase();
  }
  // The admin's own words: "IMAPS/POP3S to mail.contoso.com:993/995", 「pop.contoso.co.jp (995)」.
  const said =
    new RegExp(`(${HOST}):(?:\\d{2,5}/)*(?:${ports})(?!\\d)`, 'i').exec(text)?.[1] ??
    new RegExp(`(${HOST})\\s*[(（]\\s*(?:${ports})\\s*[)）]`, 'i').exec(text)?.[1];
  return said?.toLowerCase();
}

export function imapPopSettingsValues(text: string): Record<string, string | undefined> {
  const warned = [...text.matchAll(/cannot\s+(?:be\s+)?used\s+for\s+(IMAP|POP)\s+SSL\/TLS\s+connections/gi)].map((m) =>
    (m[1] ?? '').toUpperCase(),
  );
  const protocols = ['IMAP', 'POP'].filter((p) => warned.includes(p));
  const warning = /thumbprint\s+([0-9A-Fa-f]{40})\s+and\s+subject\s+'([^'\n]{1,300})'\s+cannot/i.exec(text);
  const server =
    /\bGet-(?:Imap|Pop)Settings\s+(?:-Server\s+)?["']?([A-Za-z][A-Za-z0-9-]{0,62})\b/i.exec(text)?.[1] ??
    /\bSet-(?:Imap|Pop)Settings\s+-Server\s+["']?([A-Za-z][A-Za-z0-9-]{0,62})\b/i.exec(text)?.[1];
  return {
    protocols: protocols.join(','),
    thumbprint: warning?.[1],
    subject: warning?.[2],
    server: server && !/^(?:fl|ft|format)/i.test(server) ? server : undefined,
    imapFqdn: externalName(text, '993|143'),
    popFqdn: externalName(text, '995|110'),
    x509Name: /^\s*X509CertificateName\s*:\s*(\S{1,253})\s*$/im.exec(text)?.[1],
  };
}
