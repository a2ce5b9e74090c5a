/**
 * A paste that walks the core's main paths (event layouts, a pinned TlsCertificateName, a
 * Get-ExchangeCertificate | fl listing, a PEM certificate). Each pool thread reads it a few times
 * before it takes work: a fresh thread's first long paste otherwise pays for compiling the core's
 * functions and expressions, roughly doubling its time, and a thread that replaced a stopped one
 * would be the slowest exactly when the pool is already behind.
 */
export const WARM_UP_PASTE = `Event Type:	Warning
Event Source:	MSExchangeTransport
Event Category:	TransportService
Event ID:	12015
Date:		7/14/2008
Time:		8:02:11 AM
User:		N/A
Computer:	HUB01
Description:
An internal transport certificate expired. Thumbprint:3BFBD8DFD6642FE619EA98BBB6051BC5ADEBBE0C

Log Name:      Application
Source:        MSExchangeFrontEndTransport
Date:          11/27/2026 10:05:31 AM
Event ID:      12014
Task Category: TransportService
Level:         Error
Keywords:      Classic
User:          N/A
Computer:      EXHYB01.fabrikam.local
Description:
Microsoft Exchange could not find a certificate that contains the domain name <I>CN=DigiCert TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US<S>CN=mail.fabrikam.com, O=Fabrikam Inc, L=Seattle, S=Washington, C=US in the personal store on the local computer. Therefore, it is unable to support the STARTTLS SMTP verb for the connector Default Frontend EXHYB01 with a FQDN parameter of mail.fabrikam.com. If the connector's FQDN is not specified, the computer's FQDN is used. Verify the connector configuration and the installed certificates to make sure that there is a certificate with a domain name for that FQDN. If this certificate exists, run Enable-ExchangeCertificate -Services SMTP to make sure that the Microsoft Exchange Transport service has access to the certificate key.

(from the EXO message trace) 450 4.4.317 Cannot connect to remote server [Message=451 5.7.3 STARTTLS is required to send mail]

[PS] C:\\Windows\\system32>Get-ExchangeCertificate -Thumbprint 2747582B9132F38EB2A0BE075A1C964195851AF1 | fl

AccessRules        : {System.Security.AccessControl.CryptoKeyAccessRule, System.Security.AccessControl.CryptoKeyAccessRule,
                     System.Security.AccessControl.CryptoKeyAccessRule}
CertificateDomains : {EX2016, EX2016.corp.contoso.com}
HasPrivateKey      : True
IsSelfSigned       : True
Issuer             : CN=EX2016
NotAfter           : 8/6/2026 6:56:14 AM
NotBefore          : 8/6/2021 6:56:14 AM
PublicKeySize      : 2048
RootCAType         : Registry
SerialNumber       : 1E048FC644FC9E541E1D3E6C124FFDF7
Services           : IMAP, POP, IIS, SMTP
Status             : DateInvalid
Subject            : CN=EX2016
Thumbprint         : 2747582B9132F38EB2A0BE075A1C964195851AF1

-----BEGIN CERTIFICATE-----
MIIDFTCCAf2gAwIBAgIEGis/qzANBgkqhkiG9w0BAQsFADAdMRswGQYDVQQDExJD
b250b3NvIElzc3VpbmcgQ0EwHhcNMjUxMjEwMDAwMDAwWhcNMjYxMjEwMDAwMDAw
WjAaMRgwFgYDVQQDEw9vd2EuY29udG9zby5jb20wggEiMA0GCSqGSIb3DQEBAQUA
A4IBDwAwggEKAoIBAQDnVK/nm40YQFR902646WCe0CAO/yyM+OUl2ZMKoP7eH7s1
eJMx6eaI6GPThEYn6oWfKPA1NYnUorGBLFOXfmCTlFNjlZD27+k/8tdZX7G6Vzkl
HJYTmdtF/exIUDstheqwCVxtS0Ifd+0k7LwKRbNDFesjxNWtJ5567zO4WmabqvbZ
ZIkz1R5+9yS8z3sdi9+SStZVKunCiDOGWFdSOAb0/T+9JiQ5ntWASxOwzjXz3NvA
y3kZPQ7Gozo/JLlZ4K01KWt/ZC40UM8mYs27W5vUUwnVrQ4O3NqSFKowCDaJwVg0
OX9n7HYnRIZFVi9PJARzuywkXBMNXP1LV9PAwhk/AgMBAAGjYDBeMAwGA1UdEwEB
/wQCMAAwGgYDVR0RBBMwEYIPb3dhLmNvbnRvc28uY29tMB0GA1UdDgQWBBRMqldw
k8IeJm05AmyrO7KrLbiKajATBgNVHSUEDDAKBggrBgEFBQcDATANBgkqhkiG9w0B
AQsFAAOCAQEAT/zCsqnvSqqLISZiQqBS+tQCwtqJexMKvhcB7DVd8mBFmfAtYrEM
ZPM7NF4ptCitpZPSWPxy0NGfPXa688XMN3tPbDO3H32sFx6N9oQ4CyMSClJgHwMD
b6FDHIZe/7G9ifVDKW9HX1ZlNJKbbTxaEkfzaP+CcMe+MbhzBPWqk7P/kzZskqph
5/yDglKUeV9pqIqKH4Lp13KF4/cF7l/afhi3/UwmZS7OHy8ZxtUFMj012peZAVnl
9alqkFEzdcFZZvVQisKqRKZu8HmAodgzscy3F3gVscKfk9IXVZHZs1ZqjMAMbCaD
6vOwfXserctF4uTQ4DymkEVOQwmsfAgQ5g==
-----END CERTIFICATE-----
`;
