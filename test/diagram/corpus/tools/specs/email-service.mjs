import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('email-service', {
    description: 'A large-scale email service: Outlook and webmail clients, an LB, web servers for requests and real-time (WebSocket) servers for new-mail pushes; SMTP outgoing and incoming servers with their queues, other mail servers on the internet, Cassandra metadata, S3 attachments, Elasticsearch search store and a distributed cache.',
    style: ['product-names', 'abbreviations', 'multiline-labels', 'typos'], font: 1, fontSize: 16, roughness: 1, strokeWidth: 1,
  });
  d.box('ol', 'rect', 0, 0, 120, 60, 'Outlook client', 'client');
  d.box('wm', 'rect', 0, 110, 120, 60, 'Webmail\n(browser)', 'client');
  d.box('lb', 'rect', 180, 50, 70, 70, 'LB', 'load-balancer');
  d.box('web', 'rect', 320, -20, 140, 64, 'Web servers', 'web-server');
  d.box('rt', 'rect', 320, 130, 150, 70, 'Real-time servers\n(WebSocket)', 'gateway');
  d.box('oq', 'rect', 540, -120, 140, 56, 'Outgoing queue', 'message-queue');
  d.box('smo', 'rect', 740, -130, 150, 70, 'SMTP outgoing', 'service');
  d.box('other', 'ellipse', 960, -40, 160, 90, 'Other mail\nservers', 'service', { strokeStyle: 'dashed' });
  d.box('smi', 'rect', 740, 40, 150, 70, 'SMTP incoming', 'service');
  d.box('iq', 'rect', 540, 50, 140, 56, 'Incoming queue', 'message-queue');
  d.box('meta', 'cyl', 380, 280, 140, 110, 'Metadata DB\n(Cassandra)', 'nosql-db');
  d.box('att', 'cyl', 560, 280, 140, 110, 'Attachments\n(S3)', 'blob-store');
  d.box('es', 'cyl', 740, 280, 150, 110, 'Search store\n(Elasticsearch)', 'nosql-db');
  d.box('dc', 'rect', 180, 290, 150, 60, 'Distrubuted\ncache', 'cache');
  d.arrow('ol', 'lb');
  d.arrow('wm', 'lb');
  d.arrow('lb', 'web');
  d.arrow('lb', 'rt');
  d.arrow('web', 'oq', { label: 'send' });
  d.arrow('oq', 'smo');
  d.arrow('smo', 'other');
  d.arrow('other', 'smi');
  d.arrow('smi', 'iq');
  d.arrow('iq', 'rt', { label: 'new mail' });
  d.arrow('web', 'meta', { bind: 'start' });
  d.arrow('web', 'att', { bind: 'start' });
  d.arrow('iq', 'es', { bind: 'none' });
  d.arrow('web', 'dc', { via: [[270, 120]] });
  return d;
};
