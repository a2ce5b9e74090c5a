import type { Diagnosis } from './model.js';

/**
 * "EX01 (IIS,SMTP), EX02 (None)" when the servers holding one certificate list different services for
 * their copies; undefined when they agree (the certificate's own Services say it once).
 */
export function servicesPerServer(diagnosis: Diagnosis, cert: Diagnosis['certificates'][number]): string | undefined {
  if (!cert.thumbprint || (cert.servers?.length ?? 0) < 2) return undefined;
  const copies = (diagnosis.servers ?? []).flatMap((server) => {
    const copy = server.certificates.find((c) => c.thumbprint === cert.thumbprint);
    return server.name && copy?.servicesHistory ? [{ name: server.name, services: copy.servicesHistory }] : [];
  });
  const said = new Set(copies.map((c) => c.services.join(',')));
  if (copies.length < 2 || said.size < 2) return undefined;
  return copies
    .slice(0, 3)
    .map((c) => `${c.name} (${c.services.length > 0 ? c.services.join(',') : 'None'})`)
    .join(', ');
}
