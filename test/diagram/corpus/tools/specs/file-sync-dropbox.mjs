import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('file-sync-dropbox', {
    description: 'Dropbox-like file sync: a laptop client and a phone; an LB in front of API servers; block servers split files into blocks for S3 (with cold storage in Glacier); metadata cache and DB; a long-polling notification service and an offline backup queue.',
    style: ['product-names', 'multiline-labels', 'abbreviations'], font: 5, fontSize: 17, roughness: 1, strokeWidth: 1,
  });
  d.box('lap', 'rect', 0, 40, 120, 76, 'Client A\n(laptop)', 'client');
  d.box('ph', 'phone', 30, 220, 56, 100, 'Client B', 'client');
  d.box('bs', 'rect', 240, -100, 150, 64, 'Block servers', 'service', { stack: { n: 2, dx: 10, dy: 10, text: 'all' } });
  d.box('s3', 'cyl', 500, -130, 150, 110, 'Cloud storage\nS3', 'blob-store');
  d.box('gl', 'cyl', 740, -130, 150, 110, 'Cold storage\nGlacier', 'blob-store');
  d.box('lb', 'rect', 250, 70, 70, 64, 'LB', 'load-balancer');
  d.box('api', 'rect', 400, 60, 150, 80, 'API servers', 'api-server');
  d.box('mc', 'rect', 640, 40, 150, 56, 'Metadata cache', 'cache');
  d.box('mdb', 'cyl', 650, 150, 130, 100, 'Metadata DB', 'database');
  d.box('ns', 'rect', 380, 260, 190, 76, 'Notification service\n(long polling)', 'notification-service');
  d.box('oq', 'rect', 660, 300, 170, 60, 'Offline backup\nqueue', 'message-queue');
  d.arrow('lap', 'bs', { label: 'blocks' });
  d.arrow('bs', 's3');
  d.arrow('s3', 'gl', { label: 'inactive data', dashed: true });
  d.arrow('lap', 'lb');
  d.arrow('ph', 'lb', { bind: 'end' });
  d.arrow('lb', 'api');
  d.arrow('api', 'mc');
  d.arrow('api', 'mdb');
  d.arrow('api', 'ns');
  d.arrow('ns', 'ph', { label: 'file changed', heads: 'both' });
  d.arrow('ns', 'oq');
  d.arrow('bs', 'api', { dashed: true, bind: 'none' });
  return d;
};
