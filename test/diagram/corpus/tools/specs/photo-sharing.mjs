import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('photo-sharing', {
    description: 'Instagram-like photo sharing drawn mostly with ellipses and text under the shapes: a phone, LB, upload service, S3 photo storage, Kafka, image processing workers, CDN, feed service with a feed cache, Cassandra metadata and Postgres users; arrows often bound at one end only.',
    style: ['product-names', 'abbreviations', 'multiline-labels', 'typos'], font: 1, fontSize: 18, roughness: 1, strokeWidth: 2, labelMode: 'below',
  });
  d.box('ph', 'phone', 0, 100, 56, 100, '', 'client');
  d.box('lb', 'ellipse', 120, 110, 80, 80, 'LB', 'load-balancer', { labelMode: 'bound' });
  d.box('up', 'ellipse', 280, 0, 120, 80, 'Upload service', 'service');
  d.box('feed', 'ellipse', 280, 220, 120, 80, 'Feed servce', 'service');
  d.box('s3', 'cyl', 480, -70, 110, 100, 'Photo storage\n(S3)', 'blob-store');
  d.box('kafka', 'rect', 480, 150, 120, 50, 'Kafka', 'message-queue', { labelMode: 'bound' });
  d.box('ip', 'ellipse', 690, 110, 130, 90, 'Image processing\nworkers', 'service', { stack: { n: 2, dx: 12, dy: 12, text: 'front' } });
  d.box('cdn', 'ellipse', 690, -60, 120, 80, 'CDN', 'cdn', { labelMode: 'bound', bg: '#ffe8cc' });
  d.box('fc', 'rect', 480, 260, 110, 60, 'feed cache', 'cache', { bg: '#fff5f5' });
  d.box('meta', 'cyl', 690, 290, 120, 110, 'Metadata\n(Cassandra)', 'nosql-db');
  d.box('users', 'cyl', 300, 380, 110, 100, 'Users\n(Postgres)', 'database');
  d.arrow('ph', 'lb', { bind: 'end' });
  d.arrow('lb', 'up', { bind: 'start' });
  d.arrow('lb', 'feed', { bind: 'start' });
  d.arrow('up', 's3', { bind: 'start' });
  d.arrow('up', 'kafka', { bind: 'end' });
  d.arrow('kafka', 'ip', { bind: 'start' });
  d.arrow('ip', 's3', { bind: 'none' });
  d.arrow('s3', 'cdn', { bind: 'none' });
  d.arrow('cdn', 'ph', { bind: 'none', via: [[100, -60]] });
  d.arrow('feed', 'fc', { bind: 'start' });
  d.arrow('feed', 'meta', { bind: 'none', via: [[600, 420]] });
  d.arrow('feed', 'users', { bind: 'start' });
  return d;
};
