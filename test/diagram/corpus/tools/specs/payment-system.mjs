import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('payment-system', {
    description: 'A payment system: a user checks out through a payment service that writes a payment DB and calls a payment executor and a PSP (Stripe); wallet and ledger services update balances and a double-entry ledger; Kafka events feed reconciliation against settlement files in S3.',
    style: ['product-names', 'abbreviations', 'multiline-labels'], font: 6, fontSize: 17, roughness: 0, strokeWidth: 1,
  });
  d.box('u', 'rect', 0, 100, 110, 60, 'User', 'client', { rounded: true, bg: '#f8f9fa' });
  d.box('ps', 'rect', 190, 90, 160, 80, 'Payment\nservice', 'service', { bg: '#dbe4ff' });
  d.box('pdb', 'cyl', 200, 260, 140, 100, 'Payment DB', 'database');
  d.box('pe', 'rect', 440, 10, 160, 64, 'Payment executor', 'service', { bg: '#dbe4ff' });
  d.box('psp', 'ellipse', 700, -10, 150, 100, 'PSP\n(Stripe)', 'service', { strokeStyle: 'dashed' });
  d.box('wal', 'rect', 440, 130, 160, 60, 'Wallet', 'service', { bg: '#dbe4ff' });
  d.box('led', 'cyl', 440, 230, 160, 110, 'Ledger\n(double-entry)', 'database');
  d.box('kafka', 'rect', 700, 180, 130, 60, 'Kafka', 'message-queue');
  d.box('rec', 'rect', 900, 170, 160, 80, 'Reconciliation', 'service');
  d.box('sf', 'cyl', 920, -20, 130, 100, 'Settlement\nfiles (S3)', 'blob-store');
  d.arrow('u', 'ps', { label: 'checkout' });
  d.arrow('ps', 'pdb');
  d.arrow('ps', 'pe');
  d.arrow('pe', 'psp');
  d.arrow('ps', 'wal');
  d.arrow('ps', 'led', { via: [[400, 290]] });
  d.arrow('ps', 'kafka', { bind: 'start', via: [[270, 220], [660, 220]] });
  d.arrow('kafka', 'rec');
  d.arrow('sf', 'rec');
  d.arrow('psp', 'sf', { dashed: true, label: 'daily', freeLabel: true });
  d.text(0, 420, 'Idempotency: every payment order carries a UUID as idempotency key;\nthe executor retries with the same key, the PSP de-duplicates.', { kind: 'note', fontSize: 14 });
  return d;
};
