import type { PlanDefinition } from './library-model.js';
import { HYBRID_PLAN_ROWS } from './plan-rows-hybrid.js';
import { RESPONSE_PLAN_ROWS } from './plan-rows-responses.js';

const s = (en: string, ja: string) => ({ en, ja });

/**
 * The plan table: for each finding's plan, the ordered step ids, with branches on named conditions
 * over the server's facts. A condition the paste does not decide shows its fact first and keeps
 * both outcomes. Every plan ends with a check that it worked.
 */
export const PLAN_ROWS: PlanDefinition[] = [
  {
    id: 'renew-unknown-issuer',
    reference: 'Microsoft Learn: Get-ExchangeCertificate; New-ExchangeCertificate -GenerateRequest',
    summary: s(
      'An expired or expiring certificate whose issuer the paste does not show',
      '発行者が貼り付けからわからない、期限切れ・期限間近の証明書',
    ),
    // A name clients use is renewed through a CA whatever signed the old one; the server's own name
    // (Setup's certificate) keeps a self-signed one unless the paste shows a CA issued it.
    entries: [
      {
        if: 'certForServerName',
        yes: [{ if: 'caIssued', yes: [{ use: 'ca-renewal' }], no: [{ use: 'self-signed-renewal' }] }],
        no: [{ use: 'ca-renewal' }],
      },
    ],
  },
  {
    id: 'internal-transport-renew',
    reference: 'KB 953354; Microsoft Learn: New-ExchangeCertificate; Microsoft Learn: Edge Subscriptions',
    summary: s(
      'Internal transport certificate expired or expiring (12015, 12017), or an expired self-signed Setup certificate',
      '内部トランスポート証明書の期限切れ・期限間近 (12015、12017)、またはセットアップが作成した自己署名証明書の期限切れ',
    ),
    // A certificate for a name clients use (mail.…) made the internal transport certificate is a CA
    // one that IIS and other servers may share: renewed by request, never replaced by a self-signed copy.
    entries: [{ if: 'certForServerName', yes: [{ use: 'self-signed-renewal' }], no: [{ use: 'ca-renewal' }] }],
  },
  {
    id: 'starttls-missing',
    reference: 'Microsoft Learn: How to Troubleshoot STARTTLS Certificate Error 12014; KB 953354',
    summary: s(
      'No certificate for the connector FQDN (12014, 12014 with empty fields, TLS NoCredentials)',
      'コネクタの FQDN の証明書がない (12014、フィールドが空の 12014、TLS NoCredentials)',
    ),
    entries: [
      {
        if: 'fqdnKnown',
        yes: [
          {
            if: 'renewingInternal',
            yes: [],
            no: [
              {
                if: 'certCoversFqdn',
                yes: ['enable-smtp-found'],
                no: [
                  {
                    if: 'fqdnIsOwnName',
                    // Y makes it the internal transport certificate: an Edge's new one reaches the
                    // organisation only through a new subscription.
                    yes: ['new-for-own-fqdn', { if: 'isEdge', yes: [{ use: 'edge-resubscribe' }] }],
                    no: [
                      {
                        // The expired certificate for the name is renewed by its own plan above: its
                        // enable step already gives the new one SMTP.
                        if: 'coverRenewed',
                        yes: [],
                        no: [
                          // The admin imported the renewed certificate on another server only: it is copied
                          // from there with its key, never requested again.
                          {
                            if: 'importedElsewhere',
                            yes: ['show-renewed-on-source', 'export-copy', 'import-copy'],
                            no: [{ use: 'ca-request' }],
                          },
                          'ca-enable-smtp',
                          { if: 'connectorFqdnCovered', yes: ['set-connector-fqdn-covered'] },
                        ],
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
        no: [
          'show-connector-fqdn',
          {
            if: 'certCoversFqdn',
            yes: ['enable-smtp-found'],
            no: [
              {
                if: 'importedElsewhere',
                yes: ['show-renewed-on-source', 'export-copy', 'import-copy'],
                no: [{ use: 'ca-request' }],
              },
              'ca-enable-smtp',
            ],
          },
        ],
      },
      // After a renewal the receive connector may still name the old certificate: shown, then set.
      {
        if: 'renewalSaid',
        yes: [{ if: 'version>=2013', yes: [{ if: 'receivePinsOld', yes: ['set-receive-pin'] }] }],
      },
      // The Transport service logged 12016 for the same name beside Front End's 12014: both restart.
      { if: 'transportLoggedToo', yes: ['restart-transport-service'] },
      { use: 'restart-transport' },
      { use: 'verify-starttls' },
    ],
  },
  {
    id: 'smtp-overwrite-answer',
    reference: 'Microsoft Learn: Enable-ExchangeCertificate; Microsoft Learn: New-ExchangeCertificate',
    summary: s(
      'The "overwrite the existing default SMTP certificate?" prompt',
      '「既存の既定の SMTP 証明書を上書きしますか?」の確認',
    ),
    // One answer from who issued the new certificate; only a paste that does not show it gets both,
    // after the step that shows it. An answer the paste shows typed is judged, never asked again: a
    // wrong one is undone. A self-signed copy of a CA certificate (piped into New-ExchangeCertificate
    // without -GenerateRequest) is no renewal: N, never enabled, removed once it serves nothing.
    entries: [
      {
        if: 'overwriteNewIsCaCopy',
        yes: [
          {
            if: 'promptAnsweredY',
            yes: [
              'copy-typed-y',
              {
                if: 'previousInternalValid',
                yes: ['restore-internal-previous', 'confirm-internal-previous'],
                no: ['new-internal-self-signed', 'confirm-internal'],
              },
            ],
            no: ['copy-not-renewal'],
          },
          'show-copy-uses',
          'remove-copy',
          'verify-copy-gone',
        ],
        no: [
          {
            if: 'overwriteKeepsInternal',
            yes: [
              {
                if: 'promptAnswered',
                yes: [
                  {
                    if: 'promptAnsweredY',
                    yes: [
                      {
                        if: 'previousInternalValid',
                        yes: ['restore-internal-previous', 'confirm-internal-previous'],
                        no: ['new-internal-self-signed', 'confirm-internal'],
                      },
                    ],
                    no: ['overwrite-answered-right', 'verify-internal-kept'],
                  },
                ],
                no: [
                  { if: 'overwriteNewIsAuth', yes: ['overwrite-answer-n-auth'], no: ['overwrite-answer-n-ca'] },
                  'verify-internal-kept',
                ],
              },
            ],
            no: [
              {
                if: 'promptAnswered',
                yes: [{ if: 'promptAnsweredY', yes: ['overwrite-answered-right'], no: ['overwrite-redo-y'] }],
                no: ['overwrite-answer-y'],
              },
              'confirm-internal',
            ],
          },
        ],
      },
    ],
  },
  {
    id: 'starttls-pinned',
    reference: 'KB 2989382; Microsoft Learn: Set-ReceiveConnector -TlsCertificateName',
    summary: s(
      'A connector pins a certificate that is gone (12014 with <I>…<S>…, 451 5.7.3 from Exchange Online)',
      'コネクタが存在しない証明書を指定している (<I>…<S>… の 12014、Exchange Online からの 451 5.7.3)',
    ),
    entries: [
      'pin-needs-2013',
      {
        if: 'version>=2013',
        yes: [
          { if: 'renewedKnown', yes: [], no: ['show-smtp-candidates'] },
          { if: 'renewedHasSmtp', no: ['enable-smtp-new'] },
          { if: 'connectorIsSend', yes: ['set-named-send-pin'], no: ['set-receive-pin'] },
          { if: 'hybridPinsThis', yes: [{ use: 'hybrid-send-pin' }, { use: 'hybrid-peers' }] },
          { use: 'restart-transport' },
          { use: 'verify-starttls' },
        ],
      },
    ],
  },
  {
    id: 'send-connector-pin',
    reference: 'Microsoft Learn: Set-SendConnector -TlsCertificateName; Exchange hybrid TLS guidance',
    summary: s(
      'A send connector pins a certificate that is gone (454 4.7.5 in a queue)',
      '送信コネクタが存在しない証明書を指定している (キューの 454 4.7.5)',
    ),
    entries: [
      'pin-needs-2013',
      {
        if: 'version>=2013',
        yes: [
          'show-send-pins',
          { if: 'failingConnectorKnown', no: ['show-failing-send-queue'] },
          { if: 'renewedKnown', yes: [], no: ['show-smtp-candidates'] },
          { if: 'renewedHasSmtp', no: ['enable-smtp-new'] },
          // Only the connector the failing queue names changes: the hybrid ones when it is theirs,
          // and the Default Frontend connectors only while they are not shown on another certificate.
          {
            if: 'failingConnectorHybrid',
            yes: [
              { use: 'hybrid-send-pin' },
              { if: 'frontendPinsSame', yes: ['set-receive-pin', { use: 'hybrid-peers' }] },
            ],
            no: ['set-named-send-pin'],
          },
          'restart-transport-service',
          'retry-queue',
          'verify-queue',
        ],
      },
    ],
  },
  {
    id: 'starttls-renew',
    reference: 'Microsoft Learn: MSExchangeTransport 12016/12018; New-ExchangeCertificate; Enable-ExchangeCertificate',
    summary: s(
      'STARTTLS certificate expired or expiring (12016, 12018)',
      'STARTTLS 証明書の期限切れ・期限間近 (12016、12018)',
    ),
    entries: [
      {
        if: 'caIssued',
        yes: [
          { use: 'ca-request-keep-names' },
          {
            if: 'servicesKnown',
            // The same certificate serving OWA (its Services list IIS): IIS takes the new one at its
            // restart, and 443 is checked too (a check, so it goes last), since browsers show its expiry first.
            yes: ['ca-enable', { if: 'certHasIis', yes: ['restart-iis', 'verify-https-probe'] }],
            // The event proves SMTP only: the old certificate in the store says what else it had.
            no: [{ if: 'oldInStore', yes: ['ca-enable-as-old'], no: ['ca-enable-smtp'] }],
          },
          // The same certificate on other servers (each logs its own event): one request, then a copy
          // with its key on each of them, enabled there as here and its transport restarted. Servers
          // the admin only speaks of ("DAG of 3") are listed and given the copy with -Server.
          {
            if: 'sharedWithOthers',
            yes: [
              {
                each: 'sharedWith',
                do: [
                  'export-copy',
                  'import-copy',
                  {
                    if: 'servicesKnown',
                    yes: ['ca-enable'],
                    no: [{ if: 'oldInStore', yes: ['ca-enable-as-old'], no: ['ca-enable-smtp'] }],
                  },
                  { use: 'restart-transport' },
                ],
              },
              {
                if: 'othersBeyondNamed',
                yes: [{ if: 'version>=2010', yes: ['list-other-servers', 'import-on-others'] }],
              },
            ],
            no: [{ use: 'copy-to-others' }],
          },
        ],
        no: [
          'new-starttls-self-signed',
          { each: 'sharedWith', do: ['new-starttls-self-signed', { use: 'restart-transport' }] },
        ],
      },
      { if: 'version>=2013', yes: [{ if: 'pinsShown', yes: ['set-shown-pins'], no: ['list-connector-pins'] }] },
      { use: 'restart-transport' },
      { use: 'remove-old-safely' },
      { use: 'verify-starttls' },
    ],
  },
  {
    id: 'renewed-rollout',
    reference: 'Microsoft Learn: Export-ExchangeCertificate; Import-ExchangeCertificate; Enable-ExchangeCertificate',
    summary: s(
      'An expiring or expired certificate already renewed: the paste shows a newer valid one with the same subject and names',
      '更新済みの期限間近・期限切れの証明書 (同じサブジェクトと名前の、より新しい有効な証明書が貼り付けにある)',
    ),
    // No second request: the renewed certificate is enabled for what the old one served where it lacks
    // it, copied with its key to each server still without it, and the old one goes server by server.
    // The renewed certificate is shown first: by the branch below when its issuer is not in the paste.
    entries: [
      { if: 'renewedCaIssued', yes: ['show-renewed-cert'] },
      // A self-signed copy (the old certificate piped into New-ExchangeCertificate without
      // -GenerateRequest) has the same subject and names: it is never enabled in the old one's place.
      {
        if: 'renewedCaIssued',
        yes: [
          {
            if: 'renewedServicesShown',
            yes: [
              {
                if: 'renewedLacksServices',
                yes: ['enable-renewed-missing', { if: 'missingIncludesIis', yes: ['restart-iis'] }],
              },
              // Both list IIS: Services is history, so the 443 binding says which one serves.
              { if: 'renewedListsIis', yes: [{ if: 'oldStillOn443', yes: ['enable-renewed-iis'] }] },
            ],
            // certutil, PEM, a store listing: the old certificate's services are read off it, never
            // left out, so the renewal is enabled for what the old one served.
            no: [
              {
                if: 'servicesKnown',
                yes: ['enable-renewed'],
                no: ['show-old-services-renewed', 'enable-renewed-as-old'],
              },
              { if: 'certHasIis', yes: ['restart-iis'] },
            ],
          },
          // A connector that pins the old certificate loses STARTTLS the moment it goes: every pin
          // is repointed (or listed, when the paste does not show them) before any server removes it.
          {
            if: 'version>=2013',
            yes: [
              {
                if: 'certMayPinSmtp',
                yes: [
                  {
                    // An Edge has no Default Frontend connector and its send connectors come from
                    // EdgeSync: the hybrid connectors are set on the Mailbox servers, not here.
                    if: 'shownEdge',
                    yes: ['list-connector-pins'],
                    no: [
                      {
                        // Connectors shown naming the old certificate are set by name (the wizard
                        // would leave a partner's behind), their services restarted and 25 probed;
                        // otherwise the wizard when hybrid pins it, or the listed pins.
                        if: 'pinsShown',
                        yes: [
                          { if: 'pinsShownBeyondHybrid', yes: ['set-shown-pins'], no: ['set-shown-hybrid-pins'] },
                          'restart-for-connectors',
                          'verify-starttls-probe',
                        ],
                        no: [
                          {
                            if: 'certHasSmtp',
                            yes: [{ if: 'hybridPinsThis', yes: ['rerun-hcw-renewed'], no: ['list-connector-pins'] }],
                            no: ['list-connector-pins'],
                          },
                        ],
                      },
                    ],
                  },
                ],
              },
            ],
          },
          // Each other server that holds it too: enabled there for what it lacks, then the old one goes.
          {
            each: 'renewedElsewhere',
            do: [
              {
                if: 'renewedLacksServices',
                yes: ['enable-renewed-missing', { if: 'missingIncludesIis', yes: ['restart-iis'] }],
              },
              { use: 'check-before-remove' },
              'remove-old-renewed',
            ],
          },
          {
            if: 'sharedWithOthers',
            yes: [
              'export-copy',
              {
                each: 'sharedWith',
                do: [
                  'import-copy',
                  'enable-renewed',
                  { if: 'certHasIis', yes: ['restart-iis'] },
                  // The old one may be that server's internal transport certificate too: shown, then replaced there.
                  {
                    if: 'knownInternalTransport',
                    yes: [
                      {
                        if: 'internalHere',
                        yes: ['new-internal-self-signed', 'confirm-internal', 'restart-transport-service'],
                      },
                    ],
                    // The services that answer on 25 there read the copy only when they start again.
                    no: [
                      {
                        if: 'servicesIncludeSmtp',
                        yes: [
                          {
                            if: 'version>=2013',
                            yes: [
                              {
                                if: 'shownEdge',
                                yes: ['restart-transport-service'],
                                no: ['restart-transport-port-25'],
                              },
                            ],
                            no: ['restart-transport-service'],
                          },
                        ],
                      },
                    ],
                  },
                  { use: 'check-before-remove' },
                  'remove-old-renewed',
                ],
              },
            ],
            // Servers the admin speaks of (behind the load balancer, in the DAG) but the paste does not name.
            no: [{ use: 'copy-to-others' }],
          },
          // An old certificate that is the internal transport certificate hands that role to a new
          // self-signed one of the server's own names (Y) before it goes: the renewal never takes it.
          {
            if: 'knownInternalTransport',
            yes: ['new-internal-self-signed', 'confirm-internal', { use: 'restart-transport' }],
            // A transport event or port 25 showed the failure: the service that logged it (or the ones
            // that answer on the SMTP ports) reads the renewed SMTP certificate again.
            no: [{ if: 'smtpFailureRolledOut', yes: [{ use: 'restart-transport' }] }],
          },
          { if: 'eventShown', yes: ['verify-events'] },
          { use: 'check-before-remove' },
          'remove-old-renewed',
          { if: 'offloadSaid', yes: ['offload-export', 'offload-install'] },
          { if: 'certHasIis', yes: ['verify-https-probe'] },
          { if: 'certHasSmtp', yes: ['verify-starttls-probe'] },
        ],
        no: ['renewed-self-signed-copy'],
      },
    ],
  },
  {
    id: 'presented-rollout',
    reference: 'Microsoft Learn: Export-ExchangeCertificate; Import-ExchangeCertificate; Enable-ExchangeCertificate',
    summary: s(
      'An endpoint presents an expired or expiring certificate while a server already holds its renewal (servers behind a load balancer, a DAG)',
      'エンドポイントが期限切れ・期限間近の証明書を提示しているが、更新後の証明書はすでにサーバーにある (ロード バランサーの背後のサーバー、DAG)',
    ),
    // No new request (one built from the presented subject would lose the other names): the renewal is
    // found by its dates, enabled where it is, copied to the other servers and enabled there, their
    // services restarted; the failing port is then checked on each server by its own name.
    entries: [
      'list-with-dates',
      'enable-renewed',
      {
        if: 'presentedOnHttps',
        yes: ['restart-iis'],
        no: [{ if: 'version>=2013', yes: ['restart-transport-port-25'], no: ['restart-transport-service'] }],
      },
      {
        // The other servers the paste names get the copy by name, each enabled and restarted itself.
        if: 'sharedWithOthers',
        yes: [
          'export-copy',
          {
            each: 'sharedWith',
            do: [
              'import-copy',
              'enable-renewed',
              {
                if: 'presentedOnHttps',
                yes: ['restart-iis'],
                no: [{ if: 'version>=2013', yes: ['restart-transport-port-25'], no: ['restart-transport-service'] }],
              },
            ],
          },
        ],
        no: [
          {
            if: 'version>=2010',
            yes: [
              'export-for-others',
              'list-other-servers',
              'import-on-others',
              { if: 'presentedOnHttps', yes: ['restart-others-iis'], no: ['restart-others-smtp'] },
            ],
            no: ['ca-other-servers'],
          },
        ],
      },
      'verify-each-server-probe',
    ],
  },
  {
    id: 'ca-renew',
    reference:
      'Microsoft Learn: New-ExchangeCertificate -GenerateRequest; Import-ExchangeCertificate; Enable-ExchangeCertificate',
    summary: s('A CA-issued certificate expired or expiring', 'CA 発行の証明書の期限切れ・期限間近'),
    entries: [{ use: 'ca-renewal' }],
  },
  {
    id: 'setup-cert-expired',
    reference: 'CSS-Exchange SetupLogReviewer (Test-ExpiredCertificate)',
    summary: s('Setup stops: "The certificate is expired."', 'セットアップが「The certificate is expired.」で止まる'),
    // A certificate the paste lists (matched by the log's issuer and expiry) is renewed by its own plan:
    // only Setup itself is left here.
    entries: [
      {
        if: 'setupCertListed',
        no: [
          'find-expired-certs',
          {
            if: 'caIssued',
            yes: [{ use: 'ca-request-keep-names' }, 'ca-enable'],
            no: [
              { if: 'isInternalTransport', yes: ['new-internal-self-signed'], no: ['new-self-signed-not-internal'] },
              {
                // Decided by the paste: the step then still says it is for a 443 binding on the expired certificate.
                if: 'iisCaCandidate',
                yes: [{ if: 'iisServedByExpiredSetupCert', yes: ['enable-iis-ca'] }],
                no: [{ if: 'iisServedByExpiredSetupCert', yes: ['enable-iis-new'] }],
              },
              { if: 'version>=2013', yes: ['rebind-backend-444'] },
            ],
          },
        ],
      },
      'rerun-setup',
      'verify-owa',
    ],
  },
  {
    id: 'backend-444-rebind',
    reference: 'KB 2971270; Microsoft Learn: Exchange Back End site certificate binding',
    summary: s(
      'Exchange Back End (port 444) bound to a removed or broken certificate (HttpEvent 15021)',
      'Exchange Back End (ポート 444) が削除済みまたは壊れた証明書にバインドされている (HttpEvent 15021)',
    ),
    entries: [
      'show-backend-444',
      { if: 'backendCandidateKnown', yes: [], no: ['show-valid-store-certificates'] },
      {
        // Setup's certificate was the internal transport certificate too. The Management Shell reaches
        // Exchange through 444, so Back End is first bound to a valid certificate of the store; then one
        // new self-signed certificate (Y) takes both uses back, and Back End is bound to it.
        if: 'setupCertGone',
        yes: [
          'rebind-backend-444-interim',
          'new-internal-self-signed',
          'confirm-internal',
          'rebind-backend-444-internal',
          // A server with a Back End site is a Mailbox server: its Transport service loads the internal
          // transport certificate.
          'restart-transport-service',
        ],
        no: ['rebind-backend-444'],
      },
      'verify-owa',
    ],
  },
  {
    id: 'auth-renew',
    reference: 'KB 2617816; Microsoft Learn: Set-AuthConfig; https://aka.ms/MonitorExchangeAuthCertificate',
    summary: s(
      'Auth (OAuth) certificate expired or missing (OWA/ECP sign-in loops, 1003, HMACProvider, HCW)',
      'Auth (OAuth) 証明書の期限切れ・欠落 (OWA/ECP のサインインの繰り返し、1003、HMACProvider、HCW)',
    ),
    entries: [
      'no-auth-before-2013',
      {
        if: 'authCurrent',
        yes: [
          // A new Auth certificate only when the current one is shown expired or gone, never on a symptom
          // alone; the check that shows it comes first only when the paste does not.
          {
            if: 'authNeedsReplacing',
            yes: [
              // A valid next certificate already staged is promoted: a new one would have to be made,
              // published and trusted by Exchange Online all over again.
              {
                if: 'authNextStaged',
                yes: ['auth-next-on-servers', 'promote-staged-auth'],
                no: ['new-auth', 'set-auth-now'],
              },
              'restart-auth-consumers',
              { each: 'otherMailbox', do: ['restart-auth-consumers'] },
              { if: 'hybrid', yes: ['rerun-hcw-auth', 'verify-oauth-connectivity'] },
              'verify-authconfig',
            ],
            no: ['auth-still-valid'],
          },
          'verify-owa',
        ],
        no: [{ use: 'remove-old-safely' }, 'verify-authconfig'],
      },
    ],
  },
  {
    id: 'auth-stage-next',
    reference: 'Microsoft Learn: Set-AuthConfig; https://aka.ms/MonitorExchangeAuthCertificate',
    summary: s('Auth (OAuth) certificate expiring', 'Auth (OAuth) 証明書の期限間近'),
    entries: [
      'no-auth-before-2013',
      {
        if: 'authCurrent',
        yes: [
          'new-auth',
          'stage-auth',
          'publish-later',
          'restart-auth-consumers',
          // Each Mailbox server caches the Auth certificate on its own, after a staged roll-over as after an immediate one.
          { each: 'otherMailbox', do: ['restart-auth-consumers'] },
          { if: 'hybrid', yes: ['rerun-hcw-auth'] },
          'verify-authconfig',
          'clear-previous-auth-later',
        ],
        no: ['verify-authconfig'],
      },
    ],
  },
  {
    id: 'auth-check-thumbprint',
    reference: 'KB 3089171',
    summary: s(
      'The Hybrid Configuration Wizard cannot find the Auth certificate',
      'ハイブリッド構成ウィザードが Auth 証明書を見つけられない',
    ),
    // A listing that shows the certificate gone from this server: each other server the paste names is
    // asked, and a copy comes only from one that lists it.
    entries: [
      'no-auth-before-2013',
      'show-authconfig',
      {
        if: 'authMissingHere',
        yes: [
          {
            each: 'otherMailbox',
            do: ['auth-show-on-server', { if: 'authListedThere', yes: ['auth-export-here', 'auth-import-to-source'] }],
          },
        ],
        no: ['authconfig-servers', 'auth-copy-to-servers', 'auth-import-on-server'],
      },
      'verify-authconfig',
    ],
  },
  {
    id: 'federation-renew',
    reference:
      'Microsoft Learn: Renew the federation certificate (Exchange 2013); Microsoft Learn: Get-FederatedDomainProof',
    summary: s('Federation certificate expiring', 'フェデレーション証明書の期限間近'),
    entries: [
      'no-federation-in-2007',
      'check-federation',
      { if: 'thumbprintKnown', yes: ['check-named-federation'] },
      'check-is-auth',
      'new-federation',
      'federation-set-next',
      'federation-domain-proof',
      'federation-publish',
      'verify-federation',
    ],
  },
  {
    id: 'federation-expired',
    reference: 'Microsoft Learn: Renew the federation certificate — Replace an expired federation certificate',
    summary: s('Federation certificate expired', 'フェデレーション証明書の期限切れ'),
    entries: [
      'no-federation-in-2007',
      'check-federation',
      { if: 'thumbprintKnown', yes: ['check-named-federation'] },
      'federation-recreate',
      'verify-federation',
    ],
  },
  {
    id: 'edge-resubscribe-stale',
    reference: 'Microsoft Learn: Edge Subscriptions; New-EdgeSubscription',
    summary: s(
      'A queue to the Edge fails Exchange Server authentication (451 5.7.3) after the Edge certificate changed',
      'エッジの証明書を変えた後、エッジへのキューが Exchange Server 認証に失敗する (451 5.7.3)',
    ),
    // The Edge's new certificate is published only by a new subscription: made on the Edge, imported
    // on the Mailbox server that holds the queue, synchronised, then the queue retried.
    entries: [{ use: 'edge-resubscribe' }, 'retry-queue', 'verify-edgesync', 'verify-queue'],
  },
  {
    id: 'remote-peer-renew',
    reference: 'Microsoft Learn: MSExchangeTransport 12019',
    summary: s("A peer's certificate expired (12019, 12020)", '相手のサーバーの証明書の期限切れ (12019、12020)'),
    entries: [
      'peer-inspect',
      {
        if: 'isInternalTransport',
        yes: [
          'peer-renew-internal',
          {
            if: 'peerIsEdge',
            yes: [{ use: 'edge-resubscribe' }, 'verify-edgesync'],
            // A Hub/Mailbox peer's new certificate reaches the Edge through EdgeSync, run from the peer.
            no: ['hub-start-edgesync'],
          },
        ],
        no: ['peer-renew-starttls'],
      },
      'verify-events',
    ],
  },
  {
    id: 'internal-missing-local',
    reference: 'Microsoft Learn: MSExchangeTransport 12013/12024',
    summary: s(
      'Internal transport certificate not found on the server (12013, 12023, 12024)',
      '内部トランスポート証明書がサーバーに見つからない (12013、12023、12024)',
    ),
    entries: [
      // Re-enabled, the internal transport certificate is the one the event named, not a new one.
      {
        if: 'certInStore',
        yes: ['reenable-internal', 'confirm-internal-reenabled'],
        no: [
          'new-internal-self-signed',
          'confirm-internal',
          // On 2013+ the certificate gone was most likely Setup's, which Exchange Back End (444) is bound
          // to as well: OWA, ECP and the Management Shell go blank at the next restart unless it is rebound.
          {
            if: 'version>=2013',
            yes: [
              {
                if: 'shownEdge',
                no: [{ if: 'oldOnBackEnd444', yes: ['show-backend-444', 'rebind-backend-444-internal'] }],
              },
            ],
          },
        ],
      },
      { if: 'edgeSubscribed', yes: [{ use: 'edge-resubscribe' }] },
      { use: 'restart-transport' },
      { use: 'verify-transport' },
    ],
  },
  {
    id: 'internal-missing-ad',
    reference: 'Microsoft Learn: MSExchangeTransport 12012',
    summary: s(
      'Internal transport certificate missing or corrupt in Active Directory (12012, 12022)',
      'Active Directory の内部トランスポート証明書の欠落・破損 (12012、12022)',
    ),
    entries: [
      'reenable-internal',
      'wait-replication',
      { if: 'edgeSubscribed', yes: [{ use: 'edge-resubscribe' }] },
      { use: 'verify-transport' },
    ],
  },
  {
    id: 'renewal-lacks-name',
    reference: 'Microsoft Learn: Certificate requirements for Exchange services',
    summary: s(
      'A newer CA certificate for the same name lacks a name the current certificate has (a SAN such as autodiscover)',
      '同じ名前の新しい CA 証明書に、現在の証明書にある名前 (autodiscover などの SAN) がない',
    ),
    // Nothing is enabled or removed: the request that follows carries every name of the current one.
    entries: ['renewal-lacks-name-hold'],
  },
  {
    id: 'offload-renewal',
    reference: 'Microsoft Learn: Export-ExchangeCertificate; Certificate requirements for Exchange services',
    summary: s(
      'A load balancer that terminates TLS (SSL offload or bridging) still presents the old certificate on 443, while Exchange has its renewal enabled',
      'TLS を終端するロード バランサー (SSL オフロードまたはブリッジ) が、Exchange では更新後の証明書が有効なのに 443 で古い証明書を提示している',
    ),
    // Nothing changes on Exchange: the renewal already serves IIS there; the device presents its own copy.
    entries: ['offload-export', 'offload-install', 'verify-https-probe'],
  },
  {
    id: 'chain-renew',
    reference: 'Microsoft Learn: Certificate requirements for Exchange services',
    summary: s(
      'An issuing (intermediate) CA certificate in the presented chain has expired',
      '提示されるチェーン内の発行元 (中間) CA 証明書の期限切れ',
    ),
    entries: [
      'chain-show-intermediates',
      'chain-install-renewed',
      'chain-leaf-reissue',
      // What presented the chain reloads it: IIS for 443, the transport services for SMTP.
      { if: 'presentedOnHttps', yes: ['chain-restart-iis'], no: ['chain-restart'] },
      // Each server behind the name presents its own chain from its own store, and is probed by its own name.
      {
        if: 'sharedWithOthers',
        yes: [
          'chain-probe-server',
          {
            each: 'sharedWith',
            do: [
              'chain-show-intermediates',
              'chain-install-renewed',
              { if: 'presentedOnHttps', yes: ['chain-restart-iis'], no: ['chain-restart'] },
              'chain-probe-server',
            ],
          },
        ],
      },
      { if: 'presentedOnHttps', yes: ['verify-https-probe'], no: ['verify-starttls-probe'] },
    ],
  },
  {
    id: 'chain-missing-issuer',
    reference: 'Microsoft Learn: Get-ExchangeCertificate (Status, RootCAType); Enable-ExchangeCertificate',
    summary: s(
      'A new CA-issued certificate shows Status Invalid, RootCAType Unknown (its issuing CA certificate is missing)',
      '新しい CA 発行の証明書の Status が Invalid、RootCAType が Unknown (発行元 CA の証明書がない)',
    ),
    // No new request: the same CA would issue a certificate with the same missing link.
    entries: [
      'issuer-install',
      'issuer-recheck',
      'issuer-enable',
      { if: 'shownEdge', no: ['restart-iis'] },
      { if: 'version>=2013', yes: ['list-connector-pins'] },
      { if: 'shownEdge', yes: ['verify-starttls-probe'], no: ['verify-https-probe'] },
    ],
  },
  {
    id: 'revocation-check',
    reference: 'Microsoft Learn: Get-ExchangeCertificate (Status); Exchange hybrid TLS guidance',
    summary: s('Revocation check fails (RevocationCheckFailure)', '失効確認の失敗 (RevocationCheckFailure)'),
    // What the paste already shows is not asked again: WinHTTP on direct access beside a proxy the
    // admin names is the cause, and setting it is the fix.
    entries: [
      { if: 'urlfetchShown', no: ['revocation-urlfetch'] },
      {
        if: 'winhttpDirect',
        yes: [{ if: 'proxyKnown', yes: ['revocation-set-proxy'], no: ['revocation-import-proxy'] }],
        no: ['revocation-proxy'],
      },
      'revocation-recheck',
    ],
  },
  {
    id: 'pending-request',
    reference: 'Microsoft Learn: Complete a pending Exchange certificate request',
    summary: s(
      'A certificate request was never completed (PendingRequest)',
      '証明書要求が完了していない (PendingRequest)',
    ),
    // A request that renews a listed certificate (same subject, on this server) is completed, never
    // made again, and the completed certificate takes over the old one's services.
    entries: [
      'pending-complete',
      { if: 'servicesKnown', yes: ['pending-enable-as-old'], no: ['pending-enable'] },
      // The services it was enabled for read it: IIS is restarted, the transport service that logged
      // the event (or the ones that answer on the SMTP ports) restarted, and each is checked.
      { if: 'servicesIncludeIis', yes: ['restart-iis'] },
      { if: 'servicesIncludeSmtp', yes: [{ use: 'restart-transport' }] },
      // The key exists only on the server that made the request: every other server the paste names
      // for the same names gets the completed certificate exported from there with its key.
      {
        if: 'sharedWithOthers',
        yes: [
          'export-copy',
          {
            each: 'sharedWith',
            do: [
              'import-copy',
              'ca-enable',
              { if: 'servicesIncludeIis', yes: ['restart-iis'] },
              {
                if: 'servicesIncludeSmtp',
                yes: [{ if: 'version>=2013', yes: ['restart-transport-port-25'], no: ['restart-transport-service'] }],
              },
            ],
          },
        ],
      },
      'verify-new-certificate',
      { if: 'eventShown', yes: ['verify-events'] },
      { if: 'servicesIncludeIis', yes: ['verify-https-probe'] },
      { if: 'servicesIncludeSmtp', yes: ['verify-starttls-probe'] },
    ],
  },
  {
    id: 'self-signed-client-facing',
    reference: 'Microsoft Learn: Certificate requirements for Exchange services',
    summary: s('A self-signed certificate serves clients', '自己署名証明書がクライアントに使われている'),
    entries: [{ if: 'caCertServesIis', yes: [], no: ['ca-for-clients', 'verify-https-probe'] }],
  },
  {
    id: 'self-signed-smtp',
    reference: 'Microsoft Learn: Enable-ExchangeCertificate; Set-ReceiveConnector -TlsCertificateName',
    summary: s(
      'Port 25 presents a self-signed certificate (openssl s_client -starttls smtp)',
      'ポート 25 が自己署名証明書を提示している (openssl s_client -starttls smtp)',
    ),
    // The CA-issued certificate is enabled for SMTP with N (Setup's certificate stays the internal
    // transport one) and named on the connector partners reach; an Edge or a 2007/2010 server has no
    // Default Frontend and picks the certificate by the connector's FQDN.
    entries: [
      { if: 'renewedKnown', yes: [], no: ['show-smtp-candidates'] },
      {
        if: 'version>=2013',
        yes: [
          {
            if: 'shownEdge',
            yes: ['show-receive-fqdn', 'enable-smtp-ca', 'restart-transport-service'],
            no: ['enable-smtp-ca', 'set-frontend-pin-ca', 'restart-frontend-for-pin'],
          },
        ],
        no: ['show-receive-fqdn', 'enable-smtp-ca', 'restart-transport-service'],
      },
      'verify-starttls-probe',
    ],
  },
  {
    id: 'remove-stated-old',
    reference: 'Microsoft Learn: Remove-ExchangeCertificate; Get-ExchangeCertificate',
    summary: s(
      'The admin asks whether the old certificate can be removed, naming the old and the new one by thumbprint',
      '古い証明書を削除してよいかの質問 (古い証明書と新しい証明書を拇印で示している)',
    ),
    // The old certificate goes only once nothing uses it: the renewal serves 443 and SMTP, 444 is not
    // bound to it, no connector names it in TlsCertificateName (org-wide, listed once before any
    // removal), and it is neither the internal transport nor the Auth certificate; then server by server.
    entries: [
      'show-stated-pair',
      { if: 'version>=2010', yes: ['check-443-here'] },
      { if: 'version>=2013', yes: ['show-backend-444'] },
      'identify-internal',
      { if: 'version>=2013', yes: ['identify-auth', 'list-connector-pins'] },
      'remove-old-renewed',
      {
        each: 'sharedWith',
        do: [
          'show-stated-pair',
          { if: 'version>=2010', yes: ['check-443-here'] },
          { if: 'version>=2013', yes: ['show-backend-444'] },
          'remove-old-renewed',
        ],
      },
    ],
  },
  {
    id: 'identify-thumbprint',
    reference: 'Microsoft Learn: Get-ExchangeCertificate',
    summary: s('Only a thumbprint was pasted', '拇印だけが貼り付けられた'),
    entries: ['identify-describe', 'identify-internal', { if: 'shownEdge', no: ['identify-auth'] }],
  },
  {
    id: 'list-with-dates',
    reference: 'Microsoft Learn: Get-ExchangeCertificate',
    summary: s('A listing without dates', '日付のない一覧'),
    entries: ['list-with-dates'],
  },
  {
    id: 'clean-thumbprint',
    reference: 'Microsoft Learn: Get-ExchangeCertificate',
    summary: s('A thumbprint with invisible characters', '見えない文字を含む拇印'),
    entries: ['use-clean-thumbprint'],
  },
  {
    id: 'private-key-missing',
    reference: 'Microsoft Learn: Import-ExchangeCertificate; Export-ExchangeCertificate; Enable-ExchangeCertificate',
    summary: s(
      'A certificate refused for PrivateKeyMissing: installed on a server that did not make its request',
      'PrivateKeyMissing で拒否された証明書: 要求を作成していないサーバーにインストールされている',
    ),
    // No new request: the certificate is issued; its key waits on the server that made the request.
    entries: [
      'pkm-complete-request',
      {
        if: 'requestKeyThere',
        yes: [
          'pkm-export',
          'pkm-remove-keyless',
          'import-copy',
          'pkm-enable',
          { if: 'servicesIncludeIis', yes: ['restart-iis'] },
        ],
        no: ['pkm-request-lost'],
      },
      'pkm-verify',
      { if: 'servicesIncludeIis', yes: ['verify-https-probe'] },
      { if: 'servicesIncludeSmtp', yes: ['verify-starttls-probe'] },
    ],
  },
  {
    id: 'chain-not-sent',
    reference: 'Microsoft Learn: Certificate requirements for Exchange services',
    summary: s(
      'A server presents its certificate without its issuing CA (openssl: verify error 20/21, one certificate in the chain)',
      'サーバーが発行元 CA なしで証明書を提示している (openssl: verify error 20/21、チェーンに証明書が 1 つ)',
    ),
    // No new certificate: the one presented is fine; the server lacks the link to send with it.
    entries: [
      'issuer-install',
      {
        if: 'presentedOnHttps',
        yes: ['restart-iis', 'verify-https-probe'],
        no: [{ use: 'restart-transport-no-event' }, 'verify-starttls-probe'],
      },
    ],
  },
  {
    id: 'name-mismatch',
    reference: 'Microsoft Learn: Certificate requirements for Exchange services',
    summary: s(
      'Outlook: "the name on the security certificate is invalid or does not match the name of the site" (Outlook Anywhere error 10)',
      'Outlook: 「セキュリティ証明書の名前が無効であるか、サイト名と一致しません」 (Outlook Anywhere のエラー 10)',
    ),
    // Nothing changes until the paste shows the certificate that serves the name.
    entries: [
      {
        if: 'mismatchCertShown',
        yes: [
          'mismatch-request',
          'ca-submit',
          'ca-import',
          'ca-enable',
          'restart-iis',
          { use: 'copy-to-others' },
          { if: 'autodiscoverName', yes: ['autodiscover-uri-option'] },
        ],
        no: [
          {
            if: 'internalHostName',
            // The internal name is never on a public certificate: the check is of the name Outlook is moved to.
            yes: ['autodiscover-scp-internal', 'probe-covered-name-443'],
            no: [
              'show-client-certificates',
              { if: 'outlookAnywhereSaid', yes: ['show-outlook-anywhere'] },
              'probe-name-443',
            ],
          },
        ],
      },
      { if: 'mismatchCertShown', yes: ['probe-name-443'] },
    ],
  },
  {
    id: 'imap-pop-certificate-name',
    reference: 'Microsoft Learn: Set-ImapSettings; Set-PopSettings',
    summary: s(
      'A wildcard certificate enabled for IMAP/POP: "the subject is not a Fully Qualified Domain Name"',
      'IMAP/POP に有効化したワイルドカード証明書: 「the subject is not a Fully Qualified Domain Name」',
    ),
    // The certificate stays: only the name IMAP and POP look it up by changes.
    entries: [
      { if: 'imapWarned', yes: ['imap-x509-name'] },
      { if: 'popWarned', yes: ['pop-x509-name'] },
      'verify-imap-pop-name',
      { if: 'imapWarned', yes: ['verify-imap-probe'] },
      { if: 'popWarned', yes: ['verify-pop-probe'] },
    ],
  },
  ...RESPONSE_PLAN_ROWS,
  ...HYBRID_PLAN_ROWS,
];
