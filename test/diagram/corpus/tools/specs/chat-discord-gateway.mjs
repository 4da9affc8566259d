import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('chat-discord-gateway', {
    description: 'Discord-like chat: desktop and mobile clients reach a websocket gateway fleet and a REST API behind Cloudflare; guild service, Redis, Kafka, Cassandra message store, push and attachment storage, in two frames (edge and core).',
    style: ['product-names', 'multiline-labels'], font: 6, fontSize: 18, roughness: 0, strokeWidth: 2, stroke: '#343a40',
  });
  d.frame(180, -40, 420, 520, 'Edge');
  d.frame(660, -40, 720, 620, 'Core');
  d.box('desk', 'rect', -40, 40, 150, 70, 'Desktop client', 'client', { bg: '#e5dbff' });
  d.box('mob', 'phone', 10, 230, 60, 108, 'Mobile', 'client', { screen: '#e5dbff' });
  d.box('cf', 'rect', 230, 20, 150, 64, 'Cloudflare', 'cdn', { bg: '#ffd8a8' });
  d.box('gw', 'rect', 250, 200, 170, 80, 'Gateway\n(websocket)', 'gateway', { stack: { n: 3, dx: 14, dy: 14, text: 'front', group: true }, bg: '#d0bfff' });
  d.box('api', 'rect', 420, 20, 140, 64, 'API (REST)', 'api-server', { bg: '#d0bfff' });
  d.box('guild', 'rect', 720, 30, 160, 64, 'Guild service', 'service');
  d.box('redis', 'rect', 960, 30, 130, 60, 'Redis', 'cache', { bg: '#ffc9c9' });
  d.box('kafka', 'rect', 720, 230, 160, 64, 'Kafka', 'message-queue', { bg: '#fff3bf' });
  d.box('cass', 'cyl', 960, 180, 170, 130, 'Message store\nCassandra', 'nosql-db', { bg: '#b2f2bb' });
  d.box('push', 'rect', 720, 420, 170, 70, 'Push\n(FCM / APNs)', 'notification-service');
  d.box('gcs', 'cyl', 1180, 380, 150, 110, 'Attachments\nGCS', 'blob-store', { lid: 20 });

  d.arrow('desk', 'cf');
  d.arrow('cf', 'api');
  d.arrow('desk', 'gw', { label: 'wss', heads: 'both' });
  d.arrow('mob', 'gw', { heads: 'both' });
  d.arrow('api', 'guild');
  d.arrow('gw', 'guild');
  d.arrow('guild', 'redis');
  d.arrow('gw', 'kafka');
  d.arrow('kafka', 'cass');
  d.arrow('kafka', 'push');
  d.arrow('push', 'mob', { bind: 'start', via: [[805, 560], [40, 560]], short: 14 });
  d.arrow('api', 'gcs', { bind: 'start', via: [[500, 520], [1100, 520]], dashed: true, short: 16 });
  return d;
};
