import { Drawing } from '../draw.mjs';

export default () => {
  const d = new Drawing('chat-handdrawn-sketch', {
    description: 'A rough whiteboard sketch of a chat app: a stick-figure client, LB, two Ws servers, presence server with redis, a msg queue feeding a push notif box, a DynamoDB chat DB and media on S3; labels mostly written under or beside the shapes, arrows rarely bound.',
    style: ['typos', 'abbreviations', 'product-names'], font: 1, fontSize: 22, roughness: 2, strokeWidth: 2,
    labelMode: 'below', stroke: '#000000', rounded: false,
  });
  d.box('u', 'person', 10, 200, 96, 0, 'Client', 'client');
  d.box('lb', 'diamond', 170, 196, 100, 100, 'LB', 'load-balancer', { labelMode: 'inside' });
  d.box('ws1', 'rect', 360, 110, 130, 74, 'Ws server 1', 'gateway');
  d.box('ws2', 'rect', 366, 300, 130, 74, 'Ws server 2', 'gateway');
  d.box('pres', 'rect', 600, 10, 120, 70, 'presence server', 'presence-service', { labelMode: 'above' });
  d.box('redis', 'cyl', 880, -4, 90, 100, 'redis', 'cache', { stroke: '#e03131' });
  d.box('mq', 'rect', 610, 200, 170, 56, 'msg queue', 'message-queue', { labelMode: 'above' });
  for (let i = 1; i < 5; i++) d.rule(610 + i * 34, 200, [[0, 0], [0, 56]], { owner: 'mq' });
  d.box('push', 'ellipse', 880, 180, 130, 90, 'push notif', 'notification-service', { labelMode: 'inside' });
  d.box('db', 'cyl', 620, 360, 110, 120, 'Chat DB\ndyanodb', 'nosql-db', { labelMode: 'right' });
  d.box('s3', 'rect', 360, 470, 110, 80, 'media\nS3', 'blob-store', { labelMode: 'inside' });

  d.arrow('u', 'lb', { bind: 'none' });
  d.arrow('lb', 'ws1', { bind: 'none' });
  d.arrow('lb', 'ws2', { bind: 'none' });
  d.arrow('ws1', 'pres', { bind: 'end', label: 'heartbeat', freeLabel: true });
  d.arrow('pres', 'redis', { bind: 'none', short: 40 });
  d.arrow('ws1', 'mq', { bind: 'none' });
  d.arrow('ws2', 'mq', { bind: 'none' });
  d.arrow('mq', 'push', { bind: 'none' });
  d.arrow('ws2', 'db', { bind: 'start' });
  d.arrow('ws2', 's3', { bind: 'none', short: -6 });
  d.text(820, 330, 'if user offline ->\nsend push via APNs', { kind: 'annotation', fontSize: 18 });
  return d;
};
