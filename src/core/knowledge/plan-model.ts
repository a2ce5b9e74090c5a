/**
 * The values a finding hands its plan (the plans themselves are rows of the plan table). Placeholders
 * in `{braces}` are filled from these, and a value the paste did not give stays a visible
 * `<placeholder>` in a command.
 */

/** The values a plan may use. Every one is optional: the paste decides. */
export interface PlanValues {
  thumbprint?: string;
  /** A thumbprint pasted on its own beside the event: the certificate the admin means to use. */
  candidate?: string;
  /** Every certificate the paste shows for the event's FQDN is expired or not yet valid: the latest of them. */
  coverOutOfDate?: string;
  /** 'yes' when that certificate's own renewal is planned in the same reply: no second request for it. */
  coverRenewed?: 'yes';
  /** 'yes' when the Transport service logged an event for the same FQDN whose plan this one replaces. */
  transportToo?: 'yes';
  /** 'yes' when the event says this is the internal transport certificate (12015, 12017). */
  internal?: 'yes';
  /** 'yes' when the same server's internal certificate is recreated for this FQDN (12015 with 12014). */
  renewing?: 'yes';
  fqdn?: string;
  /** IMAP and POP: which of them warned ('IMAP', 'POP', 'IMAP,POP'), and the name POP clients use. */
  mailProtocols?: string;
  popFqdn?: string;
  /** Comma-separated names for -DomainName (host, FQDN, SANs). */
  domains?: string;
  /** The server's short name (EX01) and its FQDN when known. */
  server?: string;
  serverFqdn?: string;
  connector?: string;
  /** The full `<I>…<S>…` value a connector pins. */
  pinned?: string;
  subject?: string;
  /** The issuer's DN, where the plan installs the issuing CA's certificate. */
  issuer?: string;
  /** 'yes' when the paste was cut inside the certificate's record: its thumbprint or some names are missing. */
  cut?: 'yes';
  /** 'yes' when the names were read from the certificate itself (its subject and SANs), so none is missing. */
  namesComplete?: 'yes';
  /** A revocation check: the paste already shows certutil -verify -urlfetch, and WinHTTP on direct access. */
  urlfetchShown?: 'yes';
  winhttpDirect?: 'yes';
  /** The proxy (host:port) the admin says the servers go out through. */
  proxy?: string;
  /** The thumbprint of the certificate the CA issued for a pending request, when the paste holds it. */
  importedThumbprint?: string;
  /** 'yes' when the paste shows the certificate in a server's store (Get-ExchangeCertificate, certutil -store, HealthChecker). */
  inStore?: 'yes';
  cn?: string;
  services?: string;
  peer?: string;
  peerHost?: string;
  queue?: string;
  site?: string;
  /** The renewed certificate the paste shows (a pinned connector's replacement). */
  newThumbprint?: string;
  /** Services the old certificate had that the renewed one, already on the server, is not enabled for. */
  missingServices?: string;
  /** Other servers the paste shows already holding the renewed certificate, comma-separated. */
  renewedElsewhere?: string;
  /**
   * 'yes': the old certificate's services are not in the paste and `services` is what the renewal is
   * already enabled for where it was completed; the copies are enabled for the same.
   */
  servicesFromRenewal?: 'yes';
  /** 'yes': an expired certificate its renewal already replaces everywhere; its clean-up waits for any live problem. */
  leftover?: 'yes';
  /** Per server, what the renewed certificate there lacks of the old one's services ('EX01:IIS,SMTP;EX02:'). */
  missingByServer?: string;
  /**
   * 'yes' when a listing of the server's store shows no certificate for its own names: Setup's
   * self-signed certificate, the internal transport one and Exchange Back End's (444), is gone.
   */
  setupGone?: 'yes';
  /** 'yes' when the whole store listing the paste shows lacks the certificate the event names: it was removed. */
  goneFromStore?: 'yes';
  /** A valid certificate the paste shows that can take the Exchange Back End binding (port 444). */
  backendCandidate?: string;
  /** The transport event IDs to watch for after the fix ('12014,12015'). */
  eventIds?: string;
  /** Other servers the paste shows holding the same certificate (a DAG, a load-balanced array), comma-separated. */
  sharedWith?: string;
  /** Other servers of the same hybrid the paste names: each has its own Default Frontend connector. */
  hybridPeers?: string;
  /** In steps repeated on another server: the server the plan is about, where a copy comes from. */
  sourceServer?: string;
  /** The port an endpoint presented the certificate on (openssl s_client, a probe). */
  presentedPort?: string;
  /** 'yes' when the name Outlook connects to is internal (.local, a bare host): no public CA issues it. */
  internalHost?: 'yes';
  /** 'yes' when Outlook Anywhere reported the name mismatch (error 10). */
  outlookAnywhere?: 'yes';
  /** A name the certificate serving clients already carries (where Autodiscover can be pointed instead). */
  coveredName?: string;
  /** The other Mailbox servers the paste names, comma-separated: each caches the Auth certificate itself. */
  otherMailbox?: string;
  /** The other server the admin says the renewed certificate was imported on (only there): it is copied from it. */
  importedOn?: string;
  /** 'yes' when the admin says IIS (OWA, 443) uses a purchased or CA-issued certificate: it is never moved off it. */
  iisOnCaSaid?: 'yes';
  /** 'yes' when the admin names the CA the certificate came from or says it was bought ('our DigiCert cert'). */
  caSaid?: 'yes';
  /** The host names the admin's word about a CA names, comma-separated: it is about a certificate for one of them. */
  caSaidHosts?: string;
  /** What the admin says of the organisation: hybrid with Exchange Online ('yes') or not ('no'). */
  hybridSaid?: 'yes' | 'no';
  /** The names a newer certificate lacks that the current one has, comma-separated: it is not enabled. */
  missingNames?: string;
  /** 'yes' when the admin says a load balancer terminates TLS: it gets the renewal too. */
  offloadSaid?: 'yes';
  /** 'yes' when the admin says the self-signed certificate was already replaced with Y (or 12015 stopped). */
  internalRenewedSaid?: 'yes';
  /** The mailbox the admin's own Test-OAuthConnectivity ran with: the test after the fix uses it again. */
  testMailbox?: string;
  /** The server that made the certificate request (its private key is there), when the paste names it. */
  requestServer?: string;
  /** The issued certificate file the admin names (a full path): the import reads it instead of a placeholder. */
  issuedFile?: string;
  /** 'yes' when `connector` is the send connector a failing queue names: never a receive connector's name. */
  connectorIsSend?: 'yes';
  /** The failing queue's NextHopDomain: a connector's name (smart host delivery) or the domain it sends to. */
  nextHopDomain?: string;
  /** Connectors the admin says pin this certificate: a kind, a tab and the name, one per line. */
  statedPins?: string;
  /**
   * The overwrite-default-SMTP prompt's new certificate as the paste shows it: issued by a CA, the
   * Auth certificate, a self-signed one New-ExchangeCertificate made, or a self-signed copy of a CA
   * certificate (piped into New-ExchangeCertificate without -GenerateRequest). Absent when the paste does not say.
   */
  overwriteNew?: 'ca' | 'auth' | 'self-signed' | 'ca-copy';
  /** The answer the paste shows already typed at the overwrite prompt. */
  promptAnswer?: 'Y' | 'N';
  /** The CA certificate the prompt's new certificate is a self-signed copy of (piped without -GenerateRequest). */
  copyOf?: string;
  /** 'yes' when Exchange refused the certificate for lacking the Server Authentication EKU. */
  ekuMissing?: 'yes';
  /** 'yes' when the paste names or speaks of other servers that serve the same names but shows none holding this certificate. */
  othersSaid?: 'yes';
  /** 'yes' when the admin counts more servers ("DAG of 3") than the paste names: the rest are listed, then each gets the copy. */
  othersBeyondNamed?: 'yes';
  /** 'yes' when the admin says the certificate was renewed, or the paste lists a newer one for the same name. */
  renewalSaid?: 'yes';
  /** Hybrid: the name Exchange Online's connectors expect the on-premises certificate to carry. */
  expectedName?: string;
  /** Exchange Online's connectors for the on-premises organisation, by name. */
  inboundConnector?: string;
  outboundConnector?: string;
  /** The cloud Outbound connector's smart hosts, comma-separated. */
  smartHosts?: string;
  /** A valid CA-issued certificate of the store listing that can take over the Default Web Site (443). */
  frontendCandidate?: string;
}
